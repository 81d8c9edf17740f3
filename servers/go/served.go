package main

// undisclosed is what /health, /debug/stats, /admin/mode and the ready line say instead of an interview server's
// scenario and mode.
const undisclosed = "undisclosed"

// servedCode names what this binary's exercise file is: the original ("buggy"), a learner's ("learner") or the
// instructor's reference ("fixed"), as the launcher built it (go build -overlay, PERFNB_SERVED). There is no other
// code path: the fix lives only in instructor/fixes, and `perfnb serve --fixed` builds this server with it.
// An interview server (hidden) serves a scenario it must not name: every surface says "undisclosed" instead.
type servedCode struct {
	scenario string
	hidden   bool
}

func (s *servedCode) mode() string {
	if s.hidden {
		return undisclosed
	}
	return servedLabel()
}

// shownScenario is the scenario as the server's endpoints and ready line name it.
func (s *servedCode) shownScenario() string {
	if s.hidden {
		return undisclosed
	}
	return s.scenario
}

// exerciseFile is the exercise file's name as the server shows it (in errors and on the ready line).
func (s *servedCode) exerciseFile() string {
	if s.hidden {
		return interviewFile
	}
	return exerciseFiles[s.scenario]
}
