'use strict';
// The series this server exports at /metrics: the same names as the .NET sample server's, beside prom-client's
// Node.js runtime and process metrics.
const client = require('prom-client');

const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

const metrics = {
  dbQueries: new client.Counter({ name: 'perfnb_db_queries_total', help: 'Database round trips made by the server.', registers: [registry] }),
  dbQueriesPerRequest: new client.Histogram({
    name: 'perfnb_db_queries_per_request',
    help: 'Database round trips made while serving one request.',
    labelNames: ['route'],
    buckets: [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000],
    registers: [registry],
  }),
  dbConnectionsOpen: new client.Gauge({
    name: 'perfnb_db_connections_open', help: 'Database connections currently taken from the pool and not given back.', registers: [registry],
  }),
  dbPoolExhausted: new client.Counter({
    name: 'perfnb_db_pool_exhausted_total', help: 'Requests that gave up waiting for a free database connection.', registers: [registry],
  }),
  cacheEntries: new client.Gauge({
    name: 'perfnb_cache_entries', help: 'Entries held by the search cache.', registers: [registry],
  }),
  bugFixed: new client.Gauge({
    name: 'perfnb_bug_fixed', help: '1 when the scenario serves its fixed code path, 0 when it serves the bug.', registers: [registry],
  }),
  // Named as prometheus-net's ASP.NET series, so one query reads every runtime's servers.
  requestDuration: new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'The duration of HTTP requests processed by the server.',
    labelNames: ['code', 'method', 'endpoint'],
    buckets: client.exponentialBuckets(0.001, 2, 16),
    registers: [registry],
  }),
};

module.exports = { registry, metrics };
