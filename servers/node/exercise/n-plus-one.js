'use strict';
// GET /users?ids=1,2,3 answers these users, in the order asked (unknown ids left out, each id once), each with
// their orders by id. db.query(sql, params) runs one statement ($1, $2... parameters) and resolves to its rows,
// each an array of column values.

const user = ([id, name, email, country, createdAt]) => ({ id, name, email, country, createdAt, orders: [] });
const order = ([id, amountCents, status, createdAt]) => ({ id, amountCents, status, createdAt });

async function usersWithOrders(db, ids) {
  const users = [];
  for (const id of ids) {
    const found = await db.query('SELECT id, name, email, country, created_at FROM users WHERE id = $1', [id]);
    if (found.length === 0) continue;
    const u = user(found[0]);
    const orders = await db.query('SELECT id, amount_cents, status, created_at FROM orders WHERE user_id = $1 ORDER BY id', [id]);
    u.orders = orders.map(order);
    users.push(u);
  }
  return users;
}

module.exports = { usersWithOrders };
