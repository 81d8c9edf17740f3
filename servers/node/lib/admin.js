'use strict';
// /admin: flip the bug on or off at run time, read the mode, stop the server. Loopback callers only (checked by
// the router through `loopbackOnly`).
const { writeJson } = require('./api-error');

function routes(bug, stop) {
  const mode = (res) => writeJson(res, 200, { scenario: bug.scenario, mode: bug.mode });
  return {
    'GET /admin/mode': (req, res) => mode(res),
    'POST /admin/fix': (req, res) => { bug.set(true); mode(res); },
    'POST /admin/break': (req, res) => { bug.set(false); mode(res); },
    'POST /admin/stop': (req, res) => {
      res.writeHead(202);
      res.end();
      res.on('finish', stop);
    },
  };
}

module.exports = { routes, loopbackOnly: (path) => path.startsWith('/admin/') };
