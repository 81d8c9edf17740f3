// Command perfnb-sample-server is the Go twin of PerfNotebooks' ASP.NET sample server: the same scenarios' bugs
// the same flags, ready line, admin and debug endpoints, on 127.0.0.1 only.
package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Exit codes as perfnb: 0 stopped cleanly, 1 could not run (database unreachable, port taken), 2 bad arguments.
func main() {
	started := time.Now()
	log.SetPrefix("sample-server: ")
	log.SetFlags(0)
	args := os.Args[1:]
	stdin := bufio.NewReader(os.Stdin)
	interview, path := os.Getenv(interviewVariable) == "1", ""
	if interview {
		var scenario string
		var err error
		if scenario, path, err = readInterviewLine(stdin); err != nil {
			fail(err)
		}
		args = append([]string{scenario}, args...)
	}
	o, err := parseOptions(args)
	if err != nil {
		fail(err)
	}
	registerMetrics()
	database, err := openDatabase(o)
	if err != nil {
		fail(err)
	}
	defer database.close()

	bug := &servedCode{scenario: o.scenario, hidden: interview}
	if bug.mode() == "fixed" {
		bugFixed.Set(1)
	}
	mux := http.NewServeMux()
	server := &http.Server{Handler: guard(mux), ReadHeaderTimeout: 30 * time.Second, MaxHeaderBytes: 3 * maxQueryStringLength}
	stopping := make(chan struct{})
	stopOnce := make(chan struct{}, 1)
	stop := func() {
		select {
		case stopOnce <- struct{}{}:
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			_ = server.Shutdown(ctx)
			close(stopping)
		default:
		}
	}
	mux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "scenario": bug.shownScenario(), "mode": bug.mode(), "db": database.provider, "runtime": "go"})
	})
	mux.Handle("/metrics", promhttp.Handler())
	adminKey := newAdminKey()
	serveAdmin(mux, bug, stop, adminKey)
	serveDebug(mux, bug, database, started)
	switch o.scenario {
	case "cpu-hotspot":
		serveCPUHotspot(mux, endpoint(path, "/cpu-intense"), bug)
	case "n-plus-one":
		serveNPlusOne(mux, endpoint(path, "/users"), bug, database)
	}

	listener, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", o.port))
	if err != nil {
		database.close()
		log.Printf("cannot listen on 127.0.0.1:%d (%v); choose another --port or 0 for any free one", o.port, err)
		os.Exit(1)
	}
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		<-signals
		stop()
	}()
	if os.Getenv("PERFNB_STOP_WITH_STDIN") == "1" {
		// The launcher holds our stdin open; if it dies without stopping us (killed, or its own SIGTERM grace ran
		// out), the pipe closes and we stop instead of living on as an orphan.
		go func() {
			_, _ = io.Copy(io.Discard, stdin)
			stop()
		}()
	}

	// The one line launchers wait for: URL first, then key=value facts.
	fmt.Printf("http://%s pid=%d scenario=%s mode=%s db=%s users=%d orders=%d seed_ms=%d seed_cpu_ms=%d ready_ms=%d runtime=go runtime_version=%s exercise=%s exercise_key=%s\n",
		listener.Addr(), os.Getpid(), bug.shownScenario(), bug.mode(), database.provider, database.users, database.orders,
		database.seedTime.Milliseconds(), database.seedCPU.Milliseconds(), time.Since(started).Milliseconds(), strings.TrimPrefix(runtime.Version(), "go"), bug.exerciseFile(), adminKey)
	if err := server.Serve(listener); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Print(err)
		database.close()
		os.Exit(1)
	}
	<-stopping
}

// endpoint is the scenario's path: its usual one, or an interview's.
func endpoint(interviewPath, usual string) string {
	if interviewPath != "" {
		return interviewPath
	}
	return usual
}

// fail prints the one-line reason and exits 2 for bad arguments, 1 for anything else.
func fail(err error) {
	log.Print(err.Error())
	var bad badArgument
	if errors.As(err, &bad) {
		os.Exit(2)
	}
	os.Exit(1)
}
