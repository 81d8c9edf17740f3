package main

// countPrimes answers GET /cpu-intense?limit=100000: how many primes there are from 2 up to limit (2 to 1,000,000).
func countPrimes(limit int) int {
	primes := 0
	for i := 2; i <= limit; i++ {
		isPrime := true
		for j := 2; j*j <= i; j++ {
			if i%j == 0 {
				isPrime = false
				break
			}
		}
		if isPrime {
			primes++
		}
	}
	return primes
}
