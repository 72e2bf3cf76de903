// Process entry: config → database → migrate → (demo seed) → serve, and a clean shutdown on Ctrl-C / SIGTERM.
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, demoAccountsPresent } from './auth/auth.service.ts';
import { systemClock } from './clock.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DatabaseUnavailableError, connect } from './db/connect.ts';
import { MigrationError, migrateToLatest } from './db/migrate.ts';
import { deliveryTransports } from './notify/channels.ts';
import { createDeliveryWorker } from './notify/delivery.ts';
import { createMetrics } from './metrics/metrics.ts';
import { isDatabaseEmpty, seedDemoDistrict } from './seed/demo.ts';

const LISTEN_BACKLOG = 2048;

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

  let handle;
  try {
    handle = await connect(config.database, { sqliteSynchronous: config.sqliteSynchronous });
    const applied = await migrateToLatest(handle.db);
    if (applied.length > 0) console.log(`Applied ${applied.length} migration(s) to ${handle.description}`);
  } catch (error) {
    if (error instanceof DatabaseUnavailableError || error instanceof MigrationError) fail(error.message);
    throw error;
  }

  if (config.seedDemo && (await isDatabaseEmpty(handle.db))) {
    const started = Date.now();
    const summary = await seedDemoDistrict(handle.db, { clock: systemClock, timeZone: config.timeZone });
    console.log(
      `Seeded the demo district in ${Date.now() - started} ms: ${summary.schools} schools, ${summary.clubs} clubs, ` +
        `${summary.courses} courses, ${summary.parents} parents, ${summary.children} children`,
    );
  }

  const demoPresent = await demoAccountsPresent(handle.db);
  // Sends the outbox's e-mail and webhook deliveries; every app process runs one, claims keep them apart.
  const delivery = createDeliveryWorker({ db: handle.db, clock: systemClock, transports: deliveryTransports(config), timeZone: config.timeZone });
  const app = createApp({
    db: handle.db,
    clock: systemClock,
    config,
    kickDelivery: () => delivery.kick(),
    metrics: createMetrics({ db: handle.db, now: () => systemClock.now() }),
  });

  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') fail(`port ${config.port} on ${config.host} is already in use (set PORT to another)`);
    if (error.code === 'EACCES') fail(`not allowed to listen on ${config.host}:${config.port}`);
    fail(`cannot listen on ${config.host}:${config.port}: ${error.message}`);
  });
  server.on('listening', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const shownHost = ['0.0.0.0', '127.0.0.1', '::'].includes(config.host) ? 'localhost' : config.host;
    const lines = [`Clubroll is running at http://${shownHost}:${port} (${handle.description})`];
    if (demoPresent) {
      lines.push(`Demo logins (password ${DEMO_PASSWORD}):`);
      for (const login of DEMO_LOGINS) lines.push(`  ${login.role.padEnd(15)} ${login.login}`);
    }
    console.log(lines.join('\n'));
    delivery.start();
  });
  // A deep accept queue: with Node's default of 511, a cold burst of a thousand parents made a quarter of them
  // wait a second for a TCP retry.
  server.listen(config.port, config.host, LISTEN_BACKLOG);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing requests in flight, then closing the database`);
    // Requests in flight finish; idle keep-alive connections close now; stragglers get 10 s.
    const force = setTimeout(() => server.closeAllConnections(), 10_000);
    force.unref();
    server.close(async () => {
      // A delivery in flight finishes (and is marked) before the database closes.
      await delivery.stop();
      await handle.close();
      console.log('Clubroll stopped cleanly');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

await main();
