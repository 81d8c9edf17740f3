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
func callExercise(w http.ResponseWriter, bug *servedCode, fn func()) (ok bool) {
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		ok = false
		real, file := exerciseFiles[bug.scenario], bug.exerciseFile()
		frames := []string{}
		for _, line := range strings.Split(string(debug.Stack()), "\n") {
			if strings.Contains(line, "/"+real+":") {
				// As shown: an interview's file is service.go, and the checkout's folders say nothing to the learner.
				frames = append(frames, file+line[strings.LastIndex(line, "/"+real+":")+len(real)+1:])
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
