'use strict';
const { metrics } = require('./metrics');

/**
 * Whether the scenario serves its built-in fixed code path (--fixed, /admin/fix) or, where it has one, the exercise
 * file that is served (the original "buggy", a learner's, or the reference "fixed"); /admin flips it at run time.
 */
class BugSwitch {
  constructor(scenario, isFixed, exercise) {
    this.scenario = scenario;
    this.exercise = exercise;
    this.set(isFixed);
  }

  set(isFixed) {
    this.isFixed = isFixed;
    metrics.bugFixed.set(this.mode === 'fixed' ? 1 : 0);
  }

  get mode() {
    if (this.isFixed) return 'fixed';
    return this.exercise?.exists ? this.exercise.mode : 'buggy';
  }
}

module.exports = { BugSwitch };
