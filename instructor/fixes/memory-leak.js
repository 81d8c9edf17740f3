'use strict';
// GET /search?q=ada answers with the first 20 users (by id) whose name starts with q, ignoring case, as JSON text.
// Rendered results are cached: the same search should not hit the database every time. db.query(sql, params) runs
// one statement ($1, $2... parameters) and resolves to its rows, each an array of column values. entries() tells
// /debug/stats and /metrics how many results the cache holds.

// Bounded: at most 100 entries, each for two minutes; a full cache drops its oldest quarter (a Map keeps insertion
// order) instead of growing with every distinct query a client sends.
const MAX_ENTRIES = 100;
const EXPIRY_MS = 2 * 60 * 1000;
const cache = new Map();

/** query: the request's raw query string, e.g. "q=ada"; q: the q parameter, 1 to 200 characters. */
async function search(db, query, q) {
  const cached = cache.get(query);
  if (cached !== undefined && Date.now() <= cached.expires) return cached.body;
  cache.delete(query);
  const body = await render(db, q);
  if (cache.size >= MAX_ENTRIES) {
    let drop = Math.ceil(MAX_ENTRIES / 4);
    for (const oldest of cache.keys()) {
      if (drop-- === 0) break;
      cache.delete(oldest);
    }
  }
  cache.set(query, { body, expires: Date.now() + EXPIRY_MS });
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
