'use strict';
// The server's command line: the same flags as the .NET sample server's.

const scenarios = ['cpu-hotspot', 'n-plus-one', 'memory-leak'];
const usage = 'usage: node server.js SCENARIO [--fixed] [--port N] [--db sqlite|postgres://...] [--db-latency 2ms] [--pool-size 16] [--pool-timeout 2s] [--exercise-timeout 10s]';

/** A one-line usage error: the server exits 2 with it. */
class BadArgument extends Error {}

function parseOptions(args) {
  const o = { scenario: null, fixed: false, exerciseTimeoutMs: 10000, port: 0, database: 'sqlite', dbLatencyMs: 0, poolSize: 16, poolTimeoutMs: 2000 };
  const value = (i) => {
    if (i + 1 >= args.length) throw new BadArgument(`${args[i]} needs a value; ${usage}`);
    return args[i + 1];
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    switch (arg) {
      case '--fixed': o.fixed = true; break;
      case '--buggy': o.fixed = false; break;
      case '--scenario': o.scenario = value(i); i++; break;
      case '--port': o.port = wholeNumber(arg, value(i), 0, 65535); i++; break;
      // "env": the URL (it can hold a password) comes in PERFNB_DB, so ps never shows it.
      case '--db': o.database = value(i) === 'env' ? (process.env.PERFNB_DB ?? '') : value(i); i++; break;
      case '--db-latency': o.dbLatencyMs = parseDuration(arg, value(i)); i++; break;
      case '--pool-size': o.poolSize = wholeNumber(arg, value(i), 1, 1000); i++; break;
      case '--pool-timeout': o.poolTimeoutMs = parseDuration(arg, value(i)); i++; break;
      // How long the learner's code may run synchronously before the server stops it (an endless loop).
      case '--exercise-timeout': o.exerciseTimeoutMs = parseDuration(arg, value(i)); i++; break;
      default:
        if (arg.startsWith('-') || o.scenario !== null) throw new BadArgument(`unknown argument '${arg}'; ${usage}`);
        o.scenario = arg;
    }
  }
  if (o.scenario === null) throw new BadArgument(`no scenario given; choose one of: ${scenarios.join(', ')}`);
  if (!scenarios.includes(o.scenario)) {
    throw new BadArgument(`unknown scenario '${o.scenario}'; the Node server serves: ${scenarios.join(', ')}`);
  }
  if (o.exerciseTimeoutMs < 100) throw new BadArgument(`--exercise-timeout '${o.exerciseTimeoutMs}ms' is too short; give at least 100ms`);
  if (o.poolTimeoutMs < 1000) throw new BadArgument(`--pool-timeout '${o.poolTimeoutMs}ms' is too short; give at least 1s`);
  return o;
}

/** Reads "2ms", "1.5ms", "500us", "1s" or a bare number of milliseconds; returns milliseconds. */
function parseDuration(name, text) {
  let number = text.trim();
  let factor = 1;
  for (const [suffix, ms] of [['us', 0.001], ['ms', 1], ['s', 1000]]) {
    if (number.toLowerCase().endsWith(suffix)) {
      number = number.slice(0, -suffix.length);
      factor = ms;
      break;
    }
  }
  const v = /^\d+(\.\d+)?$/.test(number) ? Number(number) : NaN;
  if (Number.isNaN(v) || v * factor > 60000) {
    throw new BadArgument(`${name} '${text}' is not a duration between 0 and 60s; write e.g. 2ms, 500us or 1s`);
  }
  return v * factor;
}

function wholeNumber(name, text, min, max) {
  const v = /^\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(v) || v < min || v > max) throw new BadArgument(`${name} '${text}' must be a whole number from ${min} to ${max}`);
  return v;
}

module.exports = { parseOptions, BadArgument, scenarios };
