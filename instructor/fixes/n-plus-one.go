package main

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
)

// usersWithOrders answers GET /users?ids=1,2,3: these users, in the order asked (unknown ids left out, each id
// once), each with their orders by id. db.query(ctx, sql, args...) runs one statement ($1, $2... parameters).
//
// One round trip for all ids: the users and their orders joined, then put back in the order asked.
func usersWithOrders(ctx context.Context, db *session, ids []int64) ([]userView, error) {
	params := make([]string, len(ids))
	args := make([]interface{}, len(ids))
	for i, id := range ids {
		params[i] = "$" + strconv.Itoa(i+1)
		args[i] = id
	}
	rows, err := db.query(ctx, `SELECT u.id, u.name, u.email, u.country, u.created_at, o.id, o.amount_cents, o.status, o.created_at
		FROM users u LEFT JOIN orders o ON o.user_id = u.id
		WHERE u.id IN (`+strings.Join(params, ",")+`)
		ORDER BY u.id, o.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := map[int64]*userView{}
	for rows.Next() {
		var u userView
		var orderID, amount sql.NullInt64
		var status, created sql.NullString
		if err := rows.Scan(&u.ID, &u.Name, &u.Email, &u.Country, &u.CreatedAt, &orderID, &amount, &status, &created); err != nil {
			return nil, err
		}
		view, ok := byID[u.ID]
		if !ok {
			u.Orders = []orderView{}
			view = &u
			byID[u.ID] = view
		}
		if orderID.Valid {
			view.Orders = append(view.Orders, orderView{orderID.Int64, amount.Int64, status.String, created.String})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	users := make([]userView, 0, len(byID))
	for _, id := range ids {
		if view, ok := byID[id]; ok {
			users = append(users, *view)
		}
	}
	return users, nil
}
