// The demo district: five schools, 63 clubs, 200+ courses, teachers, 300+ families, full courses with waitlists.
// Two schools check children against their pupil lists (a first-come one and the lottery one): every demo child there
// is bound to its pupil, and the lists hold unbound pupils too, among them DEMO_PUPIL for a new parent to bind.
// Deterministic (a seeded generator), dated around the clock's today so the first look is live.
import type { Insertable, Kysely, Transaction } from 'kysely';
import { hashPassword } from '../auth/password.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../auth/auth.service.ts';
import { addDays, dayInZone, isoWeekday } from '../kernel/calendar.ts';
import { meetingsForTerm } from '../catalogue/meetings.policy.ts';
import { type WeeklySlot, slotsOverlap } from '../kernel/slots.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Database, EnrollmentsTable, PupilsTable } from '../db/schema.ts';
import { nameKey } from '../pupils/pupils.policy.ts';
import { bindChildren, insertPupils, markDemoRows } from './demo.repository.ts';
import { CONSENT_VERSION } from '../family/consent.policy.ts';
import {
  CLASS_NAMES,
  CLUB_TEMPLATES,
  COURSE_TEMPLATES,
  DEMO_PUPIL,
  DEMO_SCHOOLS,
  type DemoOfferingTemplate,
  type DemoSchool,
  GIVEN_NAMES,
  ROOMS,
  SURNAMES,
  TEACHER_NAMES,
} from './demo-catalogue.ts';

export const DEMO_CLUBS_PER_SCHOOL = [13, 13, 13, 12, 12] as const; // 63 clubs
export const DEMO_COURSES_PER_SCHOOL = 42; // 210 courses
export const DEMO_PARENTS = 320;
const TEACHERS_PER_SCHOOL = 12;
/** Children enrolled in each of the demo teacher's clubs at least, so every day's roll has someone to mark. */
const DEMO_TEACHER_ROLL = 8;

export interface SeedSummary {
  schools: number;
  clubs: number;
  courses: number;
  teachers: number;
  parents: number;
  children: number;
  enrollments: number;
  meetings: number;
  /** Attendance marks of the meetings already held. */
  marks: number;
  /** Pupils on the pupil-list schools' lists, bound or not. */
  pupils: number;
}

/** mulberry32: a tiny seeded generator, so the demo district is the same on every machine. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const [school, user] = await Promise.all([
    db.selectFrom('schools').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('users').select('id').limit(1).executeTakeFirst(),
  ]);
  return !school && !user;
}

function fits(template: DemoOfferingTemplate, school: DemoSchool): boolean {
  const levelOk = template.level === 'both' || template.level === school.kind;
  return levelOk && template.gradeMax >= school.gradeMin && template.gradeMin <= school.gradeMax;
}

/** Templates for a school, rotated by the school's index so neighbouring schools offer different things. */
function templatesFor(templates: readonly DemoOfferingTemplate[], school: DemoSchool, index: number, count: number) {
  const eligible = templates.filter((template) => fits(template, school));
  const start = (index * 7) % eligible.length;
  return Array.from({ length: count }, (_, i) => ({
    template: eligible[(start + i) % eligible.length]!,
    repeat: Math.floor(i / eligible.length),
  }));
}

const CLUB_TIMES: [string, string][] = [['15:50', '17:20'], ['16:00', '17:30']];
const COURSE_TIMES: [string, string][] = [['16:00', '17:00'], ['17:10', '18:10']];
const WEEKEND_TIMES: [string, string][] = [['09:00', '10:30'], ['10:45', '12:15'], ['14:00', '15:30']];

