// Schools as the home page and the header show them: each with its current term and published counts.
import type { Kysely } from 'kysely';
import { dayInZone } from '../kernel/calendar.ts';
import type { Clock } from '../kernel/clock.ts';
import type { ChildCheck, Database, School, Term } from '../db/schema.ts';
import * as schools from './schools.repository.ts';

export interface SchoolSummary {
  school: School;
  term: Term | null;
  clubs: number;
  courses: number;
}

/** Published for other features: every school (secondary first), one by id, one by its URL slug. */
export function allSchools(db: Kysely<Database>) {
  return schools.listSchools(db);
}

export function schoolById(db: Kysely<Database>, id: number) {
  return schools.findSchool(db, id);
}

export function schoolBySlug(db: Kysely<Database>, slug: string) {
  return schools.findSchoolBySlug(db, slug);
}

/** Published for the pupil list: switches how the school checks children, inside the caller's transaction. */
export function setChildCheck(trx: Kysely<Database>, schoolId: number, childCheck: ChildCheck) {
  return schools.setChildCheck(trx, schoolId, childCheck);
}

export function createSchoolsService(deps: { db: Kysely<Database>; clock: Clock; timeZone: string }) {
  const { db, clock, timeZone } = deps;
  return {
    async summaries(): Promise<SchoolSummary[]> {
      const today = dayInZone(clock.now(), timeZone);
      const [all, terms] = await Promise.all([schools.listSchools(db), schools.currentTerms(db, today)]);
      const termBySchool = new Map<number, Term>();
      for (const term of terms) if (!termBySchool.has(term.school_id)) termBySchool.set(term.school_id, term);
      const counts = await schools.publishedCounts(db, [...termBySchool.values()].map((term) => term.id));
      return all.map((school) => {
        const term = termBySchool.get(school.id) ?? null;
        const countOf = (kind: 'club' | 'course') =>
          counts.find((row) => row.term_id === term?.id && row.kind === kind)?.count ?? 0;
        return { school, term, clubs: countOf('club'), courses: countOf('course') };
      });
    },

    find: (id: number) => schoolById(db, id),
    bySlug: (slug: string) => schoolBySlug(db, slug),
    list: () => allSchools(db),
  };
}

export type SchoolsService = ReturnType<typeof createSchoolsService>;
