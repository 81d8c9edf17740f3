'use strict';
// /debug/stats reads the process's own figures in-process (no shelling out to `docker stats` as the seed did);
// /debug/profile records a V8 CPU profile of this very process for 1-30 s through node:inspector.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const v8 = require('node:v8');
const inspector = require('node:inspector');
const { PerformanceObserver, monitorEventLoopDelay, constants } = require('node:perf_hooks');
const { writeJson, apiError, queryInt } = require('./api-error');
const { totalQueries } = require('./query-count');

// V8's collections by kind: scavenges of the young generation, incremental marking steps, full mark-compacts.
const collections = { minor: 0, incremental: 0, major: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = entry.detail?.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) collections.minor++;
    else if (kind === constants.NODE_PERFORMANCE_GC_INCREMENTAL) collections.incremental++;
    else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) collections.major++;
  }
}).observe({ entryTypes: ['gc'] });

const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

function threadCount() {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const match = /^Threads:\s+(\d+)/m.exec(status);
  return match ? Number(match[1]) : undefined;
}

function routes(bug, database, cache) {
  let profiling = false;
  return {
    'GET /debug/stats': (req, res, query) => {
      // ?collect=1 runs a full collection first (the server starts with --expose-gc), so the heap figure is
      // what is retained, not what is merely not yet collected.
      if (query.get('collect') === '1' && typeof global.gc === 'function') global.gc();
      const memory = process.memoryUsage();
      const cpu = process.cpuUsage();
      writeJson(res, 200, {
        pid: process.pid,
        runtime: 'node',
        scenario: bug.scenario,
        mode: bug.mode,
        db: database.provider,
        uptimeSeconds: process.uptime(),
        cpuTimeMs: (cpu.user + cpu.system) / 1000,
        workingSetBytes: memory.rss,
        managedHeapBytes: memory.heapUsed,
        gcHeapSizeBytes: memory.heapTotal,
        gen0Collections: collections.minor,
        gen1Collections: collections.incremental,
        gen2Collections: collections.major,
        threadCount: threadCount(),
        dbOpenConnections: database.openConnections,
        dbPoolSize: database.poolSize,
        dbQueries: totalQueries(),
        dbLatencyMs: database.latencyMs,
        cacheEntries: cache ? cache.count : 0,
        externalBytes: memory.external,
        heapSizeLimitBytes: v8.getHeapStatistics().heap_size_limit,
        eventLoopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      });
    },
    'POST /debug/profile': async (req, res, query) => {
      const seconds = queryInt(res, query, 'seconds', 1, 30, 5);
      if (seconds === null) return;
      if (profiling) {
        writeJson(res, 409, apiError('a profile is already being recorded; wait for it to finish'));
        return;
      }
      profiling = true;
      try {
        const file = await recordCpuProfile(seconds);
        writeJson(res, 200, { path: file, bytes: fs.statSync(file).size, seconds, format: 'cpuprofile' });
      } finally {
        profiling = false;
      }
    },
  };
}

async function recordCpuProfile(seconds) {
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) =>
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  try {
    await post('Profiler.enable');
    await post('Profiler.start');
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const { profile } = await post('Profiler.stop');
    const folder = path.join(os.tmpdir(), 'perfnb-profiles');
    fs.mkdirSync(folder, { recursive: true });
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('.', '');
    const file = path.join(folder, `profile_${process.pid}_${stamp}.cpuprofile`);
    // Written to a temp name, flushed and renamed, so a reader never sees half a profile.
    const partial = file + '.partial';
    const fd = fs.openSync(partial, 'w');
    try {
      fs.writeSync(fd, JSON.stringify(profile));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, file);
    return file;
  } finally {
    session.disconnect();
  }
}

module.exports = { routes };
