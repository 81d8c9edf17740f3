'use strict';
// The Node.js twin of PerfNotebooks' ASP.NET sample server: the same scenarios' bugs, flags, ready
// line, admin and debug endpoints, on 127.0.0.1 only.
// Exit codes as perfnb: 0 stopped cleanly, 1 could not run (database unreachable, port taken), 2 bad arguments.
const http = require('node:http');
const { parseOptions, BadArgument } = require('./lib/options');
const { writeJson, apiError, badRequest } = require('./lib/api-error');
const { BugSwitch } = require('./lib/bug-switch');
const { registry, metrics } = require('./lib/metrics');
const { countQueries } = require('./lib/query-count');
const { SampleDatabase, PoolExhausted } = require('./lib/database/sample-database');
const admin = require('./lib/admin');
const { Exercise, exerciseScenarios } = require('./lib/exercise');
const debug = require('./lib/debug');
const interview = require('./lib/interview');

const MAX_QUERY_STRING_LENGTH = 128 * 1024;
const scenarioRoutes = {
  'cpu-hotspot': require('./scenarios/cpu-hotspot').routes,
  'n-plus-one': require('./scenarios/n-plus-one').routes,
  'memory-leak': require('./scenarios/memory-leak').routes,
};

function fail(message, code) {
  process.stderr.write(`sample-server: ${message}\n`);
  process.exit(code);
}

