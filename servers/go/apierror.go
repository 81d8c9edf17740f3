package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// apiError is the JSON body of every 4xx/503: what went wrong and which parameter to fix.
type apiError struct {
	Error     string `json:"error"`
	Parameter string `json:"parameter,omitempty"`
}

func writeJSON(w http.ResponseWriter, status int, body interface{}) {
	// Marshal, not an Encoder: no trailing newline, so bodies match the .NET server's byte for byte.
	bytes, err := json.Marshal(body)
	if err != nil {
		status, bytes = http.StatusInternalServerError, []byte(`{"error":"cannot encode the response"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(bytes)))
	w.WriteHeader(status)
	_, _ = w.Write(bytes)
}

func badRequest(w http.ResponseWriter, parameter, message string) {
	writeJSON(w, http.StatusBadRequest, apiError{Error: message, Parameter: parameter})
}

// queryInt reads a whole-number query parameter strictly; ok is false once a 400 naming it has been written.
func queryInt(w http.ResponseWriter, r *http.Request, name string, min, max, fallback int) (int, bool) {
	values := r.URL.Query()[name]
	if len(values) == 0 || values[0] == "" {
		return fallback, true
	}
	v, err := strconv.Atoi(values[0])
	if len(values) > 1 || err != nil || !digitsOnly(values[0]) || v < min || v > max {
		badRequest(w, name, fmt.Sprintf("%s: '%s' is not a whole number from %d to %d", name, shorten(strings.Join(values, ",")), min, max))
		return 0, false
	}
	return v, true
}

func digitsOnly(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// shorten echoes at most 40 characters of a bad value back, so a 100 KB parameter does not make a 100 KB error.
func shorten(text string) string {
	if len(text) <= 40 {
		return text
	}
	return text[:40] + "..."
}
