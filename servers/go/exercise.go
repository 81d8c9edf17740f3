package main

import (
	"fmt"
	"net/http"
	"os"
	"runtime/debug"
	"strings"
)

// exerciseFiles: each scenario's exercise file, the one source a learner rewrites. The launcher rebuilds this server
// with their version in its place (go build -overlay) and starts it on the same port; PERFNB_SERVED names what the
// new binary serves ("learner" or "fixed", the reference), so /admin/mode and the ready line say so.
var exerciseFiles = map[string]string{
	"cpu-hotspot": "primes.go",
	"n-plus-one":  "userswithorders.go",
}

func servedLabel() string {
	if label := os.Getenv("PERFNB_SERVED"); label == "learner" || label == "fixed" {
		return label
	}
	return "buggy"
}

// callExercise runs the exercise file's code; a panic there answers 500 naming it, with the exercise file's frames,
// and the server stays up. Reports whether fn returned normally.
func callExercise(w http.ResponseWriter, scenario string, fn func()) (ok bool) {
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		ok = false
		file := exerciseFiles[scenario]
		frames := []string{}
		for _, line := range strings.Split(string(debug.Stack()), "\n") {
			if strings.Contains(line, "/"+file+":") {
				frames = append(frames, strings.TrimSpace(line))
			}
		}
		fmt.Fprintf(os.Stderr, "sample-server: %s panicked: %v\n", file, v)
		writeJSON(w, http.StatusInternalServerError, map[string]interface{}{
			"error": "the exercise code panicked", "file": file, "exception": "panic", "message": fmt.Sprint(v), "stack": frames,
		})
	}()
	fn()
	return true
}
