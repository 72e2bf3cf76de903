// The app's routes with who may use each and a path on parent A's / teacher X's / school S's things, and the
// small world those ids come from: shared by the authorization matrix and the input fuzzer.
import { createHash } from 'node:crypto';
import { fixedClock } from '../../src/kernel/clock.ts';
import { Browser, buildApp, createSchool, createUser, signIn } from './app.ts';
import { createOffering, createTerm } from './catalogue-fixtures.ts';
import type { TestDatabase } from './database.ts';

export type Actor = 'anonymous' | 'parentA' | 'parentB' | 'teacherX' | 'teacherY' | 'adminS' | 'adminT' | 'district';
export const ACTORS: Actor[] = ['anonymous', 'parentA', 'parentB', 'teacherX', 'teacherY', 'adminS', 'adminT', 'district'];

/** A one-pupil import for school S, with the plan its preview gives (the commit the matrix tries). */
const PUPIL_CSV = 'name,number,grade,class\n王小明,G4401,3,2班\n';
const PUPIL_PLAN = createHash('sha256').update('G4401:-:add').digest('base64url');

/** Who may use a route on parent A's / teacher X's / school S's things. Everyone else is refused. */
export const RULES = {
  everyone: ACTORS,
  signedIn: ACTORS.filter((actor) => actor !== 'anonymous'),
  parents: ['parentA', 'parentB'],
  parentA: ['parentA'],
  staff: ['teacherX', 'teacherY', 'adminS', 'adminT', 'district'],
  teachers: ['teacherX', 'teacherY'],
  teacherXOrAdminS: ['teacherX', 'adminS', 'district'],
  admins: ['adminS', 'adminT', 'district'],
  adminS: ['adminS', 'district'],
  district: ['district'],
} satisfies Record<string, Actor[]>;

export interface Ids {
  school: string;
  offering: number;
  meeting: number;
  term: number;
  child: number;
  enrollment: number;
  guardian: number;
  schoolId: number;
  /** A teacher of school S whom no browser here uses, signed in elsewhere: whose sessions an admin may end. */
  staffMember: number;
  /** Parent B's pending request to delete their child (of school S). */
  deletionRequest: number;
  /** A pupil on school S's list. */
  pupil: number;
  /** Someone parent A allows to collect the child (接送人). */
  collector: number;
  /** Parent A's report that the child misses today's meeting (请假). */
  absence: number;
}

