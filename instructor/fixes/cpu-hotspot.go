package main

// countPrimes answers GET /cpu-intense?limit=100000: how many primes there are from 2 up to limit (2 to 1,000,000).
//
// Sieve of Eratosthenes over odd numbers: composite[k] stands for 2k+1. About n log log n steps, not n√n.
func countPrimes(limit int) int {
	if limit < 2 {
		return 0
	}
	composite := make([]bool, limit/2+1)
	for p := 3; p*p <= limit; p += 2 {
		if composite[p/2] {
			continue
		}
		for m := p * p; m <= limit; m += 2 * p {
			composite[m/2] = true
		}
	}
	primes := 1 // 2
	for k := 1; 2*k+1 <= limit; k++ {
		if !composite[k] {
			primes++
		}
	}
	return primes
}
