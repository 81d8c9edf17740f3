'use strict';
// GET /search?q=ada: users whose name starts with q, rendered and cached by the exercise file
// (exercise/memory-leak.js: a cache keyed by the raw query string that nothing ever leaves, until a learner's
// version or the reference fix is served instead).
const { writeJson, badRequest } = require('../lib/api-error');
const { metrics } = require('../lib/metrics');

const MAX_QUERY_LENGTH = 200;

// The handler is named, not inferred from its route: a profile's frames must not show the path (an interview
// serves it at another).
function routes(bug, database, served) {
  const cache = { get count() { return served.code.entries?.() ?? 0; } };
  async function searchAnswered(req, res, query, rawQuery) {
    const q = query.getAll('q');
    if (q.length !== 1 || q[0].trim() === '' || q[0].length > MAX_QUERY_LENGTH) {
      badRequest(res, 'q', `q: required once, 1 to ${MAX_QUERY_LENGTH} characters of a user's name, e.g. q=ada`);
      return;
    }
    // A connection for each statement the code runs: a cache hit takes none.
    let queried = false;
    const db = {
      async query(sql, params) {
        queried = true;
        const connection = await database.acquire();
        try {
          return await connection.query(sql, params);
        } finally {
          connection.release();
        }
      },
    };
    const body = await served.call(req, res, (code) => code.search(db, rawQuery, q[0]));
    if (body === undefined) return;
    metrics.cacheEntries.set(cache.count);
    if (typeof body !== 'string') {
      writeJson(res, 500, { error: 'the exercise code answered no JSON text', file: served.fileName, message: `search() resolved to ${typeof body}, not a string` });
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'X-Cache': queried ? 'miss' : 'hit' });
    res.end(body);
  }
  return { cache, 'GET /search': searchAnswered };
}

module.exports = { routes };
