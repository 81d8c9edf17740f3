package main

import (
	"net"
	"net/http"
)

// serveAdmin maps /admin: flip the bug on or off at run time, read the mode, stop the server. Loopback callers only.
func serveAdmin(mux *http.ServeMux, bug *bugSwitch, stop func()) {
	mode := func(w http.ResponseWriter) {
		writeJSON(w, http.StatusOK, map[string]string{"scenario": bug.scenario, "mode": bug.mode()})
	}
	handle := func(path, method string, action func(w http.ResponseWriter)) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			host, _, _ := net.SplitHostPort(r.RemoteAddr)
			if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
				writeJSON(w, http.StatusForbidden, apiError{Error: "admin endpoints answer loopback callers only"})
				return
			}
			if r.Method != method {
				w.Header().Set("Allow", method)
				writeJSON(w, http.StatusMethodNotAllowed, apiError{Error: path + " answers " + method + " only"})
				return
			}
			action(w)
		})
	}
	handle("/admin/mode", http.MethodGet, mode)
	handle("/admin/fix", http.MethodPost, func(w http.ResponseWriter) { bug.set(true); mode(w) })
	handle("/admin/break", http.MethodPost, func(w http.ResponseWriter) { bug.set(false); mode(w) })
	handle("/admin/stop", http.MethodPost, func(w http.ResponseWriter) {
		w.WriteHeader(http.StatusAccepted)
		// After the 202 has gone out: Shutdown waits for this very request to finish.
		go stop()
	})
}
