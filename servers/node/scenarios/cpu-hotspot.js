'use strict';
// GET /cpu-intense?limit=100000: counts primes on the event loop with the exercise file (exercise/cpu-hotspot.js:
// trial division, the seed's Go handler's bug, until a learner serves their version) or, under --fixed, a sieve.
const { writeJson, queryInt } = require('../lib/api-error');

/** --fixed: a sieve of Eratosthenes over odd numbers only, about n·log log n / 2 steps. */
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

function routes(bug, database, served) {
  return {
    'GET /cpu-intense': (req, res, query) => {
      const limit = queryInt(res, query, 'limit', 2, 1000000, 100000);
      if (limit === null) return;
      const started = performance.now();
      if (bug.isFixed) {
        const { primes, steps } = sieve(limit);
        writeJson(res, 200, { primesFound: primes, limit, steps, algorithm: 'sieve', durationMs: performance.now() - started, mode: bug.mode });
        return;
      }
      // The exercise file's count, in the .NET server's shape (steps depend on the algorithm, so they are not shown).
      const primes = served.call(req, res, (code) => code.countPrimes(limit));
      if (primes !== undefined) writeJson(res, 200, { primesFound: primes, limit, durationMs: performance.now() - started, mode: bug.mode });
    },
  };
}

module.exports = { routes };
