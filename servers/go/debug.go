package main

import (
	"bufio"
	"fmt"
	"net/http"
	httppprof "net/http/pprof"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// serveDebug maps /debug/stats (the process's own figures, read in-process: no shelling out to `docker stats` as
// the seed did), /debug/profile (a pprof CPU profile of this process for 1-30 s) and net/http/pprof's /debug/pprof/.
func serveDebug(mux *http.ServeMux, bug *servedCode, db *sampleDatabase, started time.Time) {
	mux.HandleFunc("/debug/stats", func(w http.ResponseWriter, r *http.Request) {
		var mem runtime.MemStats
		runtime.ReadMemStats(&mem)
		writeJSON(w, http.StatusOK, map[string]interface{}{
			"pid":             os.Getpid(),
			"runtime":         "go",
			"scenario":        bug.shownScenario(),
			"mode":            bug.mode(),
			"db":              db.provider,
			"uptimeSeconds":   time.Since(started).Seconds(),
			"cpuTimeMs":       float64(cpuTime().Microseconds()) / 1000,
			"workingSetBytes": residentBytes(),
			// Go's heap in the .NET server's terms: live heap objects, heap memory held, bytes ever allocated.
			"managedHeapBytes":    mem.HeapAlloc,
			"gcHeapSizeBytes":     mem.HeapSys,
			"totalAllocatedBytes": mem.TotalAlloc,
			// Go's collector is not generational: every cycle is a full one, counted as gen 2.
			"gen0Collections": 0,
			"gen1Collections": 0,
			"gen2Collections": mem.NumGC,
			"threadCount":     threadCount(),
			// Goroutines stand where the .NET server reports thread-pool threads: the units of concurrent work.
			"threadPoolThreads": runtime.NumGoroutine(),
			"dbOpenConnections": db.openConnections(),
			"dbPoolSize":        db.poolSize,
			"dbQueries":         atomic.LoadInt64(&totalQueries),
			"dbLatencyMs":       float64(db.latency.Microseconds()) / 1000,
			"cacheEntries":      0,
			"goroutines":        runtime.NumGoroutine(),
			"gcPauseTotalMs":    float64(mem.PauseTotalNs) / 1e6,
		})
	})

	var profiling int32
	mux.HandleFunc("/debug/profile", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			writeJSON(w, http.StatusMethodNotAllowed, apiError{Error: "/debug/profile answers POST only"})
			return
		}
		seconds, ok := queryInt(w, r, "seconds", 1, 30, 5)
		if !ok {
			return
		}
		if !atomic.CompareAndSwapInt32(&profiling, 0, 1) {
			writeJSON(w, http.StatusConflict, apiError{Error: "a profile is already being recorded; wait for it to finish"})
			return
		}
		defer atomic.StoreInt32(&profiling, 0)
		path, size, err := recordCPUProfile(r, time.Duration(seconds)*time.Second)
		if err != nil {
			writeJSON(w, http.StatusConflict, apiError{Error: err.Error()})
			return
		}
		writeJSON(w, http.StatusOK, map[string]interface{}{"path": path, "bytes": size, "seconds": seconds, "format": "pprof"})
	})

	mux.HandleFunc("/debug/pprof/", httppprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", httppprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", httppprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", httppprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", httppprof.Trace)
}

// recordCPUProfile writes a gzipped profile.proto to a temp name and renames it, so a reader never sees half of one.
func recordCPUProfile(r *http.Request, duration time.Duration) (string, int64, error) {
	folder := filepath.Join(os.TempDir(), "perfnb-profiles")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return "", 0, err
	}
	path := filepath.Join(folder, fmt.Sprintf("profile_%d_%s.pb.gz", os.Getpid(), time.Now().UTC().Format("20060102T150405.000")))
	partial := path + ".partial"
	file, err := os.Create(partial)
	if err != nil {
		return "", 0, err
	}
	if err := pprof.StartCPUProfile(file); err != nil {
		file.Close()
		os.Remove(partial)
		// Only one CPU profile runs at a time, e.g. while /debug/pprof/profile is recording.
		return "", 0, fmt.Errorf("cannot start a CPU profile: %v", err)
	}
	select {
	case <-time.After(duration):
	case <-r.Context().Done():
	}
	pprof.StopCPUProfile()
	if err := file.Sync(); err != nil {
		file.Close()
		return "", 0, err
	}
	file.Close()
	if err := os.Rename(partial, path); err != nil {
		return "", 0, err
	}
	info, err := os.Stat(path)
	if err != nil {
		return "", 0, err
	}
	return path, info.Size(), nil
}

// cpuTime is the process's user plus system CPU time.
func cpuTime() time.Duration {
	var usage syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &usage) != nil {
		return 0
	}
	return time.Duration(usage.Utime.Nano() + usage.Stime.Nano())
}

// residentBytes reads the resident set size from /proc/self/statm (pages).
func residentBytes() int64 {
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	fields := strings.Fields(string(data))
	if len(fields) < 2 {
		return 0
	}
	pages, _ := strconv.ParseInt(fields[1], 10, 64)
	return pages * int64(os.Getpagesize())
}

// threadCount reads the OS threads of this process from /proc/self/status.
func threadCount() int {
	file, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer file.Close()
	scanner := bufio.NewScanner(file)
	for scanner.Scan() {
		if line := scanner.Text(); strings.HasPrefix(line, "Threads:") {
			n, _ := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "Threads:")))
			return n
		}
	}
	return 0
}
