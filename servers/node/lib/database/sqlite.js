'use strict';
// SQLite through sql.js (SQLite compiled to WebAssembly): it installs from the registry alone, with no native
// build and no binary download (better-sqlite3 12 had to compile from source here, minutes after its prebuilt
// download failed). The database lives in this process's memory and goes with it.
const initSqlJs = require('sql.js');
const { schema, indexes } = require('./schema');

async function open() {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  const run = (sql, params) => {
    const statement = db.prepare(sql);
    try {
      statement.bind(params);
      const rows = [];
      while (statement.step()) rows.push(statement.get());
      return rows;
    } finally {
      statement.free();
    }
  };
  return {
    provider: 'sqlite',
    // One in-process database: a "connection" is a slot; queries run synchronously on the event loop.
    connect: async () => ({ query: async (sql, params) => run(sql, params), release: () => {} }),
    seed: async (users, orders) => {
      db.exec(schema);
      db.exec('BEGIN');
      for (const [table, rows] of [['users (id, name, email, country, created_at)', users], ['orders (id, user_id, amount_cents, status, created_at)', orders]]) {
        const insert = db.prepare(`INSERT INTO ${table} VALUES ($1, $2, $3, $4, $5)`);
        for (const row of rows) insert.run(row);
        insert.free();
      }
      db.exec('COMMIT');
      db.exec(indexes);
    },
    close: async () => db.close(),
  };
}

module.exports = { open };
