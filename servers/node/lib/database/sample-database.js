'use strict';
// The scenarios' database: a seeded in-process SQLite (sql.js, default) or a private schema in PostgreSQL (pg).
// Every command is one counted round trip, delayed by the injected latency as a network hop would be.
const { setTimeout: sleep } = require('node:timers/promises');
const { PoolGate, PoolExhausted } = require('./pool-gate');
const { generateSeedData } = require('./seed-data');
const { recordQuery } = require('../query-count');
const { metrics } = require('../metrics');

class SampleDatabase {
  constructor(driver, options) {
    this.driver = driver;
    this.provider = driver.provider;
    this.latencyMs = options.dbLatencyMs;
    this.poolSize = options.poolSize;
    this.gate = new PoolGate(options.poolSize, options.poolTimeoutMs);
    this.openConnections = 0;
  }

  static async create(options) {
    const driver = options.database.toLowerCase() === 'sqlite'
      ? await require('./sqlite').open()
      : await require('./postgres').open(options.database, options.poolSize + 4);
    const database = new SampleDatabase(driver, options);
    try {
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const { users, orders } = generateSeedData();
      await driver.seed(users, orders);
      database.seedMs = performance.now() - started;
      // CPU time too: on a shared machine wall time mostly measures the neighbours.
      const cpu = process.cpuUsage(cpuBefore);
      database.seedCpuMs = (cpu.user + cpu.system) / 1000;
      database.users = users.length;
      database.orders = orders.length;
      return database;
    } catch (e) {
      await driver.close();
      throw e;
    }
  }

  /** Takes a connection from the pool; rejects with PoolExhausted when none frees up in time. */
  async acquire() {
    try {
      await this.gate.take();
    } catch (e) {
      if (e instanceof PoolExhausted) metrics.dbPoolExhausted.inc();
      throw e;
    }
    let connection;
    try {
      connection = await this.driver.connect();
    } catch (e) {
      this.gate.give();
      throw e;
    }
    metrics.dbConnectionsOpen.set(++this.openConnections);
    let released = false;
    return {
      /** One round trip; resolves to the rows as arrays of column values. */
      query: async (sql, params = []) => {
        recordQuery();
        if (this.latencyMs > 0) await sleep(this.latencyMs);
        return connection.query(sql, params);
      },
      release: () => {
        if (released) return;
        released = true;
        connection.release();
        metrics.dbConnectionsOpen.set(--this.openConnections);
        this.gate.give();
      },
    };
  }

  close() {
    return this.driver.close();
  }
}

module.exports = { SampleDatabase, PoolExhausted };
