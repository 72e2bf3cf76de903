// npm run bench:district [-- --children N] [--database postgres://…]
// The district's data portrait, timed through the app (service, SQL aggregates and rendering, no network): first the
// demo district, then the same database with a bench school of N children (100,000 by default) added by the bench's
// own seeding (test/load/seed-scale.ts), 60 % of them seated, 20 % waitlisted, and the roll of every held meeting
// taken. Prints the median and 95th percentile of the page, its htmx fragment and district.json at each size.
// A fresh SQLite file by default, opened as the server opens it (two reader threads for the figures); --database takes a scratch PostgreSQL database you can throw away (it is migrated
// and filled; nothing is deleted). Nothing listens.
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { type Kysely, sql } from 'kysely';
import { openPostgres } from '../../src/db/connect.ts';
import type { DatabaseHandle } from '../../src/db/handle.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { Database } from '../../src/db/schema.ts';
import { openSqlite } from '../../src/db/sqlite/open.ts';
import { dayInZone } from '../../src/kernel/calendar.ts';
import { systemClock } from '../../src/kernel/clock.ts';
import { seedDemoDistrict } from '../../src/seed/demo.ts';
import { Browser, buildApp, signIn } from '../support/app.ts';
import { seedScale } from './seed-scale.ts';

const ZONE = 'Asia/Shanghai';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function insertAll<T extends keyof Database>(db: Kysely<Database>, table: T, rows: Record<string, unknown>[], size = 500) {
  for (let i = 0; i < rows.length; i += size) await db.insertInto(table).values(rows.slice(i, i + size) as never).execute();
}

/** Seats 60 % of the bench school's children (25 to a course), waitlists 20 % more, and takes every held roll. */
export async function fillBenchSchool(db: Kysely<Database>, children: number) {
  const school = await db.selectFrom('schools').select('id').where('slug', '=', 'bench-primary').executeTakeFirstOrThrow();
  const offerings = (await db.selectFrom('offerings').innerJoin('terms', 'terms.id', 'offerings.term_id').select('offerings.id').where('terms.school_id', '=', school.id).orderBy('offerings.id').execute()).map((row) => row.id);
  const ids = (await db.selectFrom('children').select('id').where('school_id', '=', school.id).orderBy('id').execute()).map((row) => row.id);
  const at = new Date().toISOString();
  const seated = Math.min(Math.floor(children * 0.6), offerings.length * 25);
  const waiting = Math.floor(children * 0.2);
  const rows: Record<string, unknown>[] = [];
  for (let k = 0; k < seated; k += 1) rows.push({ offering_id: offerings[k % offerings.length], child_id: ids[k], status: 'enrolled', created_at: at, updated_at: at });
  for (let k = 0; k < waiting; k += 1) {
    rows.push({ offering_id: offerings[k % offerings.length], child_id: ids[seated + k], status: 'waitlisted', waitlist_position: Math.floor(k / offerings.length) + 1, created_at: at, updated_at: at });
  }
  await insertAll(db, 'enrollments', rows);
  await sql`update offerings set seats_taken = (select count(*) from enrollments where enrollments.offering_id = offerings.id and enrollments.status = 'enrolled') where term_id in (select id from terms where school_id = ${school.id})`.execute(db);
  const today = dayInZone(new Date(), ZONE);
  await sql`insert into attendance_marks (meeting_id, child_id, mark, marked_at)
    select meetings.id, enrollments.child_id, case when enrollments.child_id % 10 = 0 then 'absent' when enrollments.child_id % 17 = 0 then 'excused' else 'present' end, ${at}
    from enrollments join meetings on meetings.offering_id = enrollments.offering_id
    where enrollments.status = 'enrolled' and meetings.day <= ${today} and enrollments.offering_id in (select offerings.id from offerings join terms on terms.id = offerings.term_id where terms.school_id = ${school.id})`.execute(db);
  const marks = await db.selectFrom('attendance_marks').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return { enrollments: rows.length, marks: Number(marks.count) };
}

async function time(browser: Browser, path: string, headers: Record<string, string> = {}, runs = 25) {
  for (let i = 0; i < 3; i += 1) {
    const warm = await browser.get(path, headers);
    if (warm.status !== 200) throw new Error(`${path} answered ${warm.status}`);
    await warm.arrayBuffer();
  }
  const took: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    const response = await browser.get(path, headers);
    await response.arrayBuffer();
    const used = process.cpuUsage(startCpu);
    took.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  took.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  // On SQLite the queries run in this process, so its CPU time is what the request costs on an idle core.
  return { median: took[Math.floor(runs / 2)]!, p95: took[Math.min(runs - 1, Math.ceil(runs * 0.95) - 1)]!, cpu: cpu[Math.floor(runs / 2)]! };
}

async function measure(handle: DatabaseHandle, label: string) {
  const { app } = buildApp(handle, { clock: systemClock, timeZone: ZONE });
  const browser = new Browser(app);
  const admin = await handle.db.selectFrom('users').select('id').where('role', '=', 'district_admin').executeTakeFirstOrThrow();
  await signIn(handle, browser, admin.id);
  const children = await handle.db.selectFrom('children').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  const json = await time(browser, '/admin/district.json');
  const page = await time(browser, '/admin/district');
  const fragment = await time(browser, '/admin/district?category=robotics', { 'HX-Request': 'true' });
  const results = { page, fragment, json };
  for (const [what, figures] of Object.entries(results)) {
    console.log(`${label.padEnd(26)} ${String(Number(children.count)).padStart(7)} children  ${what.padEnd(9)} median ${figures.median.toFixed(1).padStart(6)} ms  p95 ${figures.p95.toFixed(1).padStart(6)} ms  process CPU ${figures.cpu.toFixed(1).padStart(6)} ms`);
  }
  return results;
}

async function main() {
  const children = Number(option('--children') ?? 100_000);
  if (!Number.isInteger(children) || children < 1000 || children > 200_000) throw new Error('--children must be a whole number from 1,000 to 200,000');
  const url = option('--database');
  const dir = url ? null : mkdtempSync(join(tmpdir(), 'clubroll-district-'));
  const handle: DatabaseHandle = url ? await openPostgres(url) : openSqlite(join(dir!, 'bench.sqlite'), { readersAside: 2 });
  try {
    await migrateToLatest(handle.db);
    await seedDemoDistrict(handle.db, { clock: systemClock, timeZone: ZONE });
    console.log(`district portrait on ${url ? 'PostgreSQL' : 'SQLite'} (targets: demo < 100 ms, ${children} children < 300 ms); load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
    await measure(handle, 'demo district');
    const seeding = performance.now();
    await handle.db.transaction().execute((trx) => seedScale(trx, { children, passwordHash: 'not-a-password-hash', offeringsPerSchool: Math.ceil((children * 0.6) / 25) }));
    const filled = await fillBenchSchool(handle.db, children);
    await sql`analyze`.execute(handle.db);
    console.log(`seeded ${children} children, ${filled.enrollments} places, ${filled.marks} marks in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
    await measure(handle, 'demo + bench school');
  } finally {
    await handle.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

// Run as a script (npm run bench:district); imported, it only lends its seeding.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