async function main() {
  let options;
  let disguise = null;
  try {
    let args = process.argv.slice(2);
    if (process.env[interview.VARIABLE] === '1') {
      // Only the scenarios with an exercise file: an interview's fix is graded by the checker.
      disguise = await interview.readDisguise(process.stdin, exerciseScenarios);
      args = [disguise.scenario, ...args];
    }
    options = parseOptions(args);
  } catch (e) {
    if (e instanceof BadArgument) fail(e.message, 2);
    throw e;
  }
  let database;
  try {
    database = await SampleDatabase.create(options);
  } catch (e) {
    fail(e.message, e instanceof BadArgument ? 2 : 1);
  }

  const exercise = new Exercise(options.scenario, { timeoutMs: options.exerciseTimeoutMs, hidden: disguise !== null });
  if (options.fixed) {
    // The fix lives only in instructor/fixes: the launcher sends it to this server.
    fail(`--fixed: the ${options.scenario} server serves only its exercise file; run \`perfnb serve ${options.scenario} --runtime node --fixed\`, which serves it the reference fix from instructor/fixes/`, 2);
  }
  const bug = new BugSwitch(options.scenario, exercise, disguise !== null);
  const adminKey = admin.newKey();
  const served = {
    get mode() { return exercise.mode; },
    /** The module serving requests now (its exports beside the entry point, e.g. memory-leak's entries()). */
    get code() { return exercise.current; },
    get fileName() { return exercise.fileName; },
    /** Runs the served exercise code (or the kept reference, when the checker asks); its exception answers 500 naming it. */
    call(req, res, run) {
      const fail = (e) => {
        if (e instanceof PoolExhausted) throw e;
        process.stderr.write(`sample-server: ${exercise.fileName} threw: ${e?.stack ?? e}\n`);
        writeJson(res, 500, exercise.describe(e));
        return undefined;
      };
      // An answer of undefined (a forgotten return) is the learner's mistake too, not a request left hanging.
      const checked = (result) => {
        if (result === undefined && !res.headersSent) {
          writeJson(res, 500, { ...exercise.describe(new TypeError(`${exercise.entry}() returned undefined; return the answer`)), stack: [] });
        }
        return result;
      };
      try {
        const result = run(exercise.module(admin.wantsReference(req, adminKey)));
        return result && typeof result.then === 'function' ? result.then(checked, fail) : checked(result);
      } catch (e) {
        return fail(e);
      }
    },
  };
  const scenario = scenarioRoutes[options.scenario](bug, database, served);
  if (disguise !== null) {
    // The endpoint answers at the interview's path only.
    const [key] = Object.keys(scenario).filter((k) => k !== 'cache');
    scenario[`${key.split(' ')[0]} ${disguise.path}`] = scenario[key];
    delete scenario[key];
  }
  let server;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(async () => {
      await database.close();
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  const routes = {
    'GET /health': (req, res) => writeJson(res, 200, { status: 'ok', scenario: bug.scenario, mode: bug.mode, db: database.provider, runtime: 'node' }),
    'GET /metrics': async (req, res) => {
      const text = await registry.metrics();
      res.writeHead(200, { 'Content-Type': registry.contentType });
      res.end(text);
    },
    ...admin.routes(bug, stop, adminKey, exercise),
    ...debug.routes(bug, database, scenario.cache),
    ...scenario,
  };
  delete routes.cache;
  const paths = new Set(Object.keys(routes).map((key) => key.split(' ')[1]));

  // Long query strings reach our validation (a JSON 400 naming the parameter) instead of Node's bare 431.
  server = http.createServer({ maxHeaderSize: 3 * MAX_QUERY_STRING_LENGTH }, (req, res) => {
    const started = performance.now();
    const box = { queries: 0 };
    const target = req.url ?? '/';
    const mark = target.indexOf('?');
    const pathname = mark < 0 ? target : target.slice(0, mark);
    const rawQuery = mark < 0 ? '' : target.slice(mark + 1);
    const route = paths.has(pathname) ? pathname : 'unmatched';
    const writeHead = res.writeHead;
    res.writeHead = function (...args) {
      if (!res.headersSent) res.setHeader('X-Db-Queries', String(box.queries));
      return writeHead.apply(this, args);
    };
    res.on('finish', () => {
      metrics.dbQueriesPerRequest.observe({ route }, box.queries);
      metrics.requestDuration.observe({ code: String(res.statusCode), method: req.method, endpoint: route }, (performance.now() - started) / 1000);
    });
    countQueries(box, async () => {
      try {
        if (rawQuery.length > MAX_QUERY_STRING_LENGTH) {
          badRequest(res, 'query string', `query string: ${rawQuery.length} characters, at most ${MAX_QUERY_STRING_LENGTH}`);
          return;
        }
        if (admin.loopbackOnly(pathname) && !['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress)) {
          writeJson(res, 403, apiError('admin endpoints answer loopback callers only'));
          return;
        }
        const handler = routes[`${req.method} ${pathname}`];
        if (!handler) {
          writeJson(res, paths.has(pathname) ? 405 : 404,
            apiError(paths.has(pathname) ? `${req.method} is not allowed on ${pathname}` : `no endpoint at ${pathname}`));
          return;
        }
        await handler(req, res, new URLSearchParams(rawQuery), rawQuery);
      } catch (e) {
        if (res.headersSent) {
          res.destroy();
        } else if (e instanceof PoolExhausted) {
          process.stderr.write(`sample-server: ${pathname}: ${e.message}\n`);
          writeJson(res, 503, apiError(e.message));
        } else {
          process.stderr.write(`sample-server: ${pathname}: ${e.stack}\n`);
          writeJson(res, 500, apiError(`the server failed: ${e.message}`));
        }
      }
    });
  });
  server.on('error', (e) => fail(`cannot listen on 127.0.0.1:${options.port} (${e.message}); choose another --port or 0 for any free one`, 1));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (process.env.PERFNB_STOP_WITH_STDIN === '1') {
    // The launcher holds our stdin open; if it dies without stopping us (killed, or its own SIGTERM grace ran
    // out), the pipe closes and we stop instead of living on as an orphan.
    process.stdin.on('end', stop);
    process.stdin.on('error', stop);
    process.stdin.resume();
  }
  server.listen(options.port, '127.0.0.1', () => {
    const { port } = server.address();
    // The one line launchers wait for: URL first, then key=value facts.
    process.stdout.write(`http://127.0.0.1:${port} pid=${process.pid} scenario=${bug.scenario} mode=${bug.mode} db=${database.provider} `
      + `users=${database.users} orders=${database.orders} seed_ms=${Math.round(database.seedMs)} seed_cpu_ms=${Math.round(database.seedCpuMs)} `
      + `ready_ms=${Math.round(performance.now())} runtime=node runtime_version=${process.versions.node} exercise=${exercise.exists ? exercise.fileName : ''} exercise_key=${adminKey}\n`);
  });
}

main();