/** Every route of the app: who may use it, and the path to try with ids that are parent A's, teacher X's, school S's. */
export const MATRIX: Record<string, { allowed: keyof typeof RULES; path: (ids: Ids) => string; fields?: (ids: Ids) => Record<string, string> }> = {
  'GET /static/htmx.min.js': { allowed: 'everyone', path: () => '/static/htmx.min.js' },
  'GET /healthz': { allowed: 'everyone', path: () => '/healthz' },
  'GET /': { allowed: 'everyone', path: () => '/' },
  'GET /s/:school': { allowed: 'everyone', path: (ids) => `/s/${ids.school}` },
  'GET /s/:school/catalogue.json': { allowed: 'everyone', path: (ids) => `/s/${ids.school}/catalogue.json` },
  'GET /s/:school/catalogue.csv': { allowed: 'everyone', path: (ids) => `/s/${ids.school}/catalogue.csv` },
  'GET /offerings/:id': { allowed: 'everyone', path: (ids) => `/offerings/${ids.offering}` },
  'GET /offerings/:id/seats': { allowed: 'everyone', path: (ids) => `/offerings/${ids.offering}/seats` },
  'GET /s/:school/lottery': { allowed: 'everyone', path: (ids) => `/s/${ids.school}/lottery` },
  'GET /s/:school/lottery/export.json': { allowed: 'district', path: (ids) => `/s/${ids.school}/lottery/export.json` }, // no lottery: 404 for all
  'GET /register': { allowed: 'everyone', path: () => '/register' },
  'POST /register': { allowed: 'everyone', path: () => '/register' },
  'GET /login': { allowed: 'everyone', path: () => '/login' },
  'POST /login': { allowed: 'everyone', path: () => '/login' },
  'POST /logout': { allowed: 'everyone', path: () => '/logout' },
  'GET /account': { allowed: 'signedIn', path: () => '/account' },
  'POST /account/password': { allowed: 'signedIn', path: () => '/account/password' },
  'POST /account/language': { allowed: 'signedIn', path: () => '/account/language', fields: () => ({ lang: 'en' }) },
  'POST /account/sessions/end-others': { allowed: 'signedIn', path: () => '/account/sessions/end-others' },
  'GET /notifications': { allowed: 'signedIn', path: () => '/notifications' },
  'POST /notifications/read': { allowed: 'signedIn', path: () => '/notifications/read' },
  'POST /offerings/:id/enrollments': { allowed: 'parentA', path: (ids) => `/offerings/${ids.offering}/enrollments`, fields: (ids) => ({ child: String(ids.child) }) },
  'POST /enrollments/:id/withdraw': { allowed: 'parentA', path: (ids) => `/enrollments/${ids.enrollment}/withdraw` },
  'GET /family': { allowed: 'parents', path: () => '/family' },
  'POST /children': { allowed: 'parents', path: () => '/children' },
  'GET /children/pupil-field': { allowed: 'parents', path: (ids) => `/children/pupil-field?school=${ids.schoolId}` },
  'POST /family/join': { allowed: 'parents', path: () => '/family/join' },
  'GET /children/:id': { allowed: 'parentA', path: (ids) => `/children/${ids.child}` },
  'POST /children/:id': { allowed: 'parentA', path: (ids) => `/children/${ids.child}` },
  'POST /children/:id/invites': { allowed: 'parentA', path: (ids) => `/children/${ids.child}/invites` },
  'POST /children/:id/guardians/:userId/remove': { allowed: 'parentA', path: (ids) => `/children/${ids.child}/guardians/${ids.guardian}/remove` },
  'POST /children/:id/calendar-feed': { allowed: 'parentA', path: (ids) => `/children/${ids.child}/calendar-feed` },
  'POST /children/:id/calendar-feed/revoke': { allowed: 'parentA', path: (ids) => `/children/${ids.child}/calendar-feed/revoke` },
  'GET /children/:id/calendar.ics': { allowed: 'parentA', path: (ids) => `/children/${ids.child}/calendar.ics` },
  'GET /children/:id/export.json': { allowed: 'parentA', path: (ids) => `/children/${ids.child}/export.json` },
  'POST /children/:id/deletion-request': { allowed: 'parentA', path: (ids) => `/children/${ids.child}/deletion-request` },
  'POST /children/:id/collectors': { allowed: 'parentA', path: (ids) => `/children/${ids.child}/collectors`, fields: () => ({ name: '王秀英', relation: '奶奶', phone: '13800138000' }) },
  'POST /children/:id/collectors/:collectorId/remove': { allowed: 'parentA', path: (ids) => `/children/${ids.child}/collectors/${ids.collector}/remove` },
  'POST /children/:id/emergency-note': { allowed: 'parentA', path: (ids) => `/children/${ids.child}/emergency-note`, fields: () => ({ note: '对花生过敏' }) },
  'POST /children/:id/absences': { allowed: 'parentA', path: (ids) => `/children/${ids.child}/absences`, fields: (ids) => ({ meeting: String(ids.meeting), reason: '看病' }) },
  'POST /children/:id/absences/:absenceId/withdraw': { allowed: 'parentA', path: (ids) => `/children/${ids.child}/absences/${ids.absence}/withdraw` },
  'GET /privacy': { allowed: 'everyone', path: () => '/privacy' },
  'GET /admin/deletions': { allowed: 'admins', path: () => '/admin/deletions' },
  'POST /admin/deletions/:id': { allowed: 'adminS', path: (ids) => `/admin/deletions/${ids.deletionRequest}` },
  'GET /children/:id/choices': { allowed: 'parentA', path: (ids) => `/children/${ids.child}/choices` },
  'POST /choices/:id/up': { allowed: 'district', path: (ids) => `/choices/${ids.enrollment}/up` }, // not a choice: 404 for all
  'POST /choices/:id/down': { allowed: 'district', path: (ids) => `/choices/${ids.enrollment}/down` },
  'POST /choices/:id/remove': { allowed: 'district', path: (ids) => `/choices/${ids.enrollment}/remove` },
  'GET /offerings/:id/roster': { allowed: 'teacherXOrAdminS', path: (ids) => `/offerings/${ids.offering}/roster` },
  'GET /offerings/:id/roster.csv': { allowed: 'teacherXOrAdminS', path: (ids) => `/offerings/${ids.offering}/roster.csv` },
  'GET /offerings/:id/roster/children': { allowed: 'adminS', path: (ids) => `/offerings/${ids.offering}/roster/children?q=x` },
  'POST /offerings/:id/roster/add': { allowed: 'adminS', path: (ids) => `/offerings/${ids.offering}/roster/add` },
  'POST /enrollments/:id/remove': { allowed: 'adminS', path: (ids) => `/enrollments/${ids.enrollment}/remove` },
  'GET /enrollments/:id/move': { allowed: 'adminS', path: (ids) => `/enrollments/${ids.enrollment}/move` },
  'POST /enrollments/:id/move': { allowed: 'adminS', path: (ids) => `/enrollments/${ids.enrollment}/move` },
  'GET /teach': { allowed: 'staff', path: () => '/teach' },
  'GET /teach/offerings': { allowed: 'teachers', path: () => '/teach/offerings' },
  'GET /teach/meetings/:id': { allowed: 'teacherXOrAdminS', path: (ids) => `/teach/meetings/${ids.meeting}` },
  'POST /teach/meetings/:id/marks': { allowed: 'teacherXOrAdminS', path: (ids) => `/teach/meetings/${ids.meeting}/marks`, fields: (ids) => ({ child: String(ids.child), mark: 'present' }) },
  'POST /teach/meetings/:id/rest-present': { allowed: 'teacherXOrAdminS', path: (ids) => `/teach/meetings/${ids.meeting}/rest-present` },
  'POST /offerings/:id/announcements': { allowed: 'teacherXOrAdminS', path: (ids) => `/offerings/${ids.offering}/announcements`, fields: () => ({ text: '周五请带护目镜。' }) },
  'POST /teach/meetings/:id/children/:childId/message': { allowed: 'teacherXOrAdminS', path: (ids) => `/teach/meetings/${ids.meeting}/children/${ids.child}/message`, fields: () => ({ text: '今天表现很好。' }) },
  'POST /teach/meetings/:id/unlock': { allowed: 'adminS', path: (ids) => `/teach/meetings/${ids.meeting}/unlock` },
  'GET /teach/meetings/:id/sheet': { allowed: 'teacherXOrAdminS', path: (ids) => `/teach/meetings/${ids.meeting}/sheet` },
  'GET /teach/offerings/:id/sheet': { allowed: 'teacherXOrAdminS', path: (ids) => `/teach/offerings/${ids.offering}/sheet` },
  'GET /admin': { allowed: 'admins', path: () => '/admin' },
  'GET /admin/district': { allowed: 'district', path: () => '/admin/district' },
  'GET /admin/district.json': { allowed: 'district', path: () => '/admin/district.json' },
  'GET /admin/district.csv': { allowed: 'district', path: () => '/admin/district.csv?table=unmet' },
  'GET /admin/staff': { allowed: 'admins', path: () => '/admin/staff' },
  'POST /admin/staff': { allowed: 'admins', path: () => '/admin/staff' },
  'GET /admin/users/:id/sessions': { allowed: 'adminS', path: (ids) => `/admin/users/${ids.staffMember}/sessions` },
  'POST /admin/users/:id/sessions/end': { allowed: 'adminS', path: (ids) => `/admin/users/${ids.staffMember}/sessions/end`, fields: () => ({ confirm: 'yes' }) },
  'GET /admin/audit': { allowed: 'admins', path: () => '/admin/audit' },
  'GET /admin/catalogue-template.csv': { allowed: 'admins', path: () => '/admin/catalogue-template.csv' },
  'GET /admin/schools/:schoolId': { allowed: 'adminS', path: (ids) => `/admin/schools/${ids.schoolId}` },
  'POST /admin/schools/:schoolId/terms': { allowed: 'adminS', path: (ids) => `/admin/schools/${ids.schoolId}/terms` },
  'GET /admin/schools/:schoolId/pupils': { allowed: 'adminS', path: (ids) => `/admin/schools/${ids.schoolId}/pupils` },
  'POST /admin/schools/:schoolId/pupils': { allowed: 'adminS', path: (ids) => `/admin/schools/${ids.schoolId}/pupils` },
  'GET /admin/schools/:schoolId/pupils.csv': { allowed: 'adminS', path: (ids) => `/admin/schools/${ids.schoolId}/pupils.csv` },
  'POST /admin/schools/:schoolId/pupils/promote': { allowed: 'adminS', path: (ids) => `/admin/schools/${ids.schoolId}/pupils/promote` },
  'GET /admin/schools/:schoolId/pupils/:id{[0-9]+}': { allowed: 'adminS', path: (ids) => `/admin/schools/${ids.schoolId}/pupils/${ids.pupil}` },
  'POST /admin/schools/:schoolId/pupils/:id{[0-9]+}': { allowed: 'adminS', path: (ids) => `/admin/schools/${ids.schoolId}/pupils/${ids.pupil}` },
  'POST /admin/schools/:schoolId/pupils/:id{[0-9]+}/delete': { allowed: 'adminS', path: (ids) => `/admin/schools/${ids.schoolId}/pupils/${ids.pupil}/delete` },
  'GET /admin/schools/:schoolId/child-check': { allowed: 'adminS', path: (ids) => `/admin/schools/${ids.schoolId}/child-check?child_check=pupil_list` },
  // Without confirm=yes: the page saying what the switch would do (the allowed change nothing either).
  'POST /admin/schools/:schoolId/child-check': { allowed: 'adminS', path: (ids) => `/admin/schools/${ids.schoolId}/child-check`, fields: () => ({ child_check: 'pupil_list' }) },
  'GET /admin/schools/:schoolId/pupils/unmatched': { allowed: 'adminS', path: (ids) => `/admin/schools/${ids.schoolId}/pupils/unmatched` },
  // Parent A's child is already matched to pupil M001: the allowed are told so (422), nothing changes.
  'POST /admin/schools/:schoolId/children/:childId/pupil': { allowed: 'adminS', path: (ids) => `/admin/schools/${ids.schoolId}/children/${ids.child}/pupil`, fields: () => ({ number: 'M001' }) },
  'POST /admin/schools/:schoolId/children/:childId/pupil/unbind': { allowed: 'adminS', path: (ids) => `/admin/schools/${ids.schoolId}/children/${ids.child}/pupil/unbind` },
  'GET /admin/terms/:termId': { allowed: 'adminS', path: (ids) => `/admin/terms/${ids.term}` },
  'POST /admin/terms/:termId': { allowed: 'adminS', path: (ids) => `/admin/terms/${ids.term}` },
  'GET /admin/terms/:termId/offerings/new': { allowed: 'adminS', path: (ids) => `/admin/terms/${ids.term}/offerings/new` },
  'POST /admin/terms/:termId/offerings/validate': { allowed: 'adminS', path: (ids) => `/admin/terms/${ids.term}/offerings/validate` },
  'POST /admin/terms/:termId/offerings': { allowed: 'adminS', path: (ids) => `/admin/terms/${ids.term}/offerings` },
  'GET /admin/terms/:termId/attendance': { allowed: 'adminS', path: (ids) => `/admin/terms/${ids.term}/attendance` },
  'GET /admin/terms/:termId/attendance.csv': { allowed: 'adminS', path: (ids) => `/admin/terms/${ids.term}/attendance.csv` },
  'GET /admin/terms/:termId/catalogue.csv': { allowed: 'adminS', path: (ids) => `/admin/terms/${ids.term}/catalogue.csv` },
  'GET /admin/terms/:termId/import': { allowed: 'adminS', path: (ids) => `/admin/terms/${ids.term}/import` },
  'POST /admin/terms/:termId/import': { allowed: 'adminS', path: (ids) => `/admin/terms/${ids.term}/import` },
  'GET /admin/pupils-template.csv': { allowed: 'admins', path: () => '/admin/pupils-template.csv' },
  'GET /admin/schools/:schoolId/pupils/import': { allowed: 'adminS', path: (ids) => `/admin/schools/${ids.schoolId}/pupils/import` },
  'POST /admin/schools/:schoolId/pupils/import': { allowed: 'adminS', path: (ids) => `/admin/schools/${ids.schoolId}/pupils/import`, fields: () => ({ step: 'commit', csv: PUPIL_CSV, plan: PUPIL_PLAN }) },
  'POST /admin/terms/:termId/lottery/draw': { allowed: 'district', path: (ids) => `/admin/terms/${ids.term}/lottery/draw` }, // not a lottery term: refused for all
  'GET /admin/offerings/:id': { allowed: 'adminS', path: (ids) => `/admin/offerings/${ids.offering}` },
  'POST /admin/offerings/:id/validate': { allowed: 'adminS', path: (ids) => `/admin/offerings/${ids.offering}/validate` },
  'POST /admin/offerings/:id': { allowed: 'adminS', path: (ids) => `/admin/offerings/${ids.offering}` },
  'POST /admin/offerings/:id/status': { allowed: 'adminS', path: (ids) => `/admin/offerings/${ids.offering}/status` },
  'POST /admin/offerings/:id/duplicate': { allowed: 'adminS', path: (ids) => `/admin/offerings/${ids.offering}/duplicate`, fields: (ids) => ({ term: String(ids.term) }) },
  'POST /admin/meetings/:id/cancel': { allowed: 'adminS', path: (ids) => `/admin/meetings/${ids.meeting}/cancel` },
  'POST /admin/meetings/:id/move': { allowed: 'adminS', path: (ids) => `/admin/meetings/${ids.meeting}/move` },
  'POST /admin/meetings/:id/reinstate': { allowed: 'adminS', path: (ids) => `/admin/meetings/${ids.meeting}/reinstate` },
  'GET /admin/district/teacher-hours': { allowed: 'district', path: () => '/admin/district/teacher-hours?month=2026-11' },
  'GET /admin/district/teacher-hours.csv': { allowed: 'district', path: () => '/admin/district/teacher-hours.csv?month=2026-11' },
  'GET /admin/schools/:schoolId/teacher-hours': { allowed: 'adminS', path: (ids) => `/admin/schools/${ids.schoolId}/teacher-hours?month=2026-11` },
  'GET /admin/schools/:schoolId/teacher-hours.csv': { allowed: 'adminS', path: (ids) => `/admin/schools/${ids.schoolId}/teacher-hours.csv?month=2026-11` },
};

