package main

import "context"

// usersWithOrders answers GET /users?ids=1,2,3: these users, in the order asked (unknown ids left out, each id
// once), each with their orders by id. db.query(ctx, sql, args...) runs one statement ($1, $2... parameters).
func usersWithOrders(ctx context.Context, db *session, ids []int64) ([]userView, error) {
	users := []userView{}
	for _, id := range ids {
		rows, err := db.query(ctx, "SELECT id, name, email, country, created_at FROM users WHERE id = $1", id)
		if err != nil {
			return nil, err
		}
		found, err := readUsers(rows)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			continue
		}
		rows, err = db.query(ctx, "SELECT id, amount_cents, status, created_at FROM orders WHERE user_id = $1 ORDER BY id", id)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var o orderView
			if err := rows.Scan(&o.ID, &o.AmountCents, &o.Status, &o.CreatedAt); err != nil {
				rows.Close()
				return nil, err
			}
			found[0].Orders = append(found[0].Orders, o)
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		users = append(users, found[0])
	}
	return users, nil
}
