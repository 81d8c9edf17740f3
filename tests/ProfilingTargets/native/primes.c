/* A CPU-bound C program for profiler tests: counts primes by trial division forever. */
#include <stdio.h>

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
    printf("ready\n");
    fflush(stdout);
    for (;;) total += count_primes(200000);
}
