// Process entry: config → the database's lock → database → (a backup, then) migrate → (demo seed) → serve, with
// scheduled backups when BACKUP_DIR is set, and a clean shutdown on Ctrl-C / SIGTERM.
import { availableParallelism } from 'node:os';
import cluster from 'node:cluster';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, demoAccountsPresent } from './auth/auth.service.ts';
import { createSessionUseRecorder } from './auth/session-use.ts';
import { systemClock } from './kernel/clock.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { connect } from './db/connect.ts';
import { type DatabaseHandle, DatabaseUnavailableError } from './db/handle.ts';
import { MigrationError, migrateToLatest } from './db/migrate.ts';
import { DatabaseLockedError, lockDatabase } from './db/sqlite/lock.ts';
import { createTurns } from './http/turns.ts';
import { deliveryTransports } from './notify/channels.ts';
import { createDeliveryWorker } from './notify/delivery.ts';
import { createLanguages } from './i18n/i18n.ts';
import { MESSAGES } from './messages.ts';
import { createMetrics } from './metrics/metrics.ts';
import { backupBeforeMigrating } from './db/sqlite/backup.ts';
import { type BackupScheduler, backupStatus, scheduleBackups } from './ops/backup-schedule.ts';
import { Gauge } from 'prom-client';
import { isDatabaseEmpty, seedDemoDistrict } from './seed/demo.ts';
import { DEMO_PUPIL, DEMO_SCHOOLS } from './seed/demo-catalogue.ts';

const LISTEN_BACKLOG = 2048;
/**
 * PostgreSQL: how long a request waits for one of the pool's connections before it is answered "busy, try
 * again in a moment" (503), so that under overload every answer still comes within about two seconds.
 */
const POOL_WAIT_MS = 1000;

/** SQLite: the reader threads for large aggregates (the district's figures), one per core up to two. */
const READERS_ASIDE = Math.min(2, availableParallelism());
/** Sessions' last uses are written in one batch per process this often (see src/auth/session-use.ts). */
const SESSION_USE_BATCH_MS = 2000;

/**
 * A SQLite file is the server's alone while it runs: the lock keeps `npm run restore` / `seed` / `purge` from
 * replacing it underneath (and the server from starting while one of them works on it).
 */
function lockSqlite(config: Config): void {
  if (config.database.dialect !== 'sqlite' || config.database.path === ':memory:') return;
  try {
    lockDatabase(config.database.path, 'the Clubroll server');
  } catch (error) {
    if (error instanceof DatabaseLockedError) fail(error.message);
    fail(`cannot lock ${config.database.path}: ${(error as Error).message}`);
  }
}

/**
 * Migrates; a SQLite database that already has a schema is first copied beside itself, and the line saying so
 * names the copy.
 */
async function migrate(handle: DatabaseHandle, config: Config): Promise<void> {
  let kept: string | null = null;
  if (config.database.dialect === 'sqlite') {
    try {
      kept = await backupBeforeMigrating(handle.db, config.database.path, systemClock.now());
    } catch (error) {
      // No migration without the copy that would undo it.
      throw new MigrationError(`cannot back up ${config.database.path} before migrating it: ${(error as Error).message}`);
    }
  }
  const applied = await migrateToLatest(handle.db);
  if (applied.length > 0) {
    console.log(`Applied ${applied.length} migration(s) to ${handle.description}${kept ? `; the database as it was before them is kept at ${kept}` : ''}`);
  }
}

/** Scheduled backups of the SQLite file (BACKUP_DIR); on PostgreSQL that is pg_dump's job (docs/operations.md). */
function startBackups(config: Config): BackupScheduler | null {
  if (!config.backups) return null;
  if (config.database.dialect !== 'sqlite') {
    console.log('BACKUP_DIR is for SQLite; on PostgreSQL schedule pg_dump instead (see docs/operations.md, "Backups")');
    return null;
  }
  return scheduleBackups({
    source: config.database.path,
    settings: config.backups,
    now: () => systemClock.now(),
    log: (line) => console.log(line),
    logError: (line) => console.error(line),
  });
}

