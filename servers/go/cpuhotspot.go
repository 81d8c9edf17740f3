package main

import (
	"net/http"
	"time"
)

// serveCPUHotspot: GET /cpu-intense?limit=100000 counts primes on the request goroutine with the exercise file
// (primes.go: trial division, the seed's own Go handler's bug, until a learner's version or the reference fix is
// built in its place).
func serveCPUHotspot(mux *http.ServeMux, path string, bug *servedCode) {
	mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
		limit, ok := queryInt(w, r, "limit", 2, 1_000_000, 100_000)
		if !ok {
			return
		}
		started := time.Now()
		// The exercise file's count, in the .NET server's shape (steps depend on the algorithm, so they are not shown).
		var primes int
		if !callExercise(w, bug, func() { primes = countPrimes(limit) }) {
			return
		}
		writeJSON(w, http.StatusOK, map[string]interface{}{
			"primesFound": primes, "limit": limit, "durationMs": float64(time.Since(started).Microseconds()) / 1000, "mode": bug.mode(),
		})
	})
}
