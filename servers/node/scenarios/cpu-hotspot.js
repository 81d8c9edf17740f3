'use strict';
// GET /cpu-intense?limit=100000: counts primes on the event loop, naively (the bug, as the seed's Go handler) or
// with a sieve (the fix).
const { writeJson, queryInt } = require('../lib/api-error');

/** THE BUG: trial division of every number, about n·√n/ln n steps. */
function trialDivision(limit) {
  let primes = 0;
  let steps = 0;
  for (let i = 2; i <= limit; i++) {
    let isPrime = true;
    for (let j = 2; j * j <= i; j++) {
      steps++;
      if (i % j === 0) {
        isPrime = false;
        break;
      }
    }
    if (isPrime) primes++;
  }
  return { primes, steps };
}

/** THE FIX: a sieve of Eratosthenes over odd numbers only, about n·log log n / 2 steps. */
function sieve(limit) {
  if (limit < 2) return { primes: 0, steps: 0 };
  // composite[k] stands for the odd number 2k+1.
  const composite = new Uint8Array(Math.floor(limit / 2) + 1);
  let steps = 0;
  for (let p = 3; p * p <= limit; p += 2) {
    if (composite[p >> 1]) continue;
    for (let m = p * p; m <= limit; m += 2 * p) {
      composite[m >> 1] = 1;
      steps++;
    }
  }
  let primes = 1; // 2
  for (let k = 1; 2 * k + 1 <= limit; k++) if (!composite[k]) primes++;
  return { primes, steps: steps + Math.floor(limit / 2) };
}

function routes(bug) {
  return {
    'GET /cpu-intense': (req, res, query) => {
      const limit = queryInt(res, query, 'limit', 2, 1000000, 100000);
      if (limit === null) return;
      const started = performance.now();
      const { primes, steps } = bug.isFixed ? sieve(limit) : trialDivision(limit);
      writeJson(res, 200, {
        primesFound: primes, limit, steps, algorithm: bug.isFixed ? 'sieve' : 'trial-division',
        durationMs: performance.now() - started, mode: bug.mode,
      });
    },
  };
}

module.exports = { routes, trialDivision, sieve };
