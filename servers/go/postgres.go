package main

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/lib/pq"
)

// openPostgres makes a private schema in a real PostgreSQL database (so parallel servers never see each other's
// rows), dropped when the server stops.
func openPostgres(text string) (*sampleDatabase, error) {
	target, err := url.Parse(text)
	if err != nil || (target.Scheme != "postgres" && target.Scheme != "postgresql") || target.Hostname() == "" {
		return nil, badArgument{fmt.Sprintf("--db '%s' is neither 'sqlite' nor a postgres://user:password@host:port/database URL", text)}
	}
	query := target.Query()
	if query.Get("sslmode") == "" {
		// lib/pq's default is to require TLS; the local sample clusters speak plain TCP on loopback.
		query.Set("sslmode", "disable")
	}
	target.RawQuery = query.Encode()
	endpoint := target.Host + target.Path

	schemaName := fmt.Sprintf("perfnb_%d_%x", os.Getpid(), time.Now().UnixNano())
	if len(schemaName) > 40 {
		schemaName = schemaName[:40]
	}
	admin, err := sql.Open("postgres", target.String())
	if err == nil {
		_, err = admin.Exec("CREATE SCHEMA " + pq.QuoteIdentifier(schemaName))
	}
	if err != nil {
		if admin != nil {
			admin.Close()
		}
		return nil, fmt.Errorf("%w: cannot use PostgreSQL at %s: %v", errUnreachable, endpoint, err)
	}
	query.Set("search_path", schemaName)
	target.RawQuery = query.Encode()
	db, err := sql.Open("postgres", target.String())
	if err != nil {
		admin.Close()
		return nil, fmt.Errorf("%w: cannot use PostgreSQL at %s: %v", errUnreachable, endpoint, err)
	}
	return &sampleDatabase{db: db, provider: "postgres", close: func() {
		db.Close()
		_, _ = admin.Exec("DROP SCHEMA IF EXISTS " + pq.QuoteIdentifier(schemaName) + " CASCADE")
		admin.Close()
	}}, nil
}

// seedPostgres bulk-loads with COPY, then indexes and analyses (so the planner uses the index as in production).
func seedPostgres(db *sql.DB, users []user, orders []order) error {
	if _, err := db.Exec(schema); err != nil {
		return err
	}
	copyRows := func(table string, columns []string, each func(stmt *sql.Stmt) error) error {
		tx, err := db.Begin()
		if err != nil {
			return err
		}
		defer tx.Rollback()
		stmt, err := tx.Prepare(pq.CopyIn(table, columns...))
		if err != nil {
			return err
		}
		if err := each(stmt); err != nil {
			return err
		}
		if _, err := stmt.Exec(); err != nil {
			return err
		}
		if err := stmt.Close(); err != nil {
			return err
		}
		return tx.Commit()
	}
	err := copyRows("users", strings.Fields("id name email country created_at"), func(stmt *sql.Stmt) error {
		for _, u := range users {
			if _, err := stmt.Exec(u.id, u.name, u.email, u.country, u.created); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = copyRows("orders", strings.Fields("id user_id amount_cents status created_at"), func(stmt *sql.Stmt) error {
		for _, o := range orders {
			if _, err := stmt.Exec(o.id, o.userID, o.amountCents, o.status, o.created); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	_, err = db.Exec(indexes + " ANALYZE users; ANALYZE orders;")
	return err
}
