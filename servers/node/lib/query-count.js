'use strict';
// Counts database round trips made on behalf of the request being served (flows with its async context).
const { AsyncLocalStorage } = require('node:async_hooks');
const { metrics } = require('./metrics');

const current = new AsyncLocalStorage();
let total = 0;

/** Runs fn as one request's work; returns what it returns. The box holds that request's count. */
function countQueries(box, fn) {
  return current.run(box, fn);
}

function recordQuery() {
  total++;
  metrics.dbQueries.inc();
  const box = current.getStore();
  if (box) box.queries++;
}

module.exports = { countQueries, recordQuery, totalQueries: () => total };
