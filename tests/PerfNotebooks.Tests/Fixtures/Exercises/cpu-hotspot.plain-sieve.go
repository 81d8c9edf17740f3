package main

// A plain sieve over every number.
func countPrimes(limit int) int {
	composite := make([]bool, limit+1)
	primes := 0
	for i := 2; i <= limit; i++ {
		if composite[i] {
			continue
		}
		primes++
		for m := i * i; m <= limit; m += i {
			composite[m] = true
		}
	}
	return primes
}
