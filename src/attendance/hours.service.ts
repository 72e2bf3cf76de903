// Teacher hours use cases: a month's hours per teacher and offering for the whole district (its admin) or for one
// school (its admins and the district admin). A read naming teachers only, never a child: no staff-read audit event.
import type { Kysely } from 'kysely';
import type { Database, School } from '../db/schema.ts';
import { dayInZone } from '../kernel/calendar.ts';
import type { Clock } from '../kernel/clock.ts';
import { type Lang, textIn } from '../kernel/messages.ts';
import { type Actor, canManageSchool } from '../kernel/roles.ts';
import { schoolById } from '../schools/schools.service.ts';
import * as hours from './hours.repository.ts';
import { type Month, type TeacherHoursReport, heldDays, teacherHoursReport } from './hours.policy.ts';

export type HoursAnswer = { ok: true; month: Month; report: TeacherHoursReport } | { ok: false; reason: 'not_found' };

export function createHoursService(deps: { db: Kysely<Database>; clock: Clock; timeZone: string }) {
  const { db, clock, timeZone } = deps;
  const today = () => dayInZone(clock.now(), timeZone);

  async function monthReport(scope: { schoolId?: number }, month: Month, lang: Lang): Promise<TeacherHoursReport> {
    const days = heldDays(month, today());
    const rows = days ? await hours.hoursByTeacherAndOffering(db, scope, days.from, days.to) : [];
    return teacherHoursReport(
      rows.map((row) => ({
        teacherId: row.teacher_id,
        teacherName: row.teacher_name,
        schoolId: row.school_id,
        schoolName: textIn(lang, row.school_name_zh, row.school_name_en),
        offeringId: row.offering_id,
        code: row.code,
        title: textIn(lang, row.title_zh, row.title_en),
        held: row.held,
        taken: row.taken,
        minutes: row.minutes,
        present: row.present,
      })),
    );
  }

  /** The school when this actor administers it (a school admin their own, the district admin any), else null. */
  async function schoolInScope(actor: Actor, schoolId: number): Promise<School | null> {
    if (!canManageSchool(actor, schoolId)) return null;
    return (await schoolById(db, schoolId)) ?? null;
  }

  return {
    today,

    /** Every school's teachers, for the district admin (the route admits nobody else). */
    async district(actor: Actor, month: Month, lang: Lang): Promise<HoursAnswer> {
      if (actor.role !== 'district_admin') return { ok: false, reason: 'not_found' };
      return { ok: true, month, report: await monthReport({}, month, lang) };
    },

    /** The school, for the page refusing a bad month (still only its admins and the district admin see it). */
    school: schoolInScope,

    /** One school's teachers, for its admins and the district admin; not_found for anyone else or no such school. */
    async schoolHours(actor: Actor, schoolId: number, month: Month, lang: Lang): Promise<(HoursAnswer & { ok: true; school: School }) | { ok: false; reason: 'not_found' }> {
      const school = await schoolInScope(actor, schoolId);
      if (!school) return { ok: false, reason: 'not_found' };
      return { ok: true, school, month, report: await monthReport({ schoolId }, month, lang) };
    },
  };
}

export type HoursService = ReturnType<typeof createHoursService>;
