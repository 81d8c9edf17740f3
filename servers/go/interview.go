package main

import (
	"bufio"
	"fmt"
	"regexp"
	"strings"
)

// interviewVariable set to 1 by the launcher means interview mode: the first line of stdin is "SCENARIO /PATH"
// (never argv, never the environment: both are readable in /proc), and the endpoint answers at PATH only.
const interviewVariable = "PERFNB_INTERVIEW"

// interviewFile is the exercise file's name in interview mode, whatever the scenario.
const interviewFile = "service.go"

var routePath = regexp.MustCompile(`^/[a-z0-9][a-z0-9/-]{0,60}$`)

// readInterviewLine reads the launcher's first line; the rest of stdin stays in the reader.
func readInterviewLine(stdin *bufio.Reader) (scenario, path string, err error) {
	line, _ := stdin.ReadString('\n')
	parts := strings.Fields(line)
	if len(parts) != 2 || !contains(scenarios, parts[0]) || !routePath.MatchString(parts[1]) {
		return "", "", badArgument{fmt.Sprintf("%s=1 needs 'SCENARIO /path' as the first line of stdin (one of %s, a path of letters, digits, '/' and '-')", interviewVariable, strings.Join(scenarios, ", "))}
	}
	return parts[0], parts[1], nil
}
