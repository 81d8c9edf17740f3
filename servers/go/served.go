package main

// servedCode names what this binary's exercise file is: the original ("buggy"), a learner's ("learner") or the
// instructor's reference ("fixed"), as the launcher built it (go build -overlay, PERFNB_SERVED). There is no other
// code path: the fix lives only in instructor/fixes, and `perfnb serve --fixed` builds this server with it.
type servedCode struct {
	scenario string
}

func (s *servedCode) mode() string { return servedLabel() }
