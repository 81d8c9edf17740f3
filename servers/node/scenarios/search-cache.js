'use strict';
// Caches rendered search results by the raw query: unbounded for ever (the bug) or bounded with expiry (the fix).
const { metrics } = require('../lib/metrics');

const BOUNDED_ENTRIES = 100;
const EXPIRY_MS = 2 * 60 * 1000;

class SearchCache {
  constructor() {
    // THE BUG: a process-wide map keyed by whatever the client sent; nothing ever leaves it.
    this.unbounded = new Map();
    // THE FIX: at most BOUNDED_ENTRIES, each expiring; when full, the oldest quarter is dropped (Map keeps
    // insertion order), as MemoryCache compacts in the .NET server.
    this.bounded = new Map();
  }

  get count() {
    return this.unbounded.size + this.bounded.size;
  }

  get(isFixed, key) {
    if (!isFixed) return this.unbounded.get(key);
    const entry = this.bounded.get(key);
    if (!entry) return undefined;
    if (Date.now() > entry.expires) {
      this.bounded.delete(key);
      return undefined;
    }
    return entry.body;
  }

  add(isFixed, key, body) {
    if (isFixed) {
      if (this.bounded.size >= BOUNDED_ENTRIES) {
        let drop = Math.ceil(BOUNDED_ENTRIES / 4);
        for (const oldest of this.bounded.keys()) {
          if (drop-- === 0) break;
          this.bounded.delete(oldest);
        }
      }
      this.bounded.set(key, { body, expires: Date.now() + EXPIRY_MS });
    } else {
      this.unbounded.set(key, body);
    }
    metrics.cacheEntries.set(this.count);
  }
}

module.exports = { SearchCache, BOUNDED_ENTRIES };
