package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log"
	"net/http"
	"strings"
	"sync/atomic"
	"time"
)

// sampleDatabase is the scenarios' database: a seeded SQLite file (default) or a private schema in PostgreSQL.
// Connections come from a bounded pool (poolSize at once, waiting at most poolTimeout), as in production.
type sampleDatabase struct {
	db          *sql.DB
	provider    string
	latency     time.Duration
	poolSize    int
	poolTimeout time.Duration
	pool        chan struct{}
	open        int64
	users       int
	orders      int
	seedTime    time.Duration
	seedCPU     time.Duration
	close       func()
}

// poolExhausted: no connection became free within the pool timeout.
type poolExhausted struct {
	poolSize int
	waited   time.Duration
}

func (e poolExhausted) Error() string {
	return fmt.Sprintf("database connection pool exhausted: all %d connections are in use and none came back within %.1fs",
		e.poolSize, e.waited.Seconds())
}

// errUnreachable marks a database the server cannot use: it exits 1 with the message.
var errUnreachable = errors.New("database unreachable")

func openDatabase(o options) (*sampleDatabase, error) {
	var d *sampleDatabase
	var err error
	if strings.EqualFold(o.database, "sqlite") {
		d, err = openSqlite()
	} else {
		d, err = openPostgres(o.database)
	}
	if err != nil {
		return nil, err
	}
	d.latency, d.poolSize, d.poolTimeout = o.dbLatency, o.poolSize, o.poolTimeout
	d.pool = make(chan struct{}, o.poolSize)
	// Our own pool gate is the limit; database/sql's just has to be no smaller.
	d.db.SetMaxOpenConns(o.poolSize + 4)
	d.db.SetMaxIdleConns(o.poolSize + 4)

	started, cpuBefore := time.Now(), cpuTime()
	users, orders := generateSeedData()
	if err := d.seed(users, orders); err != nil {
		d.close()
		return nil, err
	}
	// CPU time too: on a shared machine wall time mostly measures the neighbours.
	d.seedTime, d.seedCPU = time.Since(started), cpuTime()-cpuBefore
	d.users, d.orders = len(users), len(orders)
	return d, nil
}

func (d *sampleDatabase) seed(users []user, orders []order) error {
	if d.provider == "postgres" {
		return seedPostgres(d.db, users, orders)
	}
	return seedSqlite(d.db, users, orders)
}

func (d *sampleDatabase) openConnections() int { return int(atomic.LoadInt64(&d.open)) }

// session is one connection taken from the pool; every command on it is one counted round trip.
type session struct {
	conn  *sql.Conn
	owner *sampleDatabase
}

// acquire takes a connection from the pool, or fails with poolExhausted when none frees up in time.
func (d *sampleDatabase) acquire(ctx context.Context) (*session, error) {
	timer := time.NewTimer(d.poolTimeout)
	defer timer.Stop()
	select {
	case d.pool <- struct{}{}:
	case <-timer.C:
		dbPoolExhausted.Inc()
		return nil, poolExhausted{d.poolSize, d.poolTimeout}
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	conn, err := d.db.Conn(ctx)
	if err != nil {
		<-d.pool
		return nil, err
	}
	dbConnectionsOpen.Set(float64(atomic.AddInt64(&d.open, 1)))
	return &session{conn, d}, nil
}

func (s *session) release() {
	_ = s.conn.Close()
	dbConnectionsOpen.Set(float64(atomic.AddInt64(&s.owner.open, -1)))
	<-s.owner.pool
}

// query makes one round trip, delayed by the injected latency as a network hop to the database would be.
func (s *session) query(ctx context.Context, text string, args ...interface{}) (*sql.Rows, error) {
	recordQuery(ctx)
	if s.owner.latency > 0 {
		timer := time.NewTimer(s.owner.latency)
		select {
		case <-timer.C:
		case <-ctx.Done():
			timer.Stop()
			return nil, ctx.Err()
		}
	}
	return s.conn.QueryContext(ctx, text, args...)
}

// failed answers a request whose database work failed: 503 for an exhausted pool, nothing for a client that left.
func failed(w http.ResponseWriter, r *http.Request, err error) {
	var exhausted poolExhausted
	switch {
	case errors.As(err, &exhausted):
		log.Printf("%s: %s", r.URL.Path, err)
		writeJSON(w, http.StatusServiceUnavailable, apiError{Error: err.Error()})
	case r.Context().Err() != nil:
		// The client went away; nothing to answer.
	default:
		log.Printf("%s: %s", r.URL.Path, err)
		writeJSON(w, http.StatusInternalServerError, apiError{Error: "database query failed: " + err.Error()})
	}
}

// schema is SQL both SQLite and PostgreSQL accept; the index is made after the bulk load (cheaper).
const schema = `CREATE TABLE users (id BIGINT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, country TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, amount_cents BIGINT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL);`

const indexes = "CREATE INDEX orders_user_id ON orders (user_id);"
