// npm run bench:pupils [-- --pupils N] [--database postgres://…]
// The pupil list's CSV import, measured through its service: a school's register of N pupils (2,000 by default)
// as Excel saves it (UTF-8 with a BOM, Chinese names and headers) is previewed, committed, and previewed again
// (every row unchanged), then the same register with every pupil a grade up is committed as N updates; then N
// families add their children and the school switches to checking them against the list. Prints each step's time
// and the process's peak memory. A fresh SQLite file by default; --database takes a scratch
// PostgreSQL database you can throw away (it is migrated; a school, an admin and the pupils stay in it).
// Bounded: at most 5,000 pupils, nothing listens.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openPostgres } from '../../src/db/connect.ts';
import type { DatabaseHandle } from '../../src/db/handle.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { openSqlite } from '../../src/db/sqlite/open.ts';
import { systemClock } from '../../src/kernel/clock.ts';
import { createOutbox } from '../../src/notify/outbox.ts';
import type { Actor } from '../../src/kernel/roles.ts';
import { createChildCheckService } from '../../src/pupils/child-check.service.ts';
import { createPupilImportService } from '../../src/pupils/import.service.ts';
import { MAX_PUPIL_ROWS } from '../../src/pupils/pupils-import.policy.ts';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['小明', '梓涵', '一诺', '浩然', '欣怡', '子轩', '雨桐', '宇航', '思远', '佳怡'];
/** A third character, so up to 5,000 pupils have 5,000 names, as a register nearly does. */
const THIRD = '安宁乐康泰和睿博嘉然清远晴朗航毅恒悦彤琪瑞祥林森岚';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** The register as Excel's "CSV UTF-8" writes it: a BOM, CRLF, Chinese headers. */
function register(count: number, gradeShift = 0): string {
  const rows = ['姓名,学号,年级,班级'];
  for (let i = 0; i < count; i += 1) {
    const grade = (i % 5) + 1 + gradeShift;
    rows.push(`${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}${THIRD[Math.floor(i / 200) % THIRD.length]},G2026${String(i).padStart(5, '0')},${grade},${(i % 8) + 1}班`);
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/**
 * The school's children as families added them before it checked its list: one per listed pupil (as promoted), one
 * parent each; every fourth family typed another class, so the switch leaves that child for the school.
 */
async function addFamilies(handle: DatabaseHandle, count: number, now: string) {
  const school = await handle.db.selectFrom('schools').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
  const rows = register(count, 1).replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((line) => line.split(','));
  for (let start = 0; start < rows.length; start += 500) {
    const batch = rows.slice(start, start + 500);
    const parents = await handle.db
      .insertInto('users')
      .values(batch.map((_, offset) => ({ name: '家长', email: `bench-parent-${Date.now()}-${start + offset}@example.com`, phone: null, password_hash: '!', role: 'parent' as const, school_id: null, created_at: now, password_changed_at: now })))
      .returning('id')
      .execute();
    const children = await handle.db
      .insertInto('children')
      .values(batch.map(([name, , grade, className], offset) => ({ name: name!, school_id: school.id, grade: Number(grade), class_name: (start + offset) % 4 === 0 ? '9班' : className!, created_at: now, updated_at: now })))
      .returning('id')
      .execute();
    await handle.db.insertInto('guardianships').values(children.map((child, offset) => ({ user_id: parents[offset]!.id, child_id: child.id, created_at: now }))).execute();
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const pupils = Number(option('--pupils') ?? 2000);
  if (!Number.isInteger(pupils) || pupils < 1 || pupils > MAX_PUPIL_ROWS) throw new Error(`--pupils must be a whole number from 1 to ${MAX_PUPIL_ROWS}`);
  const url = option('--database');
  const dir = url ? null : mkdtempSync(join(tmpdir(), 'clubroll-pupils-'));
  const handle: DatabaseHandle = url ? await openPostgres(url) : openSqlite(join(dir!, 'bench.sqlite'));
  try {
    await migrateToLatest(handle.db);
    const now = new Date().toISOString();
    const school = await handle.db
      .insertInto('schools')
      .values({ slug: `bench-pupils-${Date.now()}`, name_zh: '基准小学', name_en: 'Bench Primary', kind: 'primary', grade_min: 1, grade_max: 6, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The district admin who imports (the audit event names them); never signs in, so no real password.
    const admin = await handle.db
      .insertInto('users')
      .values({ name: '基准管理员', email: `bench-pupils-${Date.now()}@example.com`, phone: null, password_hash: '!', role: 'district_admin', school_id: null, created_at: now, password_changed_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const actor: Actor = { id: admin.id, role: 'district_admin', schoolId: null };
    const outbox = createOutbox({ channels: [], now: () => systemClock.now() });
    const imports = createPupilImportService({ db: handle.db, clock: systemClock, outbox });
    const childCheck = createChildCheckService({ db: handle.db, clock: systemClock, outbox });
    const file = register(pupils);
    const promoted = register(pupils, 1);
    console.log(`pupil import: ${pupils} pupils, ${(Buffer.byteLength(file) / 1024).toFixed(0)} KB file, ${handle.dialect} (${handle.description})`);

    const baseline = process.memoryUsage().rss;
    const steps: { step: string; ms: number; result: string }[] = [];
    const measure = async <T,>(step: string, work: () => Promise<T>, describe: (value: T) => string) => {
      const started = performance.now();
      const value = await work();
      steps.push({ step, ms: performance.now() - started, result: describe(value) });
      return value;
    };
    const counts = (read: { added: number; updated: number; same: number; problems: unknown[]; outcome: string } | null) =>
      read ? `${read.outcome}: ${read.added} new, ${read.updated} updated, ${read.same} unchanged, ${read.problems.length} problems` : 'refused';

    const preview = await measure('preview (empty list)', () => imports.previewImport(actor, school.id, file), counts);
    await measure('commit (2nd read + insert)', () => imports.commitImport(actor, school.id, file, preview!.plan), counts);
    await measure('preview again (all same)', () => imports.previewImport(actor, school.id, file), counts);
    const up = await measure('preview (grade up)', () => imports.previewImport(actor, school.id, promoted), counts);
    await measure('commit (every row updated)', () => imports.commitImport(actor, school.id, promoted, up!.plan), counts);
    await addFamilies(handle, pupils, now);
    await measure('switch to the pupil list', () => childCheck.switchTo(actor, school.id, 'pupil_list'), (result) =>
      result.ok ? `${result.matched} children matched, ${result.unmatched} left unmatched (families told)` : result.reason,
    );
    const listed = await handle.db.selectFrom('pupils').select((eb) => eb.fn.countAll<number>().as('count')).where('school_id', '=', school.id).executeTakeFirstOrThrow();

    for (const { step, ms, result } of steps) console.log(`  ${step.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms   ${result}`);
    const memory = process.memoryUsage();
    console.log(`  pupils listed afterwards: ${Number(listed.count)}`);
    console.log(`  RSS before the first step ${mb(baseline)}; peak RSS of the process ${mb(process.resourceUsage().maxRSS * 1024)}; heap used now ${mb(memory.heapUsed)}, RSS now ${mb(memory.rss)}`);
  } finally {
    await handle.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
