// Terms use cases: the schools an admin manages, their terms, and a term created or changed with its holidays
// (a changed term moves its offerings' future meetings with it).
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.service.ts';
import type { Database } from '../db/schema.ts';
import { dayInZone } from '../kernel/calendar.ts';
import type { Clock } from '../kernel/clock.ts';
import { type Actor, canManageSchool } from '../kernel/roles.ts';
import { allSchools, schoolById } from '../schools/schools.service.ts';
import { type Invalid, type Refused, termInScope } from './admin-scope.ts';
import { termById } from './catalogue.repository.ts';
import { syncFutureMeetings } from './meetings.service.ts';
import { offeringsOfTerm, slotsOfTerm } from './offerings.repository.ts';
import { type TermField, type TermInput, termProblems } from './term.policy.ts';
import * as terms from './terms.repository.ts';

export type OfferingSort = 'code' | 'title' | 'fill';

function termValues(input: TermInput) {
  return {
    name_zh: input.nameZh,
    name_en: input.nameEn,
    first_day: input.firstDay,
    last_day: input.lastDay,
    enrol_opens_at: input.opensAt,
    enrol_closes_at: input.closesAt,
    mode: input.mode,
    course_limit: input.courseLimit,
    choice_limit: input.choiceLimit,
  };
}

export function createTermsService(deps: { db: Kysely<Database>; clock: Clock; timeZone: string }) {
  const { db, clock, timeZone } = deps;
  const today = () => dayInZone(clock.now(), timeZone);

  return {
    /** The schools this admin manages (all for the district admin). */
    async schoolsInScope(actor: Actor) {
      return (await allSchools(db)).filter((school) => canManageSchool(actor, school.id));
    },

    async termsOfSchool(actor: Actor, schoolId: number) {
      if (!canManageSchool(actor, schoolId)) return null;
      const school = await schoolById(db, schoolId);
      if (!school) return null;
      return { school, terms: await terms.termsOfSchool(db, schoolId) };
    },

    async createTerm(actor: Actor, schoolId: number, input: TermInput): Promise<{ ok: true; termId: number } | Refused | Invalid<TermField>> {
      if (!canManageSchool(actor, schoolId)) return { ok: false, reason: 'not_found' };
      const problems = termProblems(input);
      if (Object.keys(problems).length > 0) return { ok: false, reason: 'invalid', errors: problems };
      const termId = await db.transaction().execute(async (trx) => {
        const id = await terms.insertTerm(trx, { school_id: schoolId, ...termValues(input), created_at: clock.now().toISOString() });
        await terms.replaceHolidays(trx, id, input.holidays);
        await recordAudit(trx, { actorId: actor.id, action: 'term.created', subjectType: 'term', subjectId: id, schoolId }, clock.now());
        return id;
      });
      return { ok: true, termId };
    },

    /** The term with its holidays and offerings; null when it does not exist or is outside this admin's schools. */
    async term(actor: Actor, termId: number, list: { q?: string; sort?: OfferingSort } = {}) {
      const term = await termInScope(db, actor, termId);
      if (!term) return null;
      const [holidays, offerings] = await Promise.all([terms.holidaysOf(db, termId), offeringsOfTerm(db, termId)]);
      const words = (list.q ?? '').normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
      const matching = offerings.filter((offering) => {
        const text = [offering.code, offering.title_zh, offering.title_en, offering.teacher_name].filter(Boolean).join(' ').normalize('NFKC').toLowerCase();
        return words.every((word) => text.includes(word));
      });
      const sort = list.sort ?? 'code';
      matching.sort((a, b) =>
        sort === 'title'
          ? a.title_zh.localeCompare(b.title_zh, 'zh-CN')
          : sort === 'fill'
            ? b.seats_taken / Math.max(1, b.capacity) - a.seats_taken / Math.max(1, a.capacity)
            : a.code.localeCompare(b.code),
      );
      return { term, holidays, offerings: matching, total: offerings.length };
    },

    async updateTerm(actor: Actor, termId: number, input: TermInput): Promise<{ ok: true } | Refused | Invalid<TermField>> {
      const term = await termInScope(db, actor, termId);
      if (!term) return { ok: false, reason: 'not_found' };
      const problems = termProblems(input);
      if (Object.keys(problems).length > 0) return { ok: false, reason: 'invalid', errors: problems };
      await db.transaction().execute(async (trx) => {
        await terms.updateTerm(trx, termId, termValues(input));
        await terms.replaceHolidays(trx, termId, input.holidays);
        const updated = (await termById(trx, termId))!;
        const [offerings, slots] = await Promise.all([offeringsOfTerm(trx, termId), slotsOfTerm(trx, termId)]);
        await syncFutureMeetings(
          trx,
          updated,
          offerings.map((offering) => ({
            id: offering.id,
            room: offering.room,
            slots: slots
              .filter((slot) => slot.offering_id === offering.id)
              .map((slot) => ({ weekday: slot.weekday, startsAt: slot.starts_at, endsAt: slot.ends_at })),
          })),
          today(),
        );
        await recordAudit(trx, { actorId: actor.id, action: 'term.updated', subjectType: 'term', subjectId: termId, schoolId: term.school_id }, clock.now());
      });
      return { ok: true };
    },
  };
}

export type TermsService = ReturnType<typeof createTermsService>;
