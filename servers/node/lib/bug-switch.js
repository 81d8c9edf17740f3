'use strict';
const { metrics } = require('./metrics');

/**
 * What the scenario serves. Where it has an exercise file (cpu-hotspot, n-plus-one), that file is the only code:
 * the original ("buggy"), a learner's, or the reference from instructor/fixes ("fixed"). memory-leak has no exercise
 * file yet and keeps a built-in fixed cache behind --fixed and /admin/fix.
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