export async function seedDemoDistrict(db: Kysely<Database>, options: { clock: Clock; timeZone: string }): Promise<SeedSummary> {
  const random = seededRandom(20261128);
  const now = options.clock.now();
  const nowIso = now.toISOString();
  const today = dayInZone(now, options.timeZone);
  // The term began four weeks ago on a Monday and runs eighteen weeks; today is always inside it.
  const firstDay = addDays(today, -(isoWeekday(today) - 1) - 28);
  const lastDay = addDays(firstDay, 18 * 7 - 1);
  // Two holidays that are never today, so the demo teacher always has meetings today.
  const holidays = [addDays(firstDay, 17), addDays(firstDay, 59)].filter((day) => day !== today);
  const termName = schoolTermName(firstDay);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const summary: SeedSummary = { schools: 0, clubs: 0, courses: 0, teachers: 0, parents: 0, children: 0, enrollments: 0, meetings: 0, marks: 0, pupils: 0 };

  await db.transaction().execute(async (trx) => {
    // Everyone the seed creates is marked as the demo's, so `npm run seed -- --replace` can tell demo from real.
    const demoRows = { userIds: [] as number[], childIds: [] as number[] };
    const insertUser = async (user: { name: string; email?: string; phone?: string; role: Database['users']['role']; schoolId: number | null }) => {
      const id = (
        await trx
          .insertInto('users')
          .values({
            name: user.name,
            email: user.email ?? null,
            phone: user.phone ?? null,
            password_hash: passwordHash,
            role: user.role,
            school_id: user.schoolId,
            created_at: nowIso,
            password_changed_at: nowIso,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      demoRows.userIds.push(id);
      return id;
    };

    await insertUser({ name: '区教育局 李敏', email: DEMO_LOGINS[3].login, role: 'district_admin', schoolId: null });

    const schools: { id: number; demo: DemoSchool; termId: number; offerings: SeededOffering[] }[] = [];
    const demoTeacherClubs: SeededOffering[] = [];
    let teacherNameIndex = 0;
    for (const [schoolIndex, demo] of DEMO_SCHOOLS.entries()) {
      const school = await trx
        .insertInto('schools')
        .values({
          slug: demo.slug,
          name_zh: demo.nameZh,
          name_en: demo.nameEn,
          kind: demo.kind,
          grade_min: demo.gradeMin,
          grade_max: demo.gradeMax,
          address_zh: demo.addressZh,
          address_en: demo.addressEn,
          child_check: demo.childCheck,
          created_at: nowIso,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      summary.schools += 1;

      const lottery = schoolIndex === DEMO_SCHOOLS.length - 1;
      const term = await trx
        .insertInto('terms')
        .values({
          school_id: school.id,
          name_zh: termName.zh,
          name_en: termName.en,
          first_day: firstDay,
          last_day: lastDay,
          // First come, first served: open since last week. Lottery: choices open until two weeks from now.
          enrol_opens_at: new Date(now.getTime() - (lottery ? 2 : 7) * 86_400_000).toISOString(),
          enrol_closes_at: new Date(now.getTime() + (lottery ? 14 : 30) * 86_400_000).toISOString(),
          mode: lottery ? 'lottery' : 'first_come',
          course_limit: 3,
          choice_limit: 3,
          created_at: nowIso,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('term_holidays')
        .values(holidays.map((day, i) => ({ term_id: term.id, day, name_zh: i === 0 ? '校运会' : '教研活动日', name_en: i === 0 ? 'Sports day' : 'Staff training day' })))
        .execute();

      if (schoolIndex === 0) await insertUser({ name: '陈校长', email: DEMO_LOGINS[2].login, role: 'school_admin', schoolId: school.id });
      else await insertUser({ name: `${demo.nameZh.slice(0, 2)}管理员`, email: `admin.${demo.slug}@clubroll.demo`, role: 'school_admin', schoolId: school.id });

      const teachers: { id: number; busy: WeeklySlot[] }[] = [];
      for (let i = 0; i < TEACHERS_PER_SCHOOL; i++) {
        const demoTeacher = schoolIndex === 0 && i === 0;
        const name = TEACHER_NAMES[teacherNameIndex++ % TEACHER_NAMES.length]!.nameZh;
        const id = await insertUser({
          name,
          email: demoTeacher ? DEMO_LOGINS[1].login : `teacher${String(teacherNameIndex).padStart(2, '0')}@clubroll.demo`,
          role: 'teacher',
          schoolId: school.id,
        });
        teachers.push({ id, busy: [] });
        summary.teachers += 1;
      }

      const offerings: SeededOffering[] = [];
      const plans = [
        ...templatesFor(CLUB_TEMPLATES, demo, schoolIndex, DEMO_CLUBS_PER_SCHOOL[schoolIndex] ?? 12),
        ...templatesFor(COURSE_TEMPLATES, demo, schoolIndex, DEMO_COURSES_PER_SCHOOL),
      ];
      let clubNumber = 0;
      let courseNumber = 0;
      for (const [planIndex, { template, repeat }] of plans.entries()) {
        const club = template.kind === 'club';
        const code = club ? `CLB-${String(++clubNumber).padStart(2, '0')}` : `CRS-${String(++courseNumber).padStart(3, '0')}`;
        // The demo teacher (first teacher of the first school) has the first four clubs, covering all seven days.
        const teacher =
          schoolIndex === 0 && club && clubNumber <= 4 ? teachers[0]! : teachers[1 + (planIndex % (teachers.length - 1))]!;
        const slots =
          schoolIndex === 0 && club && clubNumber <= 4
            ? DEMO_TEACHER_WEEK[clubNumber - 1]!
            : chooseSlots(random, teacher.busy, club);
        teacher.busy.push(...slots);
        const gradeMin = Math.max(template.gradeMin, demo.gradeMin);
        const gradeMax = Math.min(template.gradeMax, demo.gradeMax);
        const capacity = club ? random.int(4, 8) * 5 : random.int(3, 6) * 5;
        const room = random.pick(ROOMS);
        const suffix = repeat > 0 ? { zh: `（${repeat + 1}班）`, en: ` (group ${repeat + 1})` } : { zh: '', en: '' };
        const status = !club && planIndex % 19 === 7 ? 'draft' : 'published';
        const offering = await trx
          .insertInto('offerings')
          .values({
            term_id: term.id,
            code,
            kind: template.kind,
            category: template.category,
            title_zh: template.titleZh + suffix.zh,
            title_en: template.titleEn + suffix.en,
            description_zh: template.descriptionZh,
            description_en: template.descriptionEn,
            teacher_id: teacher.id,
            room: room.zh,
            capacity,
            grade_min: gradeMin,
            grade_max: gradeMax,
            fee_cents: club ? 0 : random.pick([0, 0, 30000, 45000, 60000, 80000]),
            status,
            created_at: nowIso,
            updated_at: nowIso,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('offering_slots')
          .values(slots.map((slot) => ({ offering_id: offering.id, weekday: slot.weekday, starts_at: slot.startsAt, ends_at: slot.endsAt })))
          .execute();
        const meetings = meetingsForTerm({ firstDay, lastDay, holidays }, slots).map((meeting) => ({
          offering_id: offering.id,
          day: meeting.day,
          starts_at: meeting.startsAt,
          ends_at: meeting.endsAt,
          room: room.zh,
        }));
        for (let i = 0; i < meetings.length; i += 500) await trx.insertInto('meetings').values(meetings.slice(i, i + 500)).execute();
        summary.meetings += meetings.length;
        if (club) summary.clubs += 1;
        else summary.courses += 1;
        if (status === 'published') {
          const seeded = { id: offering.id, capacity, gradeMin, gradeMax, slots, taken: 0, waitlist: 0 };
          offerings.push(seeded);
          if (schoolIndex === 0 && club && clubNumber <= 4) demoTeacherClubs.push(seeded);
        }
      }
      schools.push({ id: school.id, demo, termId: term.id, offerings });
    }

    // Families: 320 parents, 1–3 children each, at schools that fit the child's age.
    const children: SeededChild[] = [];
    const parentIds: number[] = [];
    const childCounts = new Map<number, number>();
    for (let p = 0; p < DEMO_PARENTS; p++) {
      const surname = random.pick(SURNAMES);
      const demoParent = p === 0;
      const parentId = await insertUser({
        name: `${surname}${random.pick(GIVEN_NAMES)}`,
        ...(demoParent
          ? { email: DEMO_LOGINS[0].login }
          : p % 3 === 0
            ? { email: `parent${String(p).padStart(3, '0')}@clubroll.demo` }
            : { phone: `139${String(10_000_000 + p * 7919).slice(-8)}` }),
        role: 'parent',
        schoolId: null,
      });
      summary.parents += 1;
      parentIds.push(parentId);
      const childCount = demoParent ? 2 : random.pick([1, 1, 1, 2, 2, 3]);
      childCounts.set(parentId, (childCounts.get(parentId) ?? 0) + childCount);
      for (let k = 0; k < childCount; k++) {
        const schoolIndex = demoParent ? 0 : random.int(0, schools.length - 1);
        const school = schools[schoolIndex]!.demo;
        const grade = demoParent ? [3, 5][k]! : random.int(school.gradeMin, school.gradeMax);
        const name = `${surname}${random.pick(GIVEN_NAMES)}`;
        const className = random.pick(CLASS_NAMES);
        const child = await trx
          .insertInto('children')
          .values({
            name,
            school_id: schools[schoolIndex]!.id,
            grade,
            class_name: className,
            created_at: nowIso,
            updated_at: nowIso,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx.insertInto('guardianships').values({ user_id: parentId, child_id: child.id, created_at: nowIso }).execute();
        // Seeded guardians consented to the current privacy text when their children were added.
        await trx.insertInto('child_consents').values({ child_id: child.id, user_id: parentId, version: CONSENT_VERSION, given_at: nowIso }).execute();
        // The demo parent's first child: a grandmother who collects it and an allergy the teacher should know.
        if (demoParent && k === 0) {
          await trx.insertInto('child_collectors').values({ child_id: child.id, name: '王桂兰', relation: '奶奶', phone: '139 0000 0001', added_by: parentId, created_at: nowIso }).execute();
          await trx.insertInto('child_care_notes').values({ child_id: child.id, note: '对花生过敏，误食请立即联系家长。', updated_by: parentId, updated_at: nowIso }).execute();
        }
        // Every tenth child also has a second guardian: the previous parent, while they have fewer than three.
        const previous = p > 1 ? parentIds[p - 1]! : undefined;
        if (children.length % 10 === 9 && previous && (childCounts.get(previous) ?? 0) < 3) {
          await trx.insertInto('guardianships').values({ user_id: previous, child_id: child.id, created_at: nowIso }).execute();
          await trx.insertInto('child_consents').values({ child_id: child.id, user_id: previous, version: CONSENT_VERSION, given_at: nowIso }).execute();
          childCounts.set(previous, (childCounts.get(previous) ?? 0) + 1);
        }
        children.push({ id: child.id, schoolIndex, name, grade, className, enrolled: 0, busy: [] });
        demoRows.childIds.push(child.id);
        summary.children += 1;
      }
    }

    // Before any enrolment or lottery choice: a pupil-list school's children are verified (bound) first.
    summary.pupils = await seedPupilLists(trx, schools, children, nowIso);

    // Enrollments in the first-come schools: a few hot courses fill up and grow a waitlist; the rest fill partly.
    const enrollments: Insertable<EnrollmentsTable>[] = [];
    const enroll = (offering: SeededOffering, child: (typeof children)[number]) => {
      const full = offering.taken >= offering.capacity;
      if (!full) {
        if (child.enrolled >= 3 || child.busy.some((busy) => offering.slots.some((slot) => slotsOverlap(busy, slot)))) return false;
        offering.taken += 1;
        child.enrolled += 1;
        child.busy.push(...offering.slots);
      } else offering.waitlist += 1;
      enrollments.push({
        offering_id: offering.id,
        child_id: child.id,
        status: full ? 'waitlisted' : 'enrolled',
        waitlist_position: full ? offering.waitlist : null,
        created_at: nowIso,
        updated_at: nowIso,
      });
      return true;
    };
    for (const [schoolIndex, school] of schools.entries()) {
      if (school.demo === DEMO_SCHOOLS[DEMO_SCHOOLS.length - 1]) {
        // The lottery school has not drawn yet: two in three of its pupils have ranked one to three choices.
        const entries: { term_id: number; child_id: number; entry_number: number; created_at: string }[] = [];
        for (const child of children.filter((one) => one.schoolIndex === schoolIndex)) {
          if (random.next() > 2 / 3) continue;
          const eligible = school.offerings.filter((offering) => child.grade >= offering.gradeMin && child.grade <= offering.gradeMax);
          const wanted = Math.min(eligible.length, random.int(1, 3));
          const chosen = new Set<SeededOffering>();
          while (chosen.size < wanted) chosen.add(random.pick(eligible));
          if (chosen.size === 0) continue;
          entries.push({ term_id: school.termId, child_id: child.id, entry_number: entries.length + 1, created_at: nowIso });
          for (const [rank, offering] of [...chosen].entries()) {
            enrollments.push({ offering_id: offering.id, child_id: child.id, status: 'requested', waitlist_position: null, choice_rank: rank + 1, created_at: nowIso, updated_at: nowIso });
          }
        }
        if (entries.length > 0) await trx.insertInto('lottery_entries').values(entries).execute();
        continue;
      }
      const pupils = children.filter((child) => child.schoolIndex === schoolIndex);
      const hot = school.offerings.filter((offering) => offering.capacity <= 20).slice(0, 3);
      for (const offering of hot) {
        const eligible = pupils.filter((child) => child.grade >= offering.gradeMin && child.grade <= offering.gradeMax);
        const target = offering.capacity + random.int(3, 8);
        for (const child of eligible) {
          if (offering.taken + offering.waitlist >= target) break;
          enroll(offering, child);
        }
      }
      for (const child of pupils) {
        const wanted = random.int(0, 2);
        for (let attempt = 0; attempt < 6 && child.enrolled < wanted; attempt++) {
          const offering = random.pick(school.offerings);
          if (child.grade < offering.gradeMin || child.grade > offering.gradeMax) continue;
          if (offering.taken >= offering.capacity * 0.8) continue;
          if (enrollments.some((row) => row.offering_id === offering.id && row.child_id === child.id)) continue;
          enroll(offering, child);
        }
      }
    }
    // Each of the demo teacher's clubs has a real roll, whichever day of the week the demo is opened on.
    for (const club of demoTeacherClubs) {
      for (const child of children) {
        if (club.taken >= DEMO_TEACHER_ROLL) break;
        if (child.schoolIndex !== 0 || child.grade < club.gradeMin || child.grade > club.gradeMax) continue;
        if (enrollments.some((row) => row.offering_id === club.id && row.child_id === child.id)) continue;
        enroll(club, child);
      }
    }
    // The demo parent's elder child is in one of the demo teacher's clubs (so that roster has a familiar face).
    const demoChild = children[1];
    const demoTeacherClub = schools[0]!.offerings[0];
    if (demoChild && demoTeacherClub && !enrollments.some((row) => row.offering_id === demoTeacherClub.id && row.child_id === demoChild.id)) {
      enroll(demoTeacherClub, demoChild);
    }
    for (let i = 0; i < enrollments.length; i += 500) await trx.insertInto('enrollments').values(enrollments.slice(i, i + 500)).execute();
    summary.enrollments = enrollments.length;
    for (const school of schools) {
      for (const offering of school.offerings) {
        if (offering.taken > 0) await trx.updateTable('offerings').set({ seats_taken: offering.taken }).where('id', '=', offering.id).execute();
      }
    }
    summary.marks = await markHeldMeetings(trx, random, today, nowIso);
    await markDemoRows(trx, demoRows);
  });
  return summary;
}

interface SeededChild {
  id: number;
  schoolIndex: number;
  name: string;
  grade: number;
  className: string;
  enrolled: number;
  busy: WeeklySlot[];
}

/**
 * The lists of the schools that check children against them: each of the school's demo children bound to a pupil of
 * the same name, grade and class, and half as many again whom no family has bound (DEMO_PUPIL first, number 00001), as
 * a register has pupils who never sign up for anything. Numbers in grade and class order. Its own seeded generator,
 * so the rest of the district stays what it was. How many pupils were listed.
 */
async function seedPupilLists(trx: Transaction<Database>, schools: readonly { id: number; demo: DemoSchool }[], children: readonly SeededChild[], at: string): Promise<number> {
  const random = seededRandom(20261204);
  const listed: Insertable<PupilsTable>[] = [];
  const toBind = new Map<string, number>();
  for (const [schoolIndex, { id, demo }] of schools.entries()) {
    if (demo.childCheck !== 'pupil_list') continue;
    const own = children.filter((child) => child.schoolIndex === schoolIndex);
    const published = demo.slug === DEMO_PUPIL.school ? [{ name: DEMO_PUPIL.name, grade: DEMO_PUPIL.grade, className: DEMO_PUPIL.className, childId: null }] : [];
    const unbound = Array.from({ length: Math.ceil(own.length / 2) - published.length }, () => ({
      name: `${random.pick(SURNAMES)}${random.pick(GIVEN_NAMES)}`,
      grade: random.int(demo.gradeMin, demo.gradeMax),
      className: random.pick(CLASS_NAMES),
      childId: null,
    }));
    const register = [...own.map((child) => ({ name: child.name, grade: child.grade, className: child.className, childId: child.id as number | null })), ...unbound].sort(
      (a, b) => a.grade - b.grade || CLASS_NAMES.indexOf(a.className) - CLASS_NAMES.indexOf(b.className),
    );
    for (const [index, pupil] of [...published, ...register].entries()) {
      const number = `${demo.pupilPrefix}${String(index + 1).padStart(5, '0')}`;
      listed.push({ school_id: id, number, name: pupil.name, name_key: nameKey(pupil.name), grade: pupil.grade, class_name: pupil.className, created_at: at, updated_at: at });
      if (pupil.childId !== null) toBind.set(`${id}:${number}`, pupil.childId);
    }
  }
  const inserted = await insertPupils(trx, listed);
  await bindChildren(
    trx,
    inserted.flatMap((pupil) => {
      const childId = toBind.get(`${pupil.school_id}:${pupil.number}`);
      return childId === undefined ? [] : [{ childId, pupilId: pupil.id }];
    }),
  );
  return inserted.length;
}

/**
 * The roll of every meeting held before today, as teachers would have taken it: mostly present, a few late,
 * absent or excused (so the attendance report and the children's records have something real to show).
 */
async function markHeldMeetings(trx: Kysely<Database>, random: ReturnType<typeof seededRandom>, today: string, at: string): Promise<number> {
  const held = await trx
    .selectFrom('meetings')
    .innerJoin('enrollments', (join) => join.onRef('enrollments.offering_id', '=', 'meetings.offering_id').on('enrollments.status', '=', 'enrolled'))
    .innerJoin('offerings', 'offerings.id', 'meetings.offering_id')
    .select(['meetings.id as meeting_id', 'enrollments.child_id', 'offerings.teacher_id'])
    .where('meetings.day', '<', today)
    .where('meetings.status', '=', 'scheduled')
    .orderBy('meetings.id')
    .orderBy('enrollments.child_id')
    .execute();
  const marks = held.map((row) => {
    const roll = random.next();
    const mark = roll < 0.88 ? 'present' : roll < 0.93 ? 'late' : roll < 0.97 ? 'absent' : 'excused';
    return { meeting_id: row.meeting_id, child_id: row.child_id, mark, note: null, marked_by: row.teacher_id, marked_at: at, alert_state: mark === 'absent' ? 'absent' : null } as const;
  });
  for (let i = 0; i < marks.length; i += 500) await trx.insertInto('attendance_marks').values(marks.slice(i, i + 500)).execute();
  return marks.length;
}

interface SeededOffering {
  id: number;
  capacity: number;
  gradeMin: number;
  gradeMax: number;
  slots: WeeklySlot[];
  taken: number;
  waitlist: number;
}

/** The demo teacher's four clubs: Mon+Wed, Tue+Thu, Fri+Sat, Sun — a meeting every day of the week. */
const DEMO_TEACHER_WEEK: WeeklySlot[][] = [
  [
    { weekday: 1, startsAt: '16:00', endsAt: '17:30' },
    { weekday: 3, startsAt: '16:00', endsAt: '17:30' },
  ],
  [
    { weekday: 2, startsAt: '16:00', endsAt: '17:30' },
    { weekday: 4, startsAt: '16:00', endsAt: '17:30' },
  ],
  [
    { weekday: 5, startsAt: '15:50', endsAt: '17:20' },
    { weekday: 6, startsAt: '09:00', endsAt: '10:30' },
  ],
  [{ weekday: 7, startsAt: '14:00', endsAt: '15:30' }],
];

/** Clubs meet twice a week after school, courses once (sometimes on Saturday); never over the teacher's other slots. */
function chooseSlots(random: ReturnType<typeof seededRandom>, busy: WeeklySlot[], club: boolean): WeeklySlot[] {
  for (let attempt = 0; attempt < 50; attempt++) {
    const candidates: WeeklySlot[] = [];
    if (!club && random.next() < 0.2) {
      const [startsAt, endsAt] = random.pick(WEEKEND_TIMES);
      candidates.push({ weekday: 6, startsAt, endsAt });
    } else {
      const [startsAt, endsAt] = random.pick(club ? CLUB_TIMES : COURSE_TIMES);
      const first = random.int(1, club ? 3 : 5);
      candidates.push({ weekday: first, startsAt, endsAt });
      if (club) candidates.push({ weekday: first + 2, startsAt, endsAt });
    }
    if (!candidates.some((slot) => busy.some((other) => slotsOverlap(slot, other)))) return candidates;
  }
  // A teacher with a full week gets a Sunday slot rather than a clash.
  const [startsAt, endsAt] = random.pick(WEEKEND_TIMES);
  return [{ weekday: 7, startsAt, endsAt }];
}

/** Chinese school years start in September: 2026—2027 学年第一学期 runs from autumn to winter. */
function schoolTermName(firstDay: string): { zh: string; en: string } {
  const year = Number(firstDay.slice(0, 4));
  const month = Number(firstDay.slice(5, 7));
  const startYear = month >= 8 ? year : year - 1;
  const autumn = month >= 8 || month === 1;
  const years = `${startYear}—${startYear + 1}`;
  return autumn
    ? { zh: `${years} 学年第一学期`, en: `Autumn term ${startYear}–${String(startYear + 1).slice(2)}` }
    : { zh: `${years} 学年第二学期`, en: `Spring term ${startYear}–${String(startYear + 1).slice(2)}` };
}
