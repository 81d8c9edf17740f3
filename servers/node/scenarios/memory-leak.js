'use strict';
// GET /search?q=ada: users whose name starts with q, cached by the raw query string.
const { badRequest } = require('../lib/api-error');
const { SearchCache } = require('./search-cache');

const MAX_QUERY_LENGTH = 200;

function routes(bug, database) {
  const cache = new SearchCache();
  return {
    cache,
    'GET /search': async (req, res, query, rawQuery) => {
      const q = query.getAll('q');
      if (q.length !== 1 || q[0].trim() === '' || q[0].length > MAX_QUERY_LENGTH) {
        badRequest(res, 'q', `q: required once, 1 to ${MAX_QUERY_LENGTH} characters of a user's name, e.g. q=ada`);
        return;
      }
      const isFixed = bug.isFixed;
      let body = cache.get(isFixed, rawQuery);
      const hit = body !== undefined;
      if (!hit) {
        body = await render(database, q[0]);
        cache.add(isFixed, rawQuery, body);
      }
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'X-Cache': hit ? 'hit' : 'miss' });
      res.end(body);
    },
  };
}

async function render(database, q) {
  // LIKE wildcards in q are matched literally; q is a bound parameter, so SQL in it is just text.
  const pattern = q.toLowerCase().replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_') + '%';
  const db = await database.acquire();
  try {
    const rows = await db.query(
      `SELECT u.id, u.name, u.email, u.country, (SELECT count(*) FROM orders o WHERE o.user_id = u.id)
       FROM users u WHERE lower(u.name) LIKE $1 ESCAPE '\\' ORDER BY u.id LIMIT 20`, [pattern]);
    const users = rows.map(([id, name, email, country, orders]) => ({ id, name, email, country, orders }));
    // Kept as a string, on V8's heap (a Buffer's bytes would sit outside it), as the .NET server keeps a byte[].
    return JSON.stringify({ q, count: users.length, users });
  } finally {
    db.release();
  }
}

module.exports = { routes };
