// The demo district: big enough to be real, consistent with every invariant, live around today.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayInZone } from '../../src/kernel/calendar.ts';
import { fixedClock } from '../../src/kernel/clock.ts';
import { seedDemoDistrict } from '../../src/seed/demo.ts';
import { CLUB_TEMPLATES, COURSE_TEMPLATES, DEMO_PUPIL } from '../../src/seed/demo-catalogue.ts';
import { nameKey, normalisePupilNumber } from '../../src/pupils/pupils.policy.ts';
import { Browser, buildApp, countRows } from '../support/app.ts';
import { runToEnd } from '../support/server.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';
import { CONSENT_VERSION } from '../../src/family/consent.policy.ts';

const CATEGORIES = ['3d_printing', 'programming', 'robotics', 'ai', 'hydroponics', 'speed_cubing', 'maker', 'mechanical', 'steam', 'science'];

for (const dialect of DIALECTS) {
  describe(`demo district on ${dialect}`, () => {
    let handle: TestDatabase;
    // A Saturday, so the weekend clubs of the demo teacher are what "today" shows.
    const clock = fixedClock('2026-11-28T02:00:00Z');
    const today = dayInZone(clock.now(), 'Asia/Shanghai');

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      await seedDemoDistrict(handle.db, { clock, timeZone: 'Asia/Shanghai' });
    });
    afterAll(() => handle.drop());

    it('has at least four schools, primary and middle, each with one current term', async () => {
      const schools = await handle.db.selectFrom('schools').select(['id', 'kind']).execute();
      expect(schools.length).toBeGreaterThanOrEqual(4);
      expect(new Set(schools.map((school) => school.kind))).toEqual(new Set(['primary', 'middle']));
      const terms = await handle.db.selectFrom('terms').selectAll().where('first_day', '<=', today).where('last_day', '>=', today).execute();
      expect(terms.map((term) => term.school_id).sort()).toEqual(schools.map((school) => school.id).sort());
      expect(terms.some((term) => term.mode === 'lottery')).toBe(true);
      const now = clock.now().toISOString();
      expect(terms.every((term) => term.enrol_opens_at <= now && term.enrol_closes_at > now)).toBe(true);
    });

    it('has 63 clubs and at least 200 courses over every category, with both languages', async () => {
      const rows = await handle.db.selectFrom('offerings').select(['kind', 'category', 'title_zh', 'title_en', 'description_zh']).execute();
      expect(rows.filter((row) => row.kind === 'club')).toHaveLength(63);
      expect(rows.filter((row) => row.kind === 'course').length).toBeGreaterThanOrEqual(200);
      expect(new Set(rows.map((row) => row.category))).toEqual(new Set(CATEGORIES));
      expect(rows.every((row) => row.title_zh && row.title_en && row.description_zh)).toBe(true);
      expect(CLUB_TEMPLATES.length + COURSE_TEMPLATES.length).toBeGreaterThan(150);
    });

    it('gives every offering weekly slots and meetings, and no teacher two places at once', async () => {
      const withoutSlots = await handle.db
        .selectFrom('offerings')
        .leftJoin('offering_slots', 'offering_slots.offering_id', 'offerings.id')
        .select('offerings.id')
        .where('offering_slots.id', 'is', null)
        .execute();
      expect(withoutSlots).toEqual([]);
      const slots = await handle.db
        .selectFrom('offering_slots')
        .innerJoin('offerings', 'offerings.id', 'offering_slots.offering_id')
        .select(['offerings.teacher_id', 'offering_slots.weekday', 'offering_slots.starts_at', 'offering_slots.ends_at'])
        .execute();
      const clashes = slots.filter((a, i) =>
        slots.some((b, j) => j > i && a.teacher_id === b.teacher_id && a.weekday === b.weekday && a.starts_at < b.ends_at && b.starts_at < a.ends_at),
      );
      expect(clashes).toEqual([]);
      const holidays = await handle.db.selectFrom('term_holidays').select(['term_id', 'day']).execute();
      const onHoliday = await handle.db
        .selectFrom('meetings')
        .innerJoin('offerings', 'offerings.id', 'meetings.offering_id')
        .innerJoin('term_holidays', (join) => join.onRef('term_holidays.term_id', '=', 'offerings.term_id').onRef('term_holidays.day', '=', 'meetings.day'))
        .select('meetings.id')
        .execute();
      expect(holidays.length).toBeGreaterThan(0);
      expect(onHoliday).toEqual([]);
    });

    it('has at least 300 parents with one to three children each', async () => {
      const parents = await handle.db
        .selectFrom('users')
        .leftJoin('guardianships', 'guardianships.user_id', 'users.id')
        .select(['users.id', sql<number>`cast(count(guardianships.child_id) as integer)`.as('children')])
        .where('users.role', '=', 'parent')
        .groupBy('users.id')
        .execute();
      expect(parents.length).toBeGreaterThanOrEqual(300);
      expect(parents.every((parent) => parent.children >= 1 && parent.children <= 3)).toBe(true);
      const own = await handle.db
        .selectFrom('children')
        .innerJoin('schools', 'schools.id', 'children.school_id')
        .select(['children.grade', 'schools.grade_min', 'schools.grade_max'])
        .execute();
      expect(own.every((child) => child.grade >= child.grade_min && child.grade <= child.grade_max)).toBe(true);
    });

    it('records every seeded guardian’s consent to the current privacy text', async () => {
      const missing = await handle.db
        .selectFrom('guardianships')
        .leftJoin('child_consents', (join) => join.onRef('child_consents.child_id', '=', 'guardianships.child_id').onRef('child_consents.user_id', '=', 'guardianships.user_id'))
        .select(['guardianships.child_id', 'child_consents.version'])
        .execute();
      expect(missing.length).toBeGreaterThan(300);
      expect(missing.filter((row) => row.version !== CONSENT_VERSION)).toEqual([]);
    });

    it('keeps every invariant: seats taken = enrolled ≤ capacity, gap-free waitlists, eligible grades', async () => {
      const offerings = await handle.db.selectFrom('offerings').select(['id', 'capacity', 'seats_taken', 'grade_min', 'grade_max']).execute();
      const enrollments = await handle.db
        .selectFrom('enrollments')
        .innerJoin('children', 'children.id', 'enrollments.child_id')
        .select(['enrollments.offering_id', 'enrollments.status', 'enrollments.waitlist_position', 'children.grade'])
        .execute();
      let full = 0;
      for (const offering of offerings) {
        const mine = enrollments.filter((row) => row.offering_id === offering.id);
        const enrolled = mine.filter((row) => row.status === 'enrolled');
        expect(offering.seats_taken).toBe(enrolled.length);
        expect(enrolled.length).toBeLessThanOrEqual(offering.capacity);
        const positions = mine.filter((row) => row.status === 'waitlisted').map((row) => row.waitlist_position).sort((a, b) => a! - b!);
        expect(positions).toEqual(positions.map((_, i) => i + 1));
        if (positions.length > 0) {
          full += 1;
          expect(enrolled.length).toBe(offering.capacity);
        }
        expect(mine.every((row) => row.grade >= offering.grade_min && row.grade <= offering.grade_max)).toBe(true);
      }
      expect(full).toBeGreaterThanOrEqual(3);
    });

    it('has ranked lottery choices in the lottery school, 1..n per child, each child with an entry number', async () => {
      const choices = await handle.db
        .selectFrom('enrollments')
        .innerJoin('offerings', 'offerings.id', 'enrollments.offering_id')
        .innerJoin('terms', 'terms.id', 'offerings.term_id')
        .select(['enrollments.child_id', 'enrollments.choice_rank', 'terms.mode', 'terms.id as term_id'])
        .where('enrollments.status', '=', 'requested')
        .execute();
      expect(choices.length).toBeGreaterThan(20);
      expect(choices.every((choice) => choice.mode === 'lottery')).toBe(true);
      const byChild = new Map<number, number[]>();
      for (const choice of choices) byChild.set(choice.child_id, [...(byChild.get(choice.child_id) ?? []), choice.choice_rank!]);
      for (const ranks of byChild.values()) expect(ranks.sort()).toEqual(ranks.map((_, index) => index + 1));
      const entries = await handle.db.selectFrom('lottery_entries').select(['child_id', 'entry_number']).execute();
      expect(entries.map((entry) => entry.child_id).sort()).toEqual([...byChild.keys()].sort());
      expect(entries.map((entry) => entry.entry_number).sort((a, b) => a - b)).toEqual(entries.map((_, index) => index + 1));
    });

    it('has the roll taken for every meeting already held, and for no other', async () => {
      const marks = await handle.db
        .selectFrom('attendance_marks')
        .innerJoin('meetings', 'meetings.id', 'attendance_marks.meeting_id')
        .leftJoin('enrollments', (join) =>
          join.onRef('enrollments.offering_id', '=', 'meetings.offering_id').onRef('enrollments.child_id', '=', 'attendance_marks.child_id').on('enrollments.status', '=', 'enrolled'),
        )
        .select(['meetings.day', 'enrollments.id as enrollment', 'attendance_marks.mark'])
        .execute();
      expect(marks.length).toBeGreaterThan(1000);
      expect(marks.every((mark) => mark.day < today && mark.enrollment !== null)).toBe(true);
      expect(new Set(marks.map((mark) => mark.mark))).toEqual(new Set(['present', 'late', 'absent', 'excused']));
    });

    it('gives the demo teacher meetings today and the demo parent two children', async () => {
      const meetings = await handle.db
        .selectFrom('meetings')
        .innerJoin('offerings', 'offerings.id', 'meetings.offering_id')
        .innerJoin('users', 'users.id', 'offerings.teacher_id')
        .select('meetings.id')
        .where('users.email', '=', 'teacher@clubroll.demo')
        .where('meetings.day', '=', today)
        .execute();
      expect(meetings.length).toBeGreaterThan(0);
      const clubs = await handle.db
        .selectFrom('offerings')
        .innerJoin('users', 'users.id', 'offerings.teacher_id')
        .select('offerings.id')
        .where('users.email', '=', 'teacher@clubroll.demo')
        .execute();
      expect(clubs.length).toBeGreaterThanOrEqual(3);
      // Whichever day the demo is opened on, the teacher's roll has children to mark (Sunday's club too).
      const rolls = await handle.db
        .selectFrom('offerings')
        .innerJoin('users', 'users.id', 'offerings.teacher_id')
        .innerJoin('offering_slots', 'offering_slots.offering_id', 'offerings.id')
        .leftJoin('enrollments', (join) => join.onRef('enrollments.offering_id', '=', 'offerings.id').on('enrollments.status', '=', 'enrolled'))
        .select(['offering_slots.weekday', (eb) => eb.fn.count<number>('enrollments.id').distinct().as('enrolled')])
        .where('users.email', '=', 'teacher@clubroll.demo')
        .groupBy('offering_slots.weekday')
        .orderBy('offering_slots.weekday')
        .execute();
      expect(rolls.map((roll) => roll.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      for (const roll of rolls) expect(Number(roll.enrolled)).toBeGreaterThanOrEqual(8);
      const children = await handle.db
        .selectFrom('guardianships')
        .innerJoin('users', 'users.id', 'guardianships.user_id')
        .select('guardianships.child_id')
        .where('users.email', '=', 'parent@clubroll.demo')
        .execute();
      expect(children).toHaveLength(2);
    });

    it('has a first-come school of each kind of child check, the lottery school on its pupil list, and says so in catalogue.json', async () => {
      const schools = await handle.db.selectFrom('schools').innerJoin('terms', 'terms.school_id', 'schools.id').select(['schools.slug', 'schools.child_check', 'terms.mode']).execute();
      const firstCome = schools.filter((school) => school.mode === 'first_come');
      expect(new Set(firstCome.map((school) => school.child_check))).toEqual(new Set(['open', 'pupil_list']));
      const lottery = schools.filter((school) => school.mode === 'lottery');
      expect(lottery.length).toBeGreaterThan(0);
      expect(lottery.every((school) => school.child_check === 'pupil_list')).toBe(true);
      const { app } = buildApp(handle, { clock });
      for (const school of schools) {
        const feed = (await (await new Browser(app).get(`/s/${school.slug}/catalogue.json`)).json()) as { school: { child_check: string } };
        expect(feed.school.child_check, school.slug).toBe(school.child_check);
      }
    });

    it('binds every child at a pupil-list school to a pupil of that list with its name, grade and class, and lists unbound pupils too', async () => {
      const children = await handle.db
        .selectFrom('children')
        .innerJoin('schools', 'schools.id', 'children.school_id')
        .leftJoin('pupils', 'pupils.id', 'children.pupil_id')
        .select(['schools.child_check', 'children.school_id', 'children.name', 'children.grade', 'children.class_name', 'pupils.school_id as pupil_school', 'pupils.name_key', 'pupils.grade as pupil_grade', 'pupils.class_name as pupil_class'])
        .execute();
      const checked = children.filter((child) => child.child_check === 'pupil_list');
      expect(checked.length).toBeGreaterThan(100);
      for (const child of checked) {
        expect(child, child.name).toMatchObject({ pupil_school: child.school_id, name_key: nameKey(child.name), pupil_grade: child.grade, pupil_class: child.class_name });
      }
      expect(children.filter((child) => child.child_check === 'open').every((child) => child.pupil_school === null)).toBe(true);
      const lists = await handle.db
        .selectFrom('pupils')
        .innerJoin('schools', 'schools.id', 'pupils.school_id')
        .leftJoin('children', 'children.pupil_id', 'pupils.id')
        .select(['schools.child_check', 'pupils.school_id', 'pupils.grade', 'schools.grade_min', 'schools.grade_max', 'children.id as child_id'])
        .execute();
      expect(lists.every((pupil) => pupil.child_check === 'pupil_list' && pupil.grade >= pupil.grade_min && pupil.grade <= pupil.grade_max)).toBe(true);
      for (const schoolId of new Set(checked.map((child) => child.school_id))) {
        const listed = lists.filter((pupil) => pupil.school_id === schoolId);
        const bound = listed.filter((pupil) => pupil.child_id !== null).length;
        expect(bound).toBe(checked.filter((child) => child.school_id === schoolId).length);
        expect(listed.length - bound).toBeGreaterThanOrEqual(bound / 2);
      }
      // The demo parent's children are at an open school or verified, so the demo parent can enrol them.
      const demoChildren = await handle.db
        .selectFrom('guardianships')
        .innerJoin('users', 'users.id', 'guardianships.user_id')
        .innerJoin('children', 'children.id', 'guardianships.child_id')
        .innerJoin('schools', 'schools.id', 'children.school_id')
        .select(['schools.child_check', 'children.pupil_id'])
        .where('users.email', '=', 'parent@clubroll.demo')
        .execute();
      expect(demoChildren).toHaveLength(2);
      expect(demoChildren.filter((child) => child.child_check === 'pupil_list' && child.pupil_id === null)).toEqual([]);
    });

    it('publishes a demo pupil a new parent can bind: on its school’s list as published, bound to no child until a new parent adds it', async () => {
      const pupil = await handle.db
        .selectFrom('pupils')
        .innerJoin('schools', 'schools.id', 'pupils.school_id')
        .leftJoin('children', 'children.pupil_id', 'pupils.id')
        .select(['pupils.id', 'schools.child_check', 'schools.grade_min', 'schools.grade_max', 'pupils.name', 'pupils.name_key', 'pupils.grade', 'pupils.class_name', 'children.id as child_id'])
        .where('schools.slug', '=', DEMO_PUPIL.school)
        .where('pupils.number', '=', normalisePupilNumber(DEMO_PUPIL.number))
        .executeTakeFirstOrThrow();
      expect(pupil).toMatchObject({ child_check: 'pupil_list', name: DEMO_PUPIL.name, name_key: nameKey(DEMO_PUPIL.name), grade: DEMO_PUPIL.grade, class_name: DEMO_PUPIL.className, child_id: null });
      expect(DEMO_PUPIL.number).toBe(normalisePupilNumber(DEMO_PUPIL.number));
      // The demo district admin finds it on the school's list, shown as not yet bound.
      const { app } = buildApp(handle, { clock });
      const admin = new Browser(app);
      expect((await admin.post('/login', { login: 'district@clubroll.demo', password: 'clubroll-demo' })).status).toBe(303);
      const school = await handle.db.selectFrom('schools').select('id').where('slug', '=', DEMO_PUPIL.school).executeTakeFirstOrThrow();
      const page = await (await admin.get(`/admin/schools/${school.id}/pupils?q=${DEMO_PUPIL.number}`)).text();
      expect(page).toContain(DEMO_PUPIL.name);
      expect(page).toContain('未绑定');
      expect(page).not.toContain('已被家庭绑定');
      // A new parent adds the published pupil as the README says, and the child is bound to it.
      const parent = new Browser(app);
      expect((await parent.post('/register', { name: '林妈妈', login: 'lin.parent@example.com', password: 'a-real-parent-9' })).status).toBe(303);
      const fields = { name: DEMO_PUPIL.name, school: DEMO_PUPIL.school, grade: String(DEMO_PUPIL.grade), consent: CONSENT_VERSION };
      expect((await parent.post('/children', fields)).status, 'without the pupil number').toBe(422);
      const added = await parent.post('/children', { ...fields, pupil_number: DEMO_PUPIL.number.toLowerCase() });
      expect(added.status).toBe(303);
      const bound = await handle.db.selectFrom('children').select('pupil_id').where('pupil_id', '=', pupil.id).executeTakeFirst();
      expect(bound).toBeDefined();
    });

    it('lets every demo login in with the demo password and shows them on the login page', async () => {
      const { app } = buildApp(handle, { clock });
      for (const login of ['parent@clubroll.demo', 'teacher@clubroll.demo', 'admin@clubroll.demo', 'district@clubroll.demo']) {
        const response = await new Browser(app).post('/login', { login, password: 'clubroll-demo' });
        expect(response.status, login).toBe(303);
      }
      const page = await (await new Browser(app).get('/login')).text();
      expect(page).toContain('admin@clubroll.demo');
      const home = await (await new Browser(app).get('/')).text();
      expect(home).toContain('63 个社团');
    });
  });
}

