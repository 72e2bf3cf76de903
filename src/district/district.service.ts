// The district's data portrait as a use case: choose each school's term, count in SQL, turn the counts into figures.
// Read-only and naming no child, so nothing is written and no staff read is recorded.
import type { Kysely } from 'kysely';
import { dayInZone } from '../kernel/calendar.ts';
import type { Clock } from '../kernel/clock.ts';
import { textIn } from '../kernel/messages.ts';
import type { Actor } from '../kernel/roles.ts';
import type { ReadAside } from '../db/read-aside.ts';
import type { Database, Lang } from '../db/schema.ts';
import * as district from './district.repository.ts';
import { type ChildCounts, type PortraitCounts, portrait, termChoices, termsShown } from './district.policy.ts';

export interface PortraitFilter {
  /** A term chosen (each other school shows its term running then); null: each school's current term. */
  termId: number | null;
  category: string | null;
  grade: number | null;
}

const n = (value: number | string | bigint | null | undefined) => Number(value ?? 0);

/** The two children's aggregates as one row per school and grade. */
function childCounts(holders: Awaited<ReturnType<typeof district.categoryHolders>>, seated: Awaited<ReturnType<typeof district.seatedChildren>>): ChildCounts[] {
  const rows = new Map<string, ChildCounts>();
  const rowOf = (schoolId: number, grade: number) => {
    const key = `${schoolId}|${grade}`;
    if (!rows.has(key)) rows.set(key, { schoolId, grade, seated: 0, enrolled: 0, waitlisted: 0, unmet: 0, categories: {} });
    return rows.get(key)!;
  };
  for (const row of seated) rowOf(row.school_id, row.grade).seated = n(row.children);
  for (const row of holders) {
    const target = rowOf(row.school_id, row.grade);
    target.enrolled += n(row.enrolled);
    target.waitlisted += n(row.waitlisted);
    target.unmet += n(row.unmet);
    target.categories[row.category] = { seated: n(row.seated_children), waiting: n(row.waiting_children), waitlisted: n(row.waiting_waitlisted), unmet: n(row.waiting_unmet) };
  }
  return [...rows.values()];
}

export function createDistrictService(deps: { db: Kysely<Database>; reads: ReadAside; clock: Clock; timeZone: string }) {
  const { db, clock, timeZone } = deps;
  const source: district.Source = { db, reads: deps.reads };
  return {
    /** The portrait for the district admin; null for anyone else, 'unknown_term' for a term that does not exist. */
    async portrait(actor: Actor, filter: PortraitFilter, lang: Lang) {
      if (actor.role !== 'district_admin') return null;
      const today = dayInZone(clock.now(), timeZone);
      const [schools, terms] = await Promise.all([district.schools(db), district.terms(db)]);
      const shown = termsShown(terms, today, filter.termId);
      if (!shown) return 'unknown_term' as const;
      const scope: district.Scope = { termIds: [...shown.values()].map((term) => term.id), category: filter.category, grade: filter.grade };
      const [offerings, wanted, holders, seated, registered, pupils, marks, tallies] = await Promise.all([
        district.offeringFigures(source, scope),
        district.wantedPlaces(source, scope),
        district.categoryHolders(source, scope),
        district.seatedChildren(source, scope),
        district.registeredChildren(source),
        district.listedPupils(source),
        district.marks(source, scope, today),
        district.tallies(source, scope, today),
      ]);
      const counts: PortraitCounts = {
        offerings: offerings.map((row) => ({ termId: row.term_id, category: row.category, kind: row.kind, gradeMin: row.grade_min, gradeMax: row.grade_max, offerings: n(row.offerings), seats: n(row.seats), enrolled: n(row.enrolled), free: n(row.free) })),
        wanted: wanted.map((row) => ({ termId: row.term_id, category: row.category, status: row.status as 'waitlisted' | 'withdrawn' | 'requested', places: n(row.places) })),
        children: childCounts(holders, seated),
        registered: registered.map((row) => ({ schoolId: row.school_id, grade: row.grade, children: n(row.children) })),
        pupils: pupils.map((row) => ({ schoolId: row.school_id, grade: row.grade, children: n(row.pupils) })),
        marks: [...marks, ...tallies].map((row) => ({ termId: row.term_id, category: row.category, day: row.day, mark: row.mark, marks: n(row.marks) })),
      };
      const figures = portrait(
        schools.map((school) => ({ id: school.id, slug: school.slug, name: textIn(lang, school.name_zh, school.name_en), childCheck: school.child_check, term: shown.get(school.id) ?? null })),
        counts,
        filter.grade,
      );
      const gradeMax = Math.max(0, ...schools.map((school) => school.grade_max));
      return {
        portrait: figures,
        termChoices: termChoices(terms).map((term) => ({ id: term.id, name: textIn(lang, term.name_zh, term.name_en), firstDay: term.first_day })),
        grades: Array.from({ length: gradeMax }, (_, index) => index + 1),
      };
    },
  };
}

export type DistrictService = ReturnType<typeof createDistrictService>;
