package main

import (
	"context"
	"strconv"
	"strings"
)

// Two round trips whatever the count: the users asked for, then all their orders.
func usersWithOrders(ctx context.Context, db *session, ids []int64) ([]userView, error) {
	params := make([]string, len(ids))
	args := make([]interface{}, len(ids))
	for i, id := range ids {
		params[i] = "$" + strconv.Itoa(i+1)
		args[i] = id
	}
	in := strings.Join(params, ",")
	rows, err := db.query(ctx, "SELECT id, name, email, country, created_at FROM users WHERE id IN ("+in+")", args...)
	if err != nil {
		return nil, err
	}
	found, err := readUsers(rows)
	if err != nil {
		return nil, err
	}
	byID := map[int64]*userView{}
	for i := range found {
		byID[found[i].ID] = &found[i]
	}
	rows, err = db.query(ctx, "SELECT user_id, id, amount_cents, status, created_at FROM orders WHERE user_id IN ("+in+") ORDER BY id", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var userID int64
		var o orderView
		if err := rows.Scan(&userID, &o.ID, &o.AmountCents, &o.Status, &o.CreatedAt); err != nil {
			return nil, err
		}
		byID[userID].Orders = append(byID[userID].Orders, o)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	users := []userView{}
	for _, id := range ids {
		if u, ok := byID[id]; ok {
			users = append(users, *u)
		}
	}
	return users, nil
}
