package main

import "github.com/prometheus/client_golang/prometheus"

// The series this server exports at /metrics: the same names as the .NET sample server's, beside client_golang's
// Go runtime and process collectors.
var (
	dbQueries = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "perfnb_db_queries_total", Help: "Database round trips made by the server."})
	dbQueriesPerRequest = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "perfnb_db_queries_per_request",
		Help:    "Database round trips made while serving one request.",
		Buckets: []float64{0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000},
	}, []string{"route"})
	dbConnectionsOpen = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "perfnb_db_connections_open", Help: "Database connections currently taken from the pool and not given back."})
	dbPoolExhausted = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "perfnb_db_pool_exhausted_total", Help: "Requests that gave up waiting for a free database connection."})
	bugFixed = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "perfnb_bug_fixed", Help: "1 when the exercise file served is the reference fix (instructor/fixes), 0 otherwise."})
	// Named as prometheus-net's ASP.NET series, so one query reads every runtime's servers.
	requestDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "http_request_duration_seconds",
		Help:    "The duration of HTTP requests processed by the server.",
		Buckets: prometheus.ExponentialBuckets(0.001, 2, 16),
	}, []string{"code", "method", "endpoint"})
)

func registerMetrics() {
	prometheus.MustRegister(dbQueries, dbQueriesPerRequest, dbConnectionsOpen, dbPoolExhausted, bugFixed, requestDuration)
}
