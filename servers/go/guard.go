package main

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"
)

const maxQueryStringLength = 128 * 1024

type queryCountKey struct{}

// totalQueries is every round trip since start (the counter /debug/stats reports).
var totalQueries int64

// recordQuery counts one database round trip against the request being served (if any).
func recordQuery(ctx context.Context) {
	dbQueries.Inc()
	atomic.AddInt64(&totalQueries, 1)
	if n, ok := ctx.Value(queryCountKey{}).(*int64); ok {
		atomic.AddInt64(n, 1)
	}
}

// countingWriter adds X-Db-Queries just before the status line goes out and remembers the status for the metrics.
type countingWriter struct {
	http.ResponseWriter
	queries *int64
	status  int
}

func (w *countingWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
		w.Header().Set("X-Db-Queries", strconv.FormatInt(atomic.LoadInt64(w.queries), 10))
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *countingWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// guard wraps every request: rejects over-long query strings with a JSON 400, counts the request's database round
// trips (X-Db-Queries header and a histogram by route), and records its duration by route.
func guard(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.URL.RawQuery) > maxQueryStringLength {
			badRequest(w, "query string", fmt.Sprintf("query string: %d characters, at most %d", len(r.URL.RawQuery), maxQueryStringLength))
			return
		}
		_, route := mux.Handler(r)
		if route == "" {
			route = "unmatched"
		}
		started := time.Now()
		var queries int64
		cw := &countingWriter{ResponseWriter: w, queries: &queries}
		ctx := context.WithValue(r.Context(), queryCountKey{}, &queries)
		defer func() {
			status := cw.status
			if status == 0 {
				status = http.StatusOK
			}
			dbQueriesPerRequest.WithLabelValues(route).Observe(float64(atomic.LoadInt64(&queries)))
			requestDuration.WithLabelValues(strconv.Itoa(status), r.Method, route).Observe(time.Since(started).Seconds())
		}()
		mux.ServeHTTP(cw, r.WithContext(ctx))
	})
}
