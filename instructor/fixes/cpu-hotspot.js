'use strict';
// GET /cpu-intense?limit=100000 answers with how many primes there are from 2 up to limit (2 to 1,000,000).

// Sieve of Eratosthenes over odd numbers: composite[k] stands for 2k+1. About n log log n steps, not n√n.
function countPrimes(limit) {
  if (limit < 2) return 0;
  const composite = new Uint8Array(Math.floor(limit / 2) + 1);
  for (let p = 3; p * p <= limit; p += 2) {
    if (composite[p >> 1]) continue;
    for (let m = p * p; m <= limit; m += 2 * p) composite[m >> 1] = 1;
  }
  let primes = 1; // 2
  for (let k = 1; 2 * k + 1 <= limit; k++) if (!composite[k]) primes++;
  return primes;
}

module.exports = { countPrimes };
