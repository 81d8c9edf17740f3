'use strict';
const { metrics } = require('./metrics');
const { UNDISCLOSED } = require('./interview');

/**
 * What the scenario serves: its exercise file is the only code, the original ("buggy"), a learner's, or the reference
 * from instructor/fixes ("fixed"). hidden: an interview server, whose scenario and mode every surface calls
 * "undisclosed".
 */
class BugSwitch {
  constructor(scenario, exercise, hidden = false) {
    this.realScenario = scenario;
    this.hidden = hidden;
    this.exercise = exercise;
    this.refresh();
  }

  get scenario() {
    return this.hidden ? UNDISCLOSED : this.realScenario;
  }

  get mode() {
    return this.hidden ? UNDISCLOSED : this.exercise.mode;
  }

  /** The perfnb_bug_fixed gauge follows the served file. */
  refresh() {
    metrics.bugFixed.set(!this.hidden && this.exercise.mode === 'fixed' ? 1 : 0);
  }
}

module.exports = { BugSwitch };
