'use strict';
// GET /search?q=ada answers with the first 20 users (by id) whose name starts with q, ignoring case, as JSON text.
// Rendered results are cached: the same search should not hit the database every time. db.query(sql, params) runs
// one statement ($1, $2... parameters) and resolves to its rows, each an array of column values. entries() tells
// /debug/stats and /metrics how many results the cache holds.

const cache = new Map();

/** query: the request's raw query string, e.g. "q=ada"; q: the q parameter, 1 to 200 characters. */
async function search(db, query, q) {
  const cached = cache.get(query);
  if (cached !== undefined) return cached;
  const body = await render(db, q);
  cache.set(query, body);
  return body;
}

async function render(db, q) {
  // LIKE wildcards in q are matched literally; q is a bound parameter, so SQL in it is just text.
  const pattern = q.toLowerCase().replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_') + '%';
  const rows = await db.query(
    `SELECT u.id, u.name, u.email, u.country, (SELECT count(*) FROM orders o WHERE o.user_id = u.id)
     FROM users u WHERE lower(u.name) LIKE $1 ESCAPE '\\' ORDER BY u.id LIMIT 20`, [pattern]);
  const users = rows.map(([id, name, email, country, orders]) => ({ id, name, email, country, orders }));
  return JSON.stringify({ q, count: users.length, users });
}

module.exports = { search, entries: () => cache.size };
