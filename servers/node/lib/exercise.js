'use strict';
// The scenario's exercise file (exercise/SCENARIO.js: the handler's logic that holds the bug) as a module the
// server can replace at run time: a learner's version is compiled with node:vm under the file's own name, so
// syntax errors and stacks name the learner's lines, and swapped in for the next request; the original comes back
// on reset. A reference version can be kept beside it for the checker (requests marked X-Exercise-Reference).
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { FILE_NAME, withoutComments } = require('./interview');

/** Larger than any honest rewrite of a one-page file, small enough that a flood costs nothing (as the .NET servers). */
const MAX_SOURCE_BYTES = 64 * 1024;

/** What each exercise file must export, and how the handler calls it. */
const entryPoints = {
  'n-plus-one': 'usersWithOrders',
  'cpu-hotspot': 'countPrimes',
  'memory-leak': 'search',
};

/** The learner's code did not compile or lacks its entry point: answered 422 with compiler-style errors. */
class ExerciseCompileError extends Error {
  constructor(errors) {
    super(errors.map((e) => `line ${e.line}: ${e.message}`).join('; '));
    this.errors = errors;
  }
}

// Wrapped like a CommonJS module, on the file's first line, so line numbers are the file's own.
const WRAPPER = '(function (exports, require, module, __filename, __dirname) { ';

/** The learner's code ran synchronously past the timeout (an endless loop?): answered 500 naming their file. */
class ExerciseTimeout extends Error {
  constructor(fileName, timeoutMs) {
    super(`${fileName} ran for more than ${timeoutMs / 1000} s without returning (an endless loop?); the server stopped it and keeps serving`);
    this.name = 'ExerciseTimeout';
  }
}

// node:vm's timeout covers what a script runs, including the functions it calls: each call of the entry point
// runs as this one-line script, so V8's watchdog can stop an endless loop in it. It covers the synchronous part
// only (until the first await), which is where a loop can block the event loop, and so the whole server, for ever.
const CALL = new vm.Script('globalThis[Symbol.for("perfnb.exercise.call")]()', { filename: 'perfnb-exercise-call' });
const CALL_SLOT = Symbol.for('perfnb.exercise.call');

function guard(fn, fileName, timeoutMs) {
  return function guarded(...args) {
    globalThis[CALL_SLOT] = () => fn.apply(this, args);
    try {
      return CALL.runInThisContext({ timeout: timeoutMs, breakOnSigint: false });
    } catch (e) {
      if (e?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new ExerciseTimeout(fileName, timeoutMs);
      throw e;
    } finally {
      delete globalThis[CALL_SLOT];
    }
  };
}

function compile(fileName, entry, source, timeoutMs) {
  let script;
  try {
    script = new vm.Script(WRAPPER + source + '\n})', { filename: fileName, columnOffset: -WRAPPER.length });
  } catch (e) {
    const error = syntaxError(fileName, e);
    // An unclosed block ends at our wrapper's closing line: name the file's last line instead.
    error.line = Math.min(error.line, source.split('\n').length);
    throw new ExerciseCompileError([error]);
  }
  const module = { exports: {} };
  const wrapped = script.runInThisContext();
  try {
    wrapped.call(module.exports, module.exports, require, module, fileName, path.dirname(fileName));
  } catch (e) {
    throw new ExerciseCompileError([{ line: lineOf(fileName, e.stack) ?? 1, column: 1, id: e.name ?? 'Error', message: `loading the file threw: ${e.message}` }]);
  }
  const fn = module.exports?.[entry];
  if (typeof fn !== 'function') {
    throw new ExerciseCompileError([{ line: 1, column: 1, id: 'Entry', message: `the file must export ${entry} (module.exports = { ${entry} })` }]);
  }
  return { ...module.exports, [entry]: guard(fn, fileName, timeoutMs) };
}

// V8 puts a syntax error's place on the stack's first line ("file.js:12") and marks the column with carets.
function syntaxError(fileName, e) {
  const lines = String(e.stack ?? '').split('\n');
  const line = lineOf(fileName, lines[0]) ?? 1;
  const caret = lines.findIndex((l) => /^\s*\^/.test(l));
  const column = caret > 0 ? lines[caret].indexOf('^') + 1 - (line === 1 ? WRAPPER.length : 0) : 1;
  return { line, column: Math.max(1, column), id: e.name ?? 'SyntaxError', message: e.message };
}

function lineOf(fileName, text) {
  const match = new RegExp(`${fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+)`).exec(String(text ?? ''));
  return match ? Number(match[1]) : null;
}

class Exercise {
  /** hidden: an interview's file, named service.js and shown without its comments (see interview.js). */
  constructor(scenario, { timeoutMs = 10000, directory = path.join(__dirname, '..', 'exercise'), hidden = false } = {}) {
    this.scenario = scenario;
    this.timeoutMs = timeoutMs;
    this.hidden = hidden;
    this.entry = entryPoints[scenario];
    this.fileName = hidden ? FILE_NAME : `${scenario}.js`;
    this.original = this.entry ? fs.readFileSync(path.join(directory, `${scenario}.js`), 'utf8') : null;
    this.reset();
    this.reference = null;
  }

  /** The file the server started with, as the learner reads it. */
  get shown() {
    return this.hidden && this.original !== null ? withoutComments(this.original) : this.original;
  }

  /** An interview's healthy server: this source becomes the file the server starts with (and resets to). */
  baseline(source) {
    this.current = compile(this.fileName, this.entry, source, this.timeoutMs);
    this.original = source;
    this.source = source;
    this.mode = 'buggy';
  }

  get exists() {
    return this.entry !== undefined;
  }

  /** The module answering a request: the reference when the checker asks for it and one is kept. */
  module(useReference) {
    return useReference && this.reference ? this.reference : this.current;
  }

  reset() {
    this.source = this.original;
    this.mode = 'buggy';
    this.current = this.exists ? compile(this.fileName, this.entry, this.original, this.timeoutMs) : null;
  }

  /** Compiles source and serves it ("learner" or "fixed") or keeps it as the reference; returns the compile time. */
  serve(source, label) {
    const started = performance.now();
    if (label === 'baseline') {
      this.baseline(source);
      return performance.now() - started;
    }
    const compiled = compile(this.fileName, this.entry, source, this.timeoutMs);
    const compileMs = performance.now() - started;
    if (label === 'reference') {
      this.reference = compiled;
    } else {
      this.current = compiled;
      this.source = source;
      this.mode = label;
    }
    return compileMs;
  }

  /** The learner's exception as the .NET servers report one: its type, message, and the frames in the exercise file. */
  describe(e) {
    const stack = String(e?.stack ?? '').split('\n').slice(1).map((l) => l.trim()).filter((l) => l.includes(`(${this.fileName}:`));
    return {
      error: 'the exercise code threw', file: this.fileName,
      exception: e?.name ?? typeof e, message: e?.message ?? String(e), stack,
    };
  }
}

module.exports = { Exercise, ExerciseCompileError, MAX_SOURCE_BYTES, exerciseScenarios: Object.keys(entryPoints) };
