'use strict';
// SQL both SQLite and PostgreSQL accept; the index is made after the bulk load (cheaper than row by row).
module.exports = {
  schema: `CREATE TABLE users (id BIGINT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, country TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, amount_cents BIGINT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL);`,
  indexes: 'CREATE INDEX orders_user_id ON orders (user_id);',
};
