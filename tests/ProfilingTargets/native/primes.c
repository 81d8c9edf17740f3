/* A CPU-bound C program for profiler tests: counts primes by trial division forever. */
#include <stdio.h>
#include <time.h>

__attribute__((noinline)) static int is_prime(int n) {
    if (n < 2) return 0;
    for (int d = 2; d * d <= n; d++)
        if (n % d == 0) return 0;
    return 1;
}

__attribute__((noinline)) int count_primes(int limit) {
    int count = 0;
    for (int n = 2; n <= limit; n++)
        if (is_prime(n)) count++;
    return count;
}

int main(void) {
    volatile long total = 0;
    long calls = 0; /* "rate N" each second: count_primes calls finished, for the overhead benchmark */
    struct timespec start, now;
    printf("ready\n");
    fflush(stdout);
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        total += count_primes(30000);
        calls++;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec > start.tv_sec) {
            printf("rate %ld\n", calls);
            fflush(stdout);
            calls = 0;
            start = now;
        }
    }
}