/** Routes whose refusal is 404 for everybody on these ids (nothing to act on), listed so the test says so. */
export const NOTHING_TO_ACT_ON = new Set(['GET /s/:school/lottery/export.json', 'POST /choices/:id/up', 'POST /choices/:id/down', 'POST /choices/:id/remove', 'POST /admin/terms/:termId/lottery/draw']);


/** Schools S and T, teachers X and Y of S, parents A and B with a child each, A's child enrolled in X's offering
 * (which meets today), and a signed-in browser for each kind of user. */
export async function matrixWorld(handle: TestDatabase, overrides: Parameters<typeof buildApp>[1] = {}) {
  const { app, errors } = buildApp(handle, { clock: fixedClock('2026-11-27T08:00:00Z'), ...overrides }); // a Friday
  const browsers = new Map<Actor, Browser>();
  const schoolS = await createSchool(handle, 'matrix-s');
  const schoolT = await createSchool(handle, 'matrix-t');
  const termS = await createTerm(handle, schoolS);
  await createTerm(handle, schoolT);
  const teacherX = await createUser(handle, { login: 'tx@example.com', role: 'teacher', schoolId: schoolS });
  const teacherY = await createUser(handle, { login: 'ty@example.com', role: 'teacher', schoolId: schoolS });
  const offering = await createOffering(handle, termS, { code: 'MX', title_zh: '矩阵课', teacher_id: teacherX }, [{ weekday: 5, startsAt: '16:00', endsAt: '17:00' }]);
  await createOffering(handle, termS, { code: 'MY', title_zh: '另一门', teacher_id: teacherY }, [{ weekday: 4, startsAt: '16:00', endsAt: '17:00' }]);
  const meeting = (await handle.db.selectFrom('meetings').select('id').where('offering_id', '=', offering).where('day', '=', '2026-11-27').executeTakeFirstOrThrow()).id;
  const users: Record<Exclude<Actor, 'anonymous'>, number> = {
    parentA: await createUser(handle, { login: 'pa@example.com' }),
    parentB: await createUser(handle, { login: 'pb@example.com' }),
    teacherX,
    teacherY,
    adminS: await createUser(handle, { login: 'as@example.com', role: 'school_admin', schoolId: schoolS }),
    adminT: await createUser(handle, { login: 'at@example.com', role: 'school_admin', schoolId: schoolT }),
    district: await createUser(handle, { login: 'dd@example.com', role: 'district_admin' }),
  };
  const now = new Date().toISOString();
  const child = (await handle.db.insertInto('children').values({ name: '甲', school_id: schoolS, grade: 3, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
  await handle.db.insertInto('guardianships').values({ user_id: users.parentA, child_id: child, created_at: now }).execute();
  const other = (await handle.db.insertInto('children').values({ name: '乙', school_id: schoolS, grade: 3, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
  await handle.db.insertInto('guardianships').values({ user_id: users.parentB, child_id: other, created_at: now }).execute();
  const enrollment = (await handle.db.insertInto('enrollments').values({ offering_id: offering, child_id: child, status: 'enrolled', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
  await handle.db.updateTable('offerings').set({ seats_taken: 1 }).where('id', '=', offering).execute();
  const staffMember = await createUser(handle, { login: 'tz@example.com', role: 'teacher', schoolId: schoolS });
  await signIn(handle, new Browser(app), staffMember);
  const deletionRequest = (await handle.db.insertInto('deletion_requests').values({ child_id: other, school_id: schoolS, requested_by: users.parentB, reason: null, requested_at: now }).returning('id').executeTakeFirstOrThrow()).id;
  const pupil = (await handle.db.insertInto('pupils').values({ school_id: schoolS, number: 'M001', name: '甲', name_key: '甲', grade: 3, class_name: '1班', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
  await handle.db.updateTable('children').set({ pupil_id: pupil }).where('id', '=', child).execute();
  const absence = (await handle.db.insertInto('absence_reports').values({ child_id: child, meeting_id: meeting, reason: '看病', reported_by: users.parentA, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
  const collector = (
    await handle.db.insertInto('child_collectors').values({ child_id: child, name: '李建国', relation: '爷爷', phone: '13900139000', added_by: users.parentA, created_at: now }).returning('id').executeTakeFirstOrThrow()
  ).id;
  const ids: Ids = { school: 'matrix-s', offering, meeting, term: termS, child, enrollment, guardian: users.parentA, schoolId: schoolS, staffMember, deletionRequest, pupil, absence, collector };
  browsers.set('anonymous', new Browser(app));
  for (const [actor, id] of Object.entries(users)) {
    const browser = new Browser(app);
    await signIn(handle, browser, id);
    browsers.set(actor as Actor, browser);
  }
  return { app, errors, browsers, ids };
}
