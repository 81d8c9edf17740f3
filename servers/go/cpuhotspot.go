package main

import (
	"net/http"
	"time"
)

// serveCPUHotspot: GET /cpu-intense?limit=100000 counts primes on the request goroutine with the exercise file
// (primes.go: trial division, the seed's own Go handler's bug, until a learner serves their version) or, under
// --fixed, with a sieve.
func serveCPUHotspot(mux *http.ServeMux, bug *bugSwitch) {
	mux.HandleFunc("/cpu-intense", func(w http.ResponseWriter, r *http.Request) {
		limit, ok := queryInt(w, r, "limit", 2, 1_000_000, 100_000)
		if !ok {
			return
		}
		started := time.Now()
		if bug.isFixed() {
			primes, steps := sieve(limit)
			writeJSON(w, http.StatusOK, map[string]interface{}{
				"primesFound": primes, "limit": limit, "steps": steps, "algorithm": "sieve",
				"durationMs": float64(time.Since(started).Microseconds()) / 1000, "mode": bug.mode(),
			})
			return
		}
		// The exercise file's count, in the .NET server's shape (steps depend on the algorithm, so they are not shown).
		var primes int
		if !callExercise(w, bug.scenario, func() { primes = countPrimes(limit) }) {
			return
		}
		writeJSON(w, http.StatusOK, map[string]interface{}{
			"primesFound": primes, "limit": limit, "durationMs": float64(time.Since(started).Microseconds()) / 1000, "mode": bug.mode(),
		})
	})
}

// sieve is the --fixed path: a sieve of Eratosthenes over odd numbers only, about n·log log n / 2 steps.
func sieve(limit int) (int, int64) {
	if limit < 2 {
		return 0, 0
	}
	// composite[k] stands for the odd number 2k+1.
	composite := make([]bool, limit/2+1)
	var steps int64
	for p := 3; p*p <= limit; p += 2 {
		if composite[p/2] {
			continue
		}
		for m := p * p; m <= limit; m += 2 * p {
			composite[m/2] = true
			steps++
		}
	}
	primes := 1 // 2
	for k := 1; 2*k+1 <= limit; k++ {
		if !composite[k] {
			primes++
		}
	}
	return primes, steps + int64(limit/2)
}
