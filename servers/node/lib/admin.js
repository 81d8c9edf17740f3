'use strict';
// /admin: flip the bug on or off at run time, read the mode, stop the server. Loopback callers only (checked by
// the router through `loopbackOnly`).
// Everything but reading the mode also needs the per-server key: handed to the launcher on the ready line (a pipe
// only it reads), never on the command line, so another local user cannot switch or stop this server.
const crypto = require('node:crypto');
const { writeJson, apiError } = require('./api-error');

const KEY_HEADER = 'x-exercise-key'; // the same header as the .NET servers'

function newKey() {
  return crypto.randomBytes(32).toString('hex');
}

function routes(bug, stop, key) {
  const mode = (res) => writeJson(res, 200, { scenario: bug.scenario, mode: bug.mode });
  const keyed = (action) => (req, res) => {
    const given = Buffer.from(String(req.headers[KEY_HEADER] ?? ''));
    const wanted = Buffer.from(key);
    if (given.length !== wanted.length || !crypto.timingSafeEqual(given, wanted)) {
      writeJson(res, 403, apiError('changing the server needs its key in the X-Exercise-Key header (from its ready line)'));
      return;
    }
    action(req, res);
  };
  return {
    'GET /admin/mode': (req, res) => mode(res),
    'POST /admin/fix': keyed((req, res) => { bug.set(true); mode(res); }),
    'POST /admin/break': keyed((req, res) => { bug.set(false); mode(res); }),
    'POST /admin/stop': keyed((req, res) => {
      res.writeHead(202);
      res.end();
      res.on('finish', stop);
    }),
  };
}

module.exports = { routes, newKey, loopbackOnly: (path) => path.startsWith('/admin/') };
