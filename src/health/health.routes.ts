// GET /healthz: 200 while the database answers, 503 when it does not (for load balancers and probes); with
// scheduled backups on, also when the newest good one was taken and how old it is.
import { Hono } from 'hono';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface BackupStatus {
  /** When the newest checked backup was taken (ISO instant), null before the first. */
  newest: string | null;
  ageSeconds: number | null;
}

export function healthRoutes(deps: { db: Kysely<Database>; backupStatus?: () => BackupStatus }) {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await sql`select 1`.execute(deps.db);
      return c.json({ status: 'ok', database: 'up', ...(deps.backupStatus ? { backup: deps.backupStatus() } : {}) });
    } catch {
      return c.json({ status: 'unavailable', database: 'down' }, 503);
    }
  });
  return app;
}
