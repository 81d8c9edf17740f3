'use strict';
const { metrics } = require('./metrics');

/** Whether the scenario serves its buggy or its fixed code path; /admin flips it at run time. */
class BugSwitch {
  constructor(scenario, isFixed) {
    this.scenario = scenario;
    this.set(isFixed);
  }

  set(isFixed) {
    this.isFixed = isFixed;
    metrics.bugFixed.set(isFixed ? 1 : 0);
  }

  get mode() {
    return this.isFixed ? 'fixed' : 'buggy';
  }
}

module.exports = { BugSwitch };
