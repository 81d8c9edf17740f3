'use strict';
// GET /users?ids=1,2,3: users with their orders, answered by the exercise file (exercise/n-plus-one.js: the seed's
// N+1 bug, a query per user and per user's orders, until a learner's version or the reference fix is served instead).
const { writeJson, badRequest, shorten } = require('../lib/api-error');

const MAX_IDS = 1000;
const MAX_ID = 2147483647;

/** Parses ids=1,2,3 strictly: positive integers, at most MAX_IDS, duplicates dropped, order kept; null after a 400. */
function parseIds(res, query) {
  const text = query.getAll('ids').join(',');
  if (text.trim() === '') {
    badRequest(res, 'ids', 'ids: required, a comma-separated list of positive user ids, e.g. ids=1,2,3');
    return null;
  }
  const tokens = text.split(',');
  if (tokens.length > MAX_IDS) {
    badRequest(res, 'ids', `ids: ${tokens.length} ids given, at most ${MAX_IDS} per request`);
    return null;
  }
  const ids = [];
  for (const token of tokens) {
    const trimmed = token.trim();
    const id = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
    if (Number.isNaN(id) || id < 1 || id > MAX_ID) {
      badRequest(res, 'ids', `ids: '${shorten(trimmed)}' is not a positive user id (1 to ${MAX_ID})`);
      return null;
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

// The handler is named, not inferred from its route: a profile's frames must not show the path (an interview
// serves it at another).
function routes(bug, database, served) {
  async function usersAsked(req, res, query) {
    const ids = parseIds(res, query);
    if (ids === null) return;
    const db = await database.acquire();
    try {
      const users = await served.call(req, res, (code) => code.usersWithOrders(db, ids));
      if (users !== undefined) writeJson(res, 200, users);
    } finally {
      db.release();
    }
  }
  return { 'GET /users': usersAsked };
}

module.exports = { routes };