/** The database's address as DATABASE_URL gives it to a script. */
function databaseUrl(handle: TestDatabase): string {
  return handle.target.dialect === 'sqlite' ? `sqlite:${handle.target.path}` : handle.target.url;
}

for (const dialect of DIALECTS) {
  describe(`npm run seed on ${dialect}`, () => {
    it('refuses a database where a parent registered, with and without --replace, and the parent can still log in', async () => {
      const handle = await createTestDatabase(dialect);
      try {
        const { app } = buildApp(handle);
        const registered = await new Browser(app).post('/register', { name: '王芳', login: '13812345678', password: 'a-real-parent-9' });
        expect(registered.status).toBe(303);

        const seed = await runToEnd('src/seed/cli.ts', { DATABASE_URL: databaseUrl(handle) });
        expect(seed.code).toBe(1);
        expect(seed.stderr.trim().split('\n')).toHaveLength(1);
        expect(seed.stderr).toMatch(/already holds data; the demo seed only fills an empty database/);

        const replace = await runToEnd('src/seed/cli.ts', { DATABASE_URL: databaseUrl(handle) }, 60_000, ['--replace']);
        expect(replace.code).toBe(1);
        expect(replace.stderr).toMatch(/^clubroll: not replaced: .* holds 1 account \(id \d+\) that the demo seed did not create; nothing was deleted\n$/);
        expect(replace.stdout).not.toContain('Deleting');

        expect(await countRows(handle, 'schools')).toBe(0);
        const login = await new Browser(app).post('/login', { login: '13812345678', password: 'a-real-parent-9' });
        expect(login.status).toBe(303);
      } finally {
        await handle.drop();
      }
    }, 120_000);

    it('--replace starts a demo-only database over, says what it deletes first, and refuses once a parent adds a child', async () => {
      const handle = await createTestDatabase(dialect);
      try {
        const env = { DATABASE_URL: databaseUrl(handle) };
        const first = await runToEnd('src/seed/cli.ts', env);
        expect(first.code, first.stderr).toBe(0);
        await handle.db.updateTable('users').set({ name: 'changed by hand' }).where('email', '=', 'parent@clubroll.demo').execute();

        const again = await runToEnd('src/seed/cli.ts', env, 60_000, ['--replace']);
        expect(again.code, again.stderr).toBe(0);
        const lines = again.stdout.split('\n');
        const deleting = lines.findIndex((line) => /^Deleting the demo district in .*: 5 schools, 386 accounts, \d+ children, 273 offerings, \d+ enrollments, \d+ attendance marks \(all created by the demo seed\)$/.test(line));
        expect(deleting, again.stdout).toBeGreaterThanOrEqual(0);
        expect(lines.findIndex((line) => line.startsWith('Seeded '))).toBeGreaterThan(deleting);
        const parent = await handle.db.selectFrom('users').select('name').where('email', '=', 'parent@clubroll.demo').executeTakeFirstOrThrow();
        expect(parent.name).not.toBe('changed by hand');
        expect(await countRows(handle, 'schools')).toBe(5);
        expect(await countRows(handle, 'users')).toBe(386);

        // The demo parent adds a child of their own: that child is real data now.
        const school = await handle.db.selectFrom('schools').select('id').orderBy('id').executeTakeFirstOrThrow();
        const now = new Date().toISOString();
        const child = await handle.db
          .insertInto('children')
          .values({ name: '小明', school_id: school.id, grade: 3, class_name: null, created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        const refused = await runToEnd('src/seed/cli.ts', env, 60_000, ['--replace']);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain(`holds 1 child (id ${child.id}) that the demo seed did not create; nothing was deleted`);
        expect(await handle.db.selectFrom('children').select('id').where('id', '=', child.id).executeTakeFirst()).toEqual({ id: child.id });
      } finally {
        await handle.drop();
      }
    }, 180_000);

    it('--replace never runs with NODE_ENV=production, even on a demo-only database', async () => {
      const handle = await createTestDatabase(dialect);
      try {
        const before = await countRows(handle, 'users');
        const result = await runToEnd('src/seed/cli.ts', { DATABASE_URL: databaseUrl(handle), NODE_ENV: 'production' }, 60_000, ['--replace']);
        expect(result.code).toBe(1);
        expect(result.stderr).toBe('clubroll: not replaced: npm run seed -- --replace never runs with NODE_ENV=production; nothing was deleted\n');
        expect(await countRows(handle, 'users')).toBe(before);
      } finally {
        await handle.drop();
      }
    });
  });
}
