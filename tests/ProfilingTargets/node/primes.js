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

// PRIMES_SECONDS=N stops after N seconds (so node --cpu-prof writes its profile); otherwise runs until killed.
const stopAt = process.env.PRIMES_SECONDS ? Date.now() + 1000 * Number(process.env.PRIMES_SECONDS) : Infinity;
let total = 0;
let calls = 0; // "rate N" each second: countPrimes calls finished, for the overhead benchmark
console.log(`ready pid ${process.pid}`);
const ticker = setInterval(() => { console.log(`rate ${calls}`); calls = 0; }, 1000);
function work() {
  total += countPrimes(30000); // small units, so the event loop turns (and the inspector answers) often
  calls++;
  if (Date.now() < stopAt) setImmediate(work);
  else clearInterval(ticker);
}
work();