/** Known start-up failures end in one line; anything else is a bug and keeps its stack. */
function fail(message: string): never {
  console.error(`clubroll: ${message}`);
  process.exit(1);
}

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`configuration error: ${error.message}`);
    throw error;
  }

  // WORKERS=N: this process prepares the database once, then N worker processes share the port.
  if (config.workers > 1 && cluster.isPrimary) return runPrimary(config);
  const worker = cluster.isWorker;
  // A cluster's primary holds the lock for its workers.
  if (!worker) lockSqlite(config);

  // Request turns (see src/http/turns.ts); while connections arrive, SQLite's commit groups wait for them.
  const turns = createTurns();
  let handle;
  try {
    handle = await connect(config.database, { sqliteSynchronous: config.sqliteSynchronous, sqliteDriver: config.sqliteDriver, poolWaitMs: POOL_WAIT_MS, backgroundCheckpoints: true, readersAside: READERS_ASIDE, transactionsComing: turns.accepting });
    if (!worker) await migrate(handle, config);
  } catch (error) {
    if (error instanceof DatabaseUnavailableError || error instanceof MigrationError) fail(error.message);
    throw error;
  }

  if (!worker && config.seedDemo && (await isDatabaseEmpty(handle.db))) {
    const started = Date.now();
    const summary = await seedDemoDistrict(handle.db, { clock: systemClock, timeZone: config.timeZone });
    console.log(
      `Seeded the demo district in ${Date.now() - started} ms: ${summary.schools} schools, ${summary.clubs} clubs, ` +
        `${summary.courses} courses, ${summary.parents} parents, ${summary.children} children, ${summary.pupils} listed pupils`,
    );
  }

  const demoPresent = await demoAccountsPresent(handle.db);
  // Sends the outbox's e-mail and webhook deliveries; every app process runs one, claims keep them apart.
  const languages = createLanguages(MESSAGES, config.timeZone);
  const delivery = createDeliveryWorker({ db: handle.db, clock: systemClock, transports: deliveryTransports(config, languages), languages, claimMs: config.deliveryClaimSeconds * 1000 });
  const sessionUse = createSessionUseRecorder({ db: handle.db, delayMs: SESSION_USE_BATCH_MS, onError: (error) => console.error('clubroll: could not note session use:', error) });
  const metrics = createMetrics({ db: handle.db, now: () => systemClock.now() });
  const backups = config.backups;
  const currentBackup = backups && config.database.dialect === 'sqlite' ? () => backupStatus(backups.dir, systemClock.now()) : undefined;
  if (currentBackup) {
    new Gauge({
      name: 'clubroll_backup_age_seconds',
      help: 'Age of the newest scheduled backup that passed its checks (-1 before the first).',
      registers: [metrics.registry],
      collect() {
        this.set(currentBackup().ageSeconds ?? -1);
      },
    });
  }
  const app = createApp({
    db: handle.db,
    readAside: handle.readAside,
    clock: systemClock,
    config,
    sessionUse,
    kickDelivery: () => delivery.kick(),
    metrics,
    ...(currentBackup ? { backupStatus: currentBackup } : {}),
  });
  const scheduler = worker ? null : startBackups(config);

  const server = createAdaptorServer({
    fetch: (request: Request, env: object) => turns.run((queuedMs) => app.fetch(request, { ...env, queuedMs })),
  }) as Server;
  server.on('connection', () => turns.connected());
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') fail(`port ${config.port} on ${config.host} is already in use (set PORT to another)`);
    if (error.code === 'EACCES') fail(`not allowed to listen on ${config.host}:${config.port}`);
    fail(`cannot listen on ${config.host}:${config.port}: ${error.message}`);
  });
  server.on('listening', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const shownHost = ['0.0.0.0', '127.0.0.1', '::'].includes(config.host) ? 'localhost' : config.host;
    delivery.start();
    // With several workers, the first one says where the server is.
    if (worker && cluster.worker?.id !== 1) return;
    const lines = [`Clubroll is running at http://${shownHost}:${port} (${handle.description}${worker ? `, ${config.workers} worker processes` : ''})`];
    if (demoPresent) {
      lines.push(`Demo logins (password ${DEMO_PASSWORD}):`);
      for (const login of DEMO_LOGINS) lines.push(`  ${login.role.padEnd(15)} ${login.login}`);
      const school = DEMO_SCHOOLS.find((one) => one.slug === DEMO_PUPIL.school);
      lines.push(`Demo pupil a new parent can add at ${school?.nameZh ?? DEMO_PUPIL.school} (it checks the pupil list): pupil number ${DEMO_PUPIL.number}, name ${DEMO_PUPIL.name}, grade ${DEMO_PUPIL.grade}`);
    }
    console.log(lines.join('\n'));
  });
  // A deep accept queue: with Node's default of 511, a cold burst of a thousand parents made a quarter of them
  // wait a second for a TCP retry.
  server.listen(config.port, config.host, LISTEN_BACKLOG);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing requests in flight, then closing the database`);
    // Requests in flight finish; keep-alive connections close as soon as they are idle (not after their
    // keep-alive timeout); stragglers get 10 s.
    const force = setTimeout(() => server.closeAllConnections(), 10_000);
    force.unref();
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    idle.unref();
    server.close(async () => {
      clearInterval(idle);
      // A delivery in flight finishes (and is marked) before the database closes.
      await delivery.stop();
      await scheduler?.stop();
      await sessionUse.flush();
      await handle.close();
      console.log('Clubroll stopped cleanly');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

/**
 * The primary of a WORKERS=N cluster: migrate and seed once, then fork the workers; a worker that dies is
 * replaced; SIGTERM / SIGINT reach every worker, and the primary exits when they have all stopped.
 */
async function runPrimary(config: Config) {
  lockSqlite(config);
  let handle;
  try {
    handle = await connect(config.database, { sqliteSynchronous: config.sqliteSynchronous, sqliteDriver: config.sqliteDriver });
    await migrate(handle, config);
    if (config.seedDemo && (await isDatabaseEmpty(handle.db))) {
      const summary = await seedDemoDistrict(handle.db, { clock: systemClock, timeZone: config.timeZone });
      console.log(`Seeded the demo district: ${summary.schools} schools, ${summary.parents} parents, ${summary.children} children`);
    }
  } catch (error) {
    if (error instanceof DatabaseUnavailableError || error instanceof MigrationError) fail(error.message);
    throw error;
  } finally {
    await handle?.close();
  }
  const scheduler = startBackups(config);
  let stopping = false;
  for (let i = 0; i < config.workers; i++) cluster.fork();
  cluster.on('exit', (dead, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) void (scheduler?.stop() ?? Promise.resolve()).then(() => process.exit(0));
      return;
    }
    console.error(`clubroll: worker ${dead.process.pid} ended (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const child of Object.values(cluster.workers ?? {})) child?.process.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

await main();
