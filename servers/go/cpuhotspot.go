package main

import (
	"net/http"
	"time"
)

// serveCPUHotspot: GET /cpu-intense?limit=100000 counts primes on the request goroutine, naively (the bug: the
// seed's own Go handler) or with a sieve (the fix).
func serveCPUHotspot(mux *http.ServeMux, bug *bugSwitch) {
	mux.HandleFunc("/cpu-intense", func(w http.ResponseWriter, r *http.Request) {
		limit, ok := queryInt(w, r, "limit", 2, 1_000_000, 100_000)
		if !ok {
			return
		}
		started := time.Now()
		fixed := bug.isFixed()
		var primes int
		var steps int64
		algorithm := "trial-division"
		if fixed {
			primes, steps = sieve(limit)
			algorithm = "sieve"
		} else {
			primes, steps = trialDivision(limit)
		}
		writeJSON(w, http.StatusOK, map[string]interface{}{
			"primesFound": primes,
			"limit":       limit,
			"steps":       steps,
			"algorithm":   algorithm,
			"durationMs":  float64(time.Since(started).Microseconds()) / 1000,
			"mode":        bug.mode(),
		})
	})
}

// trialDivision is THE BUG: trial division of every number, about n·√n/ln n steps.
func trialDivision(limit int) (int, int64) {
	primes := 0
	var steps int64
	for i := 2; i <= limit; i++ {
		isPrime := true
		for j := 2; j*j <= i; j++ {
			steps++
			if i%j == 0 {
				isPrime = false
				break
			}
		}
		if isPrime {
			primes++
		}
	}
	return primes, steps
}

// sieve is THE FIX: a sieve of Eratosthenes over odd numbers only, about n·log log n / 2 steps.
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
