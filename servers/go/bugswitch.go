package main

import "sync/atomic"

// bugSwitch says whether the scenario serves its buggy or its fixed code path; /admin flips it at run time.
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

func (b *bugSwitch) mode() string {
	if b.isFixed() {
		return "fixed"
	}
	return "buggy"
}
