// A CPU-bound Go program for profiler tests: it counts primes by trial division in a loop and serves
// net/http/pprof on 127.0.0.1 (port from PRIMES_PPROF_ADDR, default an ephemeral one printed on stdout).
package main

import (
	"fmt"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"sync/atomic"
	"time"
)

//go:noinline
func isPrime(n int) bool {
	if n < 2 {
		return false
	}
	for d := 2; d*d <= n; d++ {
		if n%d == 0 {
			return false
		}
	}
	return true
}

//go:noinline
func countPrimes(limit int) int {
	count := 0
	for n := 2; n <= limit; n++ {
		if isPrime(n) {
			count++
		}
	}
	return count
}

func main() {
	addr := os.Getenv("PRIMES_PPROF_ADDR")
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	listener, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("ready pprof http://%s/debug/pprof/\n", listener.Addr())
	go http.Serve(listener, nil)
	// "rate N": calls of countPrimes finished in the last second, for the overhead benchmark.
	var calls int64
	go func() {
		for range time.Tick(time.Second) {
			fmt.Printf("rate %d\n", atomic.SwapInt64(&calls, 0))
		}
	}()
	total := 0
	for {
		total += countPrimes(30000)
		atomic.AddInt64(&calls, 1)
		if total < 0 {
			fmt.Println(total)
		}
	}
}
