'use strict';
// GET /cpu-intense?limit=100000 answers with how many primes there are from 2 up to limit (2 to 1,000,000).

function countPrimes(limit) {
  let primes = 0;
  for (let i = 2; i <= limit; i++) {
    let isPrime = true;
    for (let j = 2; j * j <= i; j++) {
      if (i % j === 0) {
        isPrime = false;
        break;
      }
    }
    if (isPrime) primes++;
  }
  return primes;
}

module.exports = { countPrimes };
