'use strict';
// /admin: serve an exercise file, read the mode, stop the server. Loopback callers only (checked by
// the router through `loopbackOnly`).
// Everything but reading the mode also needs the per-server key: handed to the launcher on the ready line (a pipe
// only it reads), never on the command line, so another local user cannot switch or stop this server.
const crypto = require('node:crypto');
const { writeJson, apiError, badRequest } = require('./api-error');
const { ExerciseCompileError, MAX_SOURCE_BYTES } = require('./exercise');

const KEY_HEADER = 'x-exercise-key'; // the same header as the .NET servers'

function newKey() {
  return crypto.randomBytes(32).toString('hex');
}

function hasKey(req, key) {
  const given = Buffer.from(String(req.headers[KEY_HEADER] ?? ''));
  const wanted = Buffer.from(key);
  return given.length === wanted.length && crypto.timingSafeEqual(given, wanted);
}

function routes(bug, stop, key, exercise) {
  const mode = (res) => writeJson(res, 200, { scenario: bug.scenario, mode: bug.mode });
  const keyed = (action) => (req, res, query) => {
    if (!hasKey(req, key)) {
      writeJson(res, 403, apiError('changing the server needs its key in the X-Exercise-Key header (from its ready line)'));
      return undefined;
    }
    return action(req, res, query);
  };
  const describe = (res) => writeJson(res, 200, { scenario: bug.scenario, mode: bug.mode, file: exercise.fileName, source: exercise.shown });
  const exerciseRoutes = !exercise.exists ? {} : {
    'GET /admin/exercise': (req, res) => describe(res),
    'POST /admin/exercise': keyed(async (req, res, query) => {
      const label = query.get('label') ?? 'learner';
      // baseline: an interview's healthy server starts from the reference fix, shown as its own file.
      const labels = exercise.hidden ? ['learner', 'fixed', 'reference', 'baseline'] : ['learner', 'fixed', 'reference'];
      if (!labels.includes(label)) {
        badRequest(res, 'label', `label: ${labels.join(', ')} (reference: kept beside the served code for the checker)`);
        return;
      }
      if (!String(req.headers['content-type'] ?? '').toLowerCase().startsWith('text/plain')) {
        writeJson(res, 415, apiError('send the JavaScript source as the body with Content-Type: text/plain'));
        return;
      }
      const source = await readBody(req);
      if (source === null) {
        writeJson(res, 413, apiError(`the source is larger than ${MAX_SOURCE_BYTES / 1024} KB; send only the exercise file`));
        return;
      }
      if (source.trim() === '') {
        writeJson(res, 400, apiError('the body is empty; send the whole exercise file'));
        return;
      }
      let compileMs;
      try {
        compileMs = exercise.serve(source, label);
      } catch (e) {
        if (!(e instanceof ExerciseCompileError)) throw e;
        writeJson(res, 422, { error: 'the code does not compile', file: exercise.fileName, errors: e.errors });
        return;
      }
      bug.refresh();
      writeJson(res, 200, { scenario: bug.scenario, mode: bug.mode, file: exercise.fileName, compileMs });
    }),
    // The retained heap after full collections (the server runs with --expose-gc): what a cache really keeps.
    'GET /admin/exercise/heap': (req, res) => {
      if (typeof global.gc === 'function') {
        global.gc();
        global.gc();
      }
      writeJson(res, 200, { heapBytes: process.memoryUsage().heapUsed });
    },
    'DELETE /admin/exercise': keyed((req, res) => {
      exercise.reset();
      bug.refresh();
      describe(res);
    }),
  };
  return {
    ...exerciseRoutes,
    'GET /admin/mode': (req, res) => mode(res),
    'POST /admin/stop': keyed((req, res) => {
      res.writeHead(202);
      res.end();
      res.on('finish', stop);
    }),
  };
}

/** The body as UTF-8 text, or null once it passes MAX_SOURCE_BYTES (the rest is not read). */
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_SOURCE_BYTES) {
        resolve(null);
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Whether a request asks for the reference kept beside the served code (the checker's): it must carry the key. */
function wantsReference(req, key) {
  return req.headers['x-exercise-reference'] === '1' && hasKey(req, key);
}

module.exports = { routes, newKey, wantsReference, loopbackOnly: (path) => path.startsWith('/admin/') };
