package main

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"

	_ "github.com/mattn/go-sqlite3"
)

// openSqlite makes a SQLite file in a private temp folder, deleted when the server stops.
func openSqlite() (*sampleDatabase, error) {
	folder, err := os.MkdirTemp("", "perfnb-server-")
	if err != nil {
		return nil, fmt.Errorf("%w: cannot make a temp folder for SQLite: %v", errUnreachable, err)
	}
	path := filepath.Join(folder, "sample.db")
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL&_synchronous=NORMAL&_busy_timeout=30000")
	if err != nil {
		os.RemoveAll(folder)
		return nil, fmt.Errorf("%w: %v", errUnreachable, err)
	}
	return &sampleDatabase{db: db, provider: "sqlite", close: func() {
		db.Close()
		os.RemoveAll(folder)
	}}, nil
}

// seedSqlite loads every row in one transaction through one prepared statement per table.
func seedSqlite(db *sql.DB, users []user, orders []order) error {
	if _, err := db.Exec(schema); err != nil {
		return err
	}
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	insertUser, err := tx.Prepare("INSERT INTO users (id, name, email, country, created_at) VALUES ($1, $2, $3, $4, $5)")
	if err != nil {
		return err
	}
	for _, u := range users {
		if _, err := insertUser.Exec(u.id, u.name, u.email, u.country, u.created); err != nil {
			return err
		}
	}
	insertOrder, err := tx.Prepare("INSERT INTO orders (id, user_id, amount_cents, status, created_at) VALUES ($1, $2, $3, $4, $5)")
	if err != nil {
		return err
	}
	for _, o := range orders {
		if _, err := insertOrder.Exec(o.id, o.userID, o.amountCents, o.status, o.created); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = db.Exec(indexes)
	return err
}
