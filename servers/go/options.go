package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// scenarios are the bugs this Go server serves; the .NET server serves more.
var scenarios = []string{"cpu-hotspot", "n-plus-one"}

const usage = "usage: perfnb-sample-server SCENARIO [--port N] [--db sqlite|postgres://...] [--db-latency 2ms] [--pool-size 16] [--pool-timeout 2s]"

// options is the server's command line, the same flags as the .NET sample server's.
type options struct {
	scenario    string
	port        int
	database    string
	dbLatency   time.Duration
	poolSize    int
	poolTimeout time.Duration
}

// badArgument is a one-line usage error: the server exits 2 with it.
type badArgument struct{ message string }

func (e badArgument) Error() string { return e.message }

func parseOptions(args []string) (options, error) {
	o := options{database: "sqlite", poolSize: 16, poolTimeout: 2 * time.Second}
	value := func(i *int) (string, error) {
		if *i+1 >= len(args) {
			return "", badArgument{fmt.Sprintf("%s needs a value; %s", args[*i], usage)}
		}
		*i++
		return args[*i], nil
	}
	for i := 0; i < len(args); i++ {
		arg := args[i]
		var text string
		var err error
		switch arg {
		case "--fixed":
			// The fix lives only in instructor/fixes: the launcher builds this server with it.
			return o, badArgument{"--fixed: this server serves only its exercise file; run `perfnb serve SCENARIO --runtime go --fixed`, which builds it with the reference fix from instructor/fixes/"}
		case "--buggy":
			continue
		case "--scenario", "--port", "--db", "--db-latency", "--pool-size", "--pool-timeout":
			if text, err = value(&i); err != nil {
				return o, err
			}
		default:
			if strings.HasPrefix(arg, "-") || o.scenario != "" {
				return o, badArgument{fmt.Sprintf("unknown argument '%s'; %s", arg, usage)}
			}
			o.scenario = arg
			continue
		}
		switch arg {
		case "--scenario":
			o.scenario = text
		case "--port":
			o.port, err = wholeNumber(arg, text, 0, 65535)
		case "--db":
			// "env": the URL (it can hold a password) comes in PERFNB_DB, so ps never shows it.
			o.database = text
			if text == "env" {
				o.database = os.Getenv("PERFNB_DB")
			}
		case "--db-latency":
			o.dbLatency, err = parseDuration(arg, text)
		case "--pool-size":
			o.poolSize, err = wholeNumber(arg, text, 1, 1000)
		case "--pool-timeout":
			o.poolTimeout, err = parseDuration(arg, text)
		}
		if err != nil {
			return o, err
		}
	}
	if o.scenario == "" {
		return o, badArgument{"no scenario given; choose one of: " + strings.Join(scenarios, ", ")}
	}
	if !contains(scenarios, o.scenario) {
		return o, badArgument{fmt.Sprintf("unknown scenario '%s'; the Go server serves: %s", o.scenario, strings.Join(scenarios, ", "))}
	}
	if o.poolTimeout < time.Second {
		return o, badArgument{fmt.Sprintf("--pool-timeout '%dms' is too short; give at least 1s", o.poolTimeout.Milliseconds())}
	}
	return o, nil
}

// parseDuration reads "2ms", "1.5ms", "500us", "1s" or a bare number of milliseconds.
func parseDuration(name, text string) (time.Duration, error) {
	trimmed := strings.TrimSpace(text)
	factor := 1.0
	for _, unit := range []struct {
		suffix string
		ms     float64
	}{{"us", 0.001}, {"ms", 1}, {"s", 1000}} {
		if strings.HasSuffix(strings.ToLower(trimmed), unit.suffix) {
			trimmed = trimmed[:len(trimmed)-len(unit.suffix)]
			factor = unit.ms
			break
		}
	}
	v, err := strconv.ParseFloat(trimmed, 64)
	if err != nil || v < 0 || v != v || v*factor > 60_000 {
		return 0, badArgument{fmt.Sprintf("%s '%s' is not a duration between 0 and 60s; write e.g. 2ms, 500us or 1s", name, text)}
	}
	return time.Duration(v * factor * float64(time.Millisecond)), nil
}

func wholeNumber(name, text string, min, max int) (int, error) {
	v, err := strconv.Atoi(text)
	if err != nil || strings.ContainsAny(text, "+- ") || v < min || v > max {
		return 0, badArgument{fmt.Sprintf("%s '%s' must be a whole number from %d to %d", name, text, min, max)}
	}
	return v, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
