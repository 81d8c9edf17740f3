'use strict';
// GET /cpu-intense?limit=100000: counts primes on the event loop with the exercise file (exercise/cpu-hotspot.js:
// trial division, the seed's Go handler's bug, until a learner's version or the reference fix is served instead).
const { writeJson, queryInt } = require('../lib/api-error');

// The handler is named, not inferred from its route: a profile's frames must not show the path (an interview
// serves it at another).
function routes(bug, database, served) {
  function primesFound(req, res, query) {
    const limit = queryInt(res, query, 'limit', 2, 1000000, 100000);
    if (limit === null) return;
    const started = performance.now();
    // The exercise file's count, in the .NET server's shape (steps depend on the algorithm, so they are not shown).
    const primes = served.call(req, res, (code) => code.countPrimes(limit));
    if (primes !== undefined) writeJson(res, 200, { primesFound: primes, limit, durationMs: performance.now() - started, mode: bug.mode });
  }
  return { 'GET /cpu-intense': primesFound };
}

module.exports = { routes };
