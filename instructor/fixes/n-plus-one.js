'use strict';
// GET /users?ids=1,2,3 answers these users, in the order asked (unknown ids left out, each id once), each with
// their orders by id. db.query(sql, params) runs one statement ($1, $2... parameters) and resolves to its rows,
// each an array of column values.

const user = ([id, name, email, country, createdAt]) => ({ id, name, email, country, createdAt, orders: [] });
const order = ([id, amountCents, status, createdAt]) => ({ id, amountCents, status, createdAt });

// One round trip for all ids: the users and their orders joined, then put back in the order asked.
async function usersWithOrders(db, ids) {
  const rows = await db.query(
    `SELECT u.id, u.name, u.email, u.country, u.created_at, o.id, o.amount_cents, o.status, o.created_at
     FROM users u LEFT JOIN orders o ON o.user_id = u.id
     WHERE u.id IN (${ids.map((_, i) => '$' + (i + 1)).join(',')})
     ORDER BY u.id, o.id`, ids);
  const byId = new Map();
  for (const row of rows) {
    let u = byId.get(row[0]);
    if (!u) byId.set(row[0], u = user(row));
    if (row[5] !== null) u.orders.push(order(row.slice(5)));
  }
  return ids.filter((id) => byId.has(id)).map((id) => byId.get(id));
}

module.exports = { usersWithOrders };
