package main

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"net"
	"net/http"
)

// keyHeader carries the per-server secret that changing the server needs (the same header as the .NET servers').
const keyHeader = "X-Exercise-Key"

// newAdminKey is the per-server secret, handed to the launcher on the ready line (a pipe only it reads), never on
// the command line, so another local user cannot switch or stop this server.
func newAdminKey() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}

// serveAdmin maps /admin: read the mode, stop the server (a new exercise file means a rebuilt binary, not a switch). Loopback callers only;
// everything but reading the mode also needs the key.
func serveAdmin(mux *http.ServeMux, bug *servedCode, stop func(), key string) {
	mode := func(w http.ResponseWriter) {
		writeJSON(w, http.StatusOK, map[string]string{"scenario": bug.shownScenario(), "mode": bug.mode()})
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
			if method != http.MethodGet && subtle.ConstantTimeCompare([]byte(r.Header.Get(keyHeader)), []byte(key)) != 1 {
				writeJSON(w, http.StatusForbidden, apiError{Error: "changing the server needs its key in the " + keyHeader + " header (from its ready line)"})
				return
			}
			action(w)
		})
	}
	handle("/admin/mode", http.MethodGet, mode)
	handle("/admin/stop", http.MethodPost, func(w http.ResponseWriter) {
		w.WriteHeader(http.StatusAccepted)
		// After the 202 has gone out: Shutdown waits for this very request to finish.
		go stop()
	})
}
