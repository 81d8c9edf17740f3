package main

import "sync/atomic"

// bugSwitch says whether the scenario serves its built-in fixed code path or its exercise file; /admin flips it at run time.
type bugSwitch struct {
	scenario string
	fixed    atomic.Bool
}

func (b *bugSwitch) isFixed() bool { return b.fixed.Load() }

func (b *bugSwitch) set(fixed bool) {
	b.fixed.Store(fixed)
	if fixed {
		bugFixed.Set(1)
	} else {
		bugFixed.Set(0)
	}
}

// mode: "fixed" for the built-in fixed path (--fixed, /admin/fix), else what the exercise file is: the original
// ("buggy"), a learner's or the reference ("fixed"), as the launcher built it.
func (b *bugSwitch) mode() string {
	if b.isFixed() {
		return "fixed"
	}
	return servedLabel()
}
