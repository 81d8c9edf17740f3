// A CPU-bound Node program for profiler tests: counts primes by trial division forever.
'use strict';

function isPrime(n) {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) {
    if (n % d === 0) return false;
  }
  return true;
}

function countPrimes(limit) {
  let count = 0;
  for (let n = 2; n <= limit; n++) {
    if (isPrime(n)) count++;
  }
  return count;
}

let total = 0;
console.log(`pid ${process.pid}`);
function work() {
  total += countPrimes(200000);
  setImmediate(work); // yield to the event loop so the inspector can answer
}
work();
