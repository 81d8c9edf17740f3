'use strict';
// PostgreSQL through pg: a private schema (so parallel servers never see each other's rows), dropped at stop.
const pg = require('pg');
const { schema, indexes } = require('./schema');

// BIGINT columns and count(*) as numbers, not strings: every id here fits in a double.
pg.types.setTypeParser(20, (text) => Number(text));

class UnusableDatabase extends Error {}

async function open(url, maxConnections) {
  let target;
  try {
    target = new URL(url);
  } catch {
    target = null;
  }
  if (!target || !['postgres:', 'postgresql:'].includes(target.protocol) || !target.hostname) {
    const { BadArgument } = require('../options');
    throw new BadArgument(`--db '${url}' is neither 'sqlite' nor a postgres://user:password@host:port/database URL`);
  }
  const endpoint = `${target.hostname}:${target.port || 5432}${target.pathname}`;
  const schemaName = `perfnb_${process.pid}_${Date.now().toString(16)}`.slice(0, 40);
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schemaName}`);
  } catch (e) {
    await admin.end().catch(() => {});
    throw new UnusableDatabase(`cannot use PostgreSQL at ${endpoint}: ${e.message}`);
  }
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, options: `-c search_path=${schemaName}` });
  const rows = async (client, sql, params) => (await client.query({ text: sql, values: params, rowMode: 'array' })).rows;
  return {
    provider: 'postgres',
    connect: async () => {
      const client = await pool.connect();
      return { query: (sql, params) => rows(client, sql, params), release: () => client.release() };
    },
    seed: async (users, orders) => {
      const client = await pool.connect();
      try {
        await client.query(schema);
        // Multi-row INSERTs of 1,000 rows: pg has no COPY of its own, and one statement per row is 30,000 round trips.
        for (const [table, all] of [['users (id, name, email, country, created_at)', users], ['orders (id, user_id, amount_cents, status, created_at)', orders]]) {
          for (let i = 0; i < all.length; i += 1000) {
            const chunk = all.slice(i, i + 1000);
            const values = chunk.map((_, r) => `($${r * 5 + 1}, $${r * 5 + 2}, $${r * 5 + 3}, $${r * 5 + 4}, $${r * 5 + 5})`).join(', ');
            await client.query(`INSERT INTO ${table} VALUES ${values}`, chunk.flat());
          }
        }
        await client.query(indexes + ' ANALYZE users; ANALYZE orders;');
      } finally {
        client.release();
      }
    },
    close: async () => {
      await pool.end().catch(() => {});
      await admin.query(`DROP SCHEMA IF EXISTS ${schemaName} CASCADE`).catch(() => {});
      await admin.end().catch(() => {});
    },
  };
}

module.exports = { open, UnusableDatabase };
