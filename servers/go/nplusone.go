package main

import (
	"database/sql"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
)

const maxIds = 1000

type orderView struct {
	ID          int64  `json:"id"`
	AmountCents int64  `json:"amountCents"`
	Status      string `json:"status"`
	CreatedAt   string `json:"createdAt"`
}

type userView struct {
	ID        int64       `json:"id"`
	Name      string      `json:"name"`
	Email     string      `json:"email"`
	Country   string      `json:"country"`
	CreatedAt string      `json:"createdAt"`
	Orders    []orderView `json:"orders"`
}

// serveNPlusOne: GET /users?ids=1,2,3 answers users with their orders through the exercise file
// (userswithorders.go: the seed's N+1 query bug, until a learner's version or the reference fix is built in its
// place).
func serveNPlusOne(mux *http.ServeMux, path string, bug *servedCode, database *sampleDatabase) {
	mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
		ids, ok := parseUserIds(w, r)
		if !ok {
			return
		}
		db, err := database.acquire(r.Context())
		if err != nil {
			failed(w, r, err)
			return
		}
		defer db.release()
		var users []userView
		if !callExercise(w, bug, func() { users, err = usersWithOrders(r.Context(), db, ids) }) {
			return
		}
		if err != nil {
			failed(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, users)
	})
}

// parseUserIds reads ids=1,2,3 strictly: positive integers, at most maxIds, duplicates dropped, order kept.
func parseUserIds(w http.ResponseWriter, r *http.Request) ([]int64, bool) {
	text := strings.Join(r.URL.Query()["ids"], ",")
	if strings.TrimSpace(text) == "" {
		badRequest(w, "ids", "ids: required, a comma-separated list of positive user ids, e.g. ids=1,2,3")
		return nil, false
	}
	tokens := strings.Split(text, ",")
	if len(tokens) > maxIds {
		badRequest(w, "ids", fmt.Sprintf("ids: %d ids given, at most %d per request", len(tokens), maxIds))
		return nil, false
	}
	seen := make(map[int64]bool, len(tokens))
	ids := make([]int64, 0, len(tokens))
	for _, token := range tokens {
		trimmed := strings.TrimSpace(token)
		id, err := strconv.ParseInt(trimmed, 10, 64)
		if err != nil || !digitsOnly(trimmed) || id < 1 || id > math.MaxInt32 {
			badRequest(w, "ids", fmt.Sprintf("ids: '%s' is not a positive user id (1 to %d)", shorten(trimmed), math.MaxInt32))
			return nil, false
		}
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids, true
}

func readUsers(rows *sql.Rows) ([]userView, error) {
	defer rows.Close()
	var users []userView
	for rows.Next() {
		u := userView{Orders: []orderView{}}
		if err := rows.Scan(&u.ID, &u.Name, &u.Email, &u.Country, &u.CreatedAt); err != nil {
			return nil, err
		}
		users = append(users, u)
	}
	return users, rows.Err()
}
