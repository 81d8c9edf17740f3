package main

import (
	"fmt"
	"strings"
	"time"
)

type user struct {
	id                            int64
	name, email, country, created string
}

type order struct {
	id, userID, amountCents int64
	status, created         string
}

const userCount = 5000

var (
	firstNames = []string{"Ada", "Alan", "Grace", "Linus", "Barbara", "Ken", "Margaret", "Dennis", "Frances", "Edsger", "Radia", "Bjarne",
		"Sophie", "Tim", "Hedy", "John", "Katherine", "Guido", "Anita", "Donald", "Shafi", "Niklaus", "Jean", "Leslie"}
	lastNames = []string{"Lovelace", "Turing", "Hopper", "Torvalds", "Liskov", "Thompson", "Hamilton", "Ritchie", "Allen", "Dijkstra",
		"Perlman", "Stroustrup", "Wilson", "Berners-Lee", "Lamarr", "McCarthy", "Johnson", "van Rossum", "Borg", "Knuth"}
	countries = []string{"US", "DE", "FR", "GB", "IN", "BR", "JP", "NG", "PL", "CA", "AU", "SE"}
	statuses  = []string{"paid", "paid", "paid", "shipped", "shipped", "refunded", "pending"}
)

// generateSeedData makes the same users and orders as the .NET server (same seed, same generator), so a user id
// means the same row on every runtime and comparisons between runtimes compare like with like.
func generateSeedData() ([]user, []order) {
	random := newDotnetRandom(20241128)
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	users := make([]user, 0, userCount)
	orders := make([]order, 0, userCount*5)
	for id := int64(1); id <= userCount; id++ {
		first := firstNames[random.next(len(firstNames))]
		last := lastNames[random.next(len(lastNames))]
		joined := start.Add(time.Duration(random.between(0, 365*24*60)) * time.Minute)
		users = append(users, user{
			id:      id,
			name:    first + " " + last,
			email:   strings.ToLower(fmt.Sprintf("%s.%s%d@example.com", first, strings.ReplaceAll(last, " ", ""), id)),
			country: countries[random.next(len(countries))],
			created: joined.Format("2006-01-02T15:04:05Z"),
		})
		// Skewed: mostly 0-6 orders, one user in ten is a heavy buyer with up to 30.
		var count int
		if random.next(10) == 0 {
			count = random.between(10, 31)
		} else {
			count = random.between(0, 7)
		}
		for k := 0; k < count; k++ {
			orders = append(orders, order{
				id:          int64(len(orders) + 1),
				userID:      id,
				amountCents: int64(random.between(199, 49_999)),
				status:      statuses[random.next(len(statuses))],
				created:     joined.Add(time.Duration(random.between(1, 24*200)) * time.Hour).Format("2006-01-02T15:04:05Z"),
			})
		}
	}
	return users, orders
}

// dotnetRandom is .NET's seeded System.Random (Knuth's subtractive generator), number for number.
type dotnetRandom struct {
	seeds         [56]int32
	inext, inextp int
}

func newDotnetRandom(seed int32) *dotnetRandom {
	const maxInt = 2147483647
	r := &dotnetRandom{inext: 0, inextp: 21}
	subtraction := seed
	if subtraction < 0 {
		subtraction = -subtraction
	}
	mj := int32(161803398) - subtraction
	r.seeds[55] = mj
	mk := int32(1)
	ii := 0
	for i := 1; i < 55; i++ {
		if ii += 21; ii >= 55 {
			ii -= 55
		}
		r.seeds[ii] = mk
		mk = mj - mk
		if mk < 0 {
			mk += maxInt
		}
		mj = r.seeds[ii]
	}
	for k := 1; k < 5; k++ {
		for i := 1; i < 56; i++ {
			n := i + 30
			if n >= 55 {
				n -= 55
			}
			r.seeds[i] -= r.seeds[1+n]
			if r.seeds[i] < 0 {
				r.seeds[i] += maxInt
			}
		}
	}
	return r
}

func (r *dotnetRandom) sample() float64 {
	const maxInt = 2147483647
	if r.inext++; r.inext >= 56 {
		r.inext = 1
	}
	if r.inextp++; r.inextp >= 56 {
		r.inextp = 1
	}
	v := r.seeds[r.inext] - r.seeds[r.inextp]
	if v == maxInt {
		v--
	}
	if v < 0 {
		v += maxInt
	}
	r.seeds[r.inext] = v
	return float64(v) * (1.0 / maxInt)
}

// next is Random.Next(max): 0 <= n < max.
func (r *dotnetRandom) next(max int) int { return int(r.sample() * float64(max)) }

// between is Random.Next(min, max): min <= n < max.
func (r *dotnetRandom) between(min, max int) int { return int(r.sample()*float64(max-min)) + min }
