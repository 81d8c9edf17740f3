'use strict';
// A bounded pool of connection slots: at most `size` taken at once, a waiter gives up after `timeoutMs`, as a
// production pool does, so a leak exhausts it on either database.

class PoolExhausted extends Error {
  constructor(size, timeoutMs) {
    super(`database connection pool exhausted: all ${size} connections are in use and none came back within ${(timeoutMs / 1000).toFixed(1)}s`);
  }
}

class PoolGate {
  constructor(size, timeoutMs) {
    this.size = size;
    this.timeoutMs = timeoutMs;
    this.taken = 0;
    this.waiters = [];
  }

  take() {
    if (this.taken < this.size) {
      this.taken++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter = { resolve, timer: null };
      waiter.timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new PoolExhausted(this.size, this.timeoutMs));
      }, this.timeoutMs);
      this.waiters.push(waiter);
    });
  }

  give() {
    const next = this.waiters.shift();
    if (next) {
      clearTimeout(next.timer);
      next.resolve(); // the slot passes straight to the next waiter
    } else {
      this.taken--;
    }
  }
}

module.exports = { PoolGate, PoolExhausted };
