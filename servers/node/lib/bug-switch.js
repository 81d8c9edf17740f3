'use strict';
const { metrics } = require('./metrics');
const { UNDISCLOSED } = require('./interview');

/**
 * What the scenario serves. Where it has an exercise file (cpu-hotspot, n-plus-one), that file is the only code:
 * the original ("buggy"), a learner's, or the reference from instructor/fixes ("fixed"). memory-leak has no exercise
 * file yet and keeps a built-in fixed cache behind --fixed and /admin/fix.
 */
class BugSwitch {
  /** hidden: an interview server, whose scenario and mode every surface calls "undisclosed". */
  constructor(scenario, isFixed, exercise, hidden = false) {
    this.realScenario = scenario;
    this.hidden = hidden;
    this.exercise = exercise;
    this.set(isFixed);
  }

  get scenario() {
    return this.hidden ? UNDISCLOSED : this.realScenario;
  }

  set(isFixed) {
    this.isFixed = isFixed;
    metrics.bugFixed.set(!this.hidden && this.mode === 'fixed' ? 1 : 0);
  }

  get mode() {
    if (this.hidden) return UNDISCLOSED;
    if (this.isFixed) return 'fixed';
    return this.exercise?.exists ? this.exercise.mode : 'buggy';
  }
}

module.exports = { BugSwitch };
