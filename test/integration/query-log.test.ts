// Kysely's `log` option sees every query on either database and either SQLite driver, the enrolment hot path's
// prepared statements (the seat claim and the rows it writes among them) too: nothing bypasses Kysely's executor.
import type { LogEvent } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/db/connect.ts';
import type { DatabaseHandle } from '../../src/db/handle.ts';
import { createEnrollmentService } from '../../src/enrollment/enrollment.service.ts';
import { fixedClock } from '../../src/kernel/clock.ts';
import { createSchool, createUser } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';
import { SQLITE_DRIVER } from '../support/sqlite-driver.ts';

describe.each(DIALECTS)('the query log on %s', (dialect) => {
  let handle: TestDatabase;
  let logged: LogEvent[];
  let logging: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(dialect);
    logged = [];
    logging = await connect(handle.target, { sqliteDriver: SQLITE_DRIVER, log: (event) => void logged.push(event) });
  });
  afterAll(async () => {
    await logging.close();
    await handle.drop();
  });

  it("sees an enrolment's statements, the seat claim and the enrollment row included", async () => {
    const school = await createSchool(handle, 'logged');
    const term = await createTerm(handle, school);
    const parent = await createUser(handle, { login: 'logged-parent@example.com' });
    const offering = await createOffering(handle, term, { code: 'LOG-1', title_zh: '日志课', capacity: 3 });
    const now = new Date().toISOString();
    const child = await handle.db.insertInto('children').values({ name: '记录', school_id: school, grade: 4, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    await handle.db.insertInto('guardianships').values({ user_id: parent, child_id: child.id, created_at: now }).execute();

    const service = createEnrollmentService({ db: logging.db, clock: fixedClock('2026-11-27T08:00:00Z') });
    expect(await service.enroll(parent, offering, child.id)).toMatchObject({ ok: true, status: 'enrolled' });

    const statements = logged.filter((event) => event.level === 'query').map((event) => event.query.sql.replaceAll('"', ''));
    // SQLite claims the seat and writes the row in statements of their own; PostgreSQL in one call of clubroll_place.
    const claim = dialect === 'sqlite' ? /update offerings set seats_taken = seats_taken \+/i : /from clubroll_place\(/i;
    expect(statements.find((text) => claim.test(text)), statements.join('\n')).toBeDefined();
    expect(statements.find((text) => /insert into (enrollments|notifications)\b/i.test(text)), statements.join('\n')).toBeDefined();
    expect(logged.filter((event) => event.level === 'error')).toEqual([]);
  });
});
