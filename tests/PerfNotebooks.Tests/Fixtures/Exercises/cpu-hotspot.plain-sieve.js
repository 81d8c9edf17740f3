'use strict';
// A plain sieve over every number, booleans in an ordinary array.

function countPrimes(limit) {
  const composite = new Array(limit + 1).fill(false);
  let primes = 0;
  for (let i = 2; i <= limit; i++) {
    if (composite[i]) continue;
    primes++;
    for (let m = i * i; m <= limit; m += i) composite[m] = true;
  }
  return primes;
}

module.exports = { countPrimes };
