'use strict';
// Two round trips whatever the count: the users asked for, then all their orders.

async function usersWithOrders(db, ids) {
  const params = ids.map((_, i) => '$' + (i + 1)).join(',');
  const users = await db.query(`SELECT id, name, email, country, created_at FROM users WHERE id IN (${params})`, ids);
  const orders = await db.query(`SELECT user_id, id, amount_cents, status, created_at FROM orders WHERE user_id IN (${params}) ORDER BY id`, ids);
  const byId = new Map(users.map(([id, name, email, country, createdAt]) => [id, { id, name, email, country, createdAt, orders: [] }]));
  for (const [userId, id, amountCents, status, createdAt] of orders) byId.get(userId)?.orders.push({ id, amountCents, status, createdAt });
  return ids.filter((id) => byId.has(id)).map((id) => byId.get(id));
}

module.exports = { usersWithOrders };
