// The public catalogue: a school's current term with its published offerings, seats and meetings.
import type { Kysely } from 'kysely';
import { dayInZone } from '../kernel/calendar.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Database, School, Term } from '../db/schema.ts';
import { schoolById, schoolBySlug } from '../schools/schools.service.ts';
import * as catalogue from './catalogue.repository.ts';
import * as offerings from './offerings.repository.ts';
import { type CatalogueFilters, type WindowState, enrollmentWindow, matchesFilters } from './catalogue.policy.ts';

export type CatalogueOffering = Awaited<ReturnType<typeof catalogue.publishedOfferings>>[number] & {
  slots: { weekday: number; startsAt: string; endsAt: string }[];
  waitlisted: number;
  /** Lottery requests (ranked choices) for it. */
  requested: number;
};

export interface SchoolCatalogue {
  school: School;
  term: Term | null;
  window: WindowState | null;
  /** Every published offering of the term (what the filters are counted against). */
  total: number;
  offerings: CatalogueOffering[];
  /**
   * Work derived from this read (a rendered list, the open-data body), shared by every request that shares
   * the read: the same school, filters and language render once per `cacheMs`, not once per request.
   */
  remember<T>(key: string, make: () => T): T;
}

const MEMO_ENTRIES = 200;

/** Published for the family timetable: the weekly slots of these offerings. */
export function slotsOfOfferings(db: Kysely<Database>, offeringIds: number[]) {
  return catalogue.slotsOf(db, offeringIds);
}

/** Published for the lottery's freeze: every weekly slot of a term's offerings. */
export function slotsOfTerm(db: Kysely<Database>, termId: number) {
  return offerings.slotsOfTerm(db, termId);
}

export function createCatalogueService(deps: { db: Kysely<Database>; clock: Clock; timeZone: string; cacheMs?: number }) {
  const { db, clock, timeZone } = deps;
  const cacheMs = deps.cacheMs ?? 0;
  /** A school's whole catalogue, read at most once per `cacheMs` (concurrent readers share one read). */
  const recent = new Map<string, { until: number; read: Promise<Omit<SchoolCatalogue, 'offerings'> & { all: CatalogueOffering[] } | null> }>();

  /** At most MEMO_ENTRIES per read (visitors' URLs vary); past that, work is done per request as before. */
  function memo(): SchoolCatalogue['remember'] {
    const made = new Map<string, unknown>();
    return <T>(key: string, make: () => T): T => {
      if (made.has(key)) return made.get(key) as T;
      const value = make();
      if (made.size < MEMO_ENTRIES) made.set(key, value);
      return value;
    };
  }

  async function withSlotsAndWaitlists(rows: Awaited<ReturnType<typeof catalogue.publishedOfferings>>, term: Term): Promise<CatalogueOffering[]> {
    const ids = rows.map((row) => row.id);
    const [slots, counts] = await Promise.all([catalogue.slotsOf(db, ids), catalogue.placeCounts(db, ids, term.mode === 'lottery')]);
    return rows.map((row) => {
      const count = counts.find((entry) => entry.offering_id === row.id);
      return {
        ...row,
        slots: slots
          .filter((slot) => slot.offering_id === row.id)
          .map((slot) => ({ weekday: slot.weekday, startsAt: slot.starts_at, endsAt: slot.ends_at })),
        waitlisted: Number(count?.waitlisted ?? 0),
        requested: Number(count?.requested ?? 0),
      };
    });
  }

  async function readCatalogue(slug: string) {
    const school = await schoolBySlug(db, slug);
    if (!school) return null;
    const term = (await catalogue.currentTerm(db, school.id, dayInZone(clock.now(), timeZone))) ?? null;
    if (!term) return { school, term, window: null, total: 0, all: [], remember: memo() };
    const all = await withSlotsAndWaitlists(await catalogue.publishedOfferings(db, term.id), term);
    return { school, term, window: enrollmentWindow(term, clock.now()), total: all.length, all, remember: memo() };
  }

  return {
    /**
     * A school's current catalogue, filtered; null when there is no such school. With `cacheMs` the read is
     * shared for that long (seat counts on the cards may lag by as much; the seat badge polls its own count).
     */
    async schoolCatalogue(slug: string, filters: CatalogueFilters = {}): Promise<SchoolCatalogue | null> {
      const now = performance.now();
      let entry = recent.get(slug);
      if (!entry || entry.until <= now) {
        entry = { until: now + cacheMs, read: readCatalogue(slug) };
        if (cacheMs > 0) {
          if (recent.size > 100) recent.clear();
          recent.set(slug, entry);
        }
      }
      const found = await entry.read;
      if (!found) return null;
      const { all, ...rest } = found;
      return { ...rest, offerings: all.filter((offering) => matchesFilters(offering, filters)) };
    },

    /**
     * Drops this process's shared read of a school's catalogue, so the next request reads the school afresh: called
     * when something the catalogue publishes about the school itself changed (how it checks children).
     */
    forgetSchool(slug: string) {
      recent.delete(slug);
    },

    /** A published offering with its term, school and meetings; null for drafts, archived ones and unknown ids. */
    async offeringDetail(id: number) {
      const row = await catalogue.publishedOffering(db, id);
      if (!row) return null;
      const term = await catalogue.termById(db, row.term_id);
      if (!term) return null;
      const [[offering], meetings, school] = await Promise.all([
        withSlotsAndWaitlists([row], term),
        catalogue.meetingsOf(db, id),
        schoolById(db, term.school_id),
      ]);
      if (!school) return null;
      return { offering: offering!, term, school, meetings, window: enrollmentWindow(term, clock.now()), today: dayInZone(clock.now(), timeZone) };
    },

    /**
     * What the offering page says instead of 404 once the school cancelled an offering that held children: its
     * title and when; the school's reason only to guardians of a child who had a place in it.
     */
    async cancelledOffering(id: number, userId: number | null) {
      const row = await catalogue.cancelledOffering(db, id, userId);
      if (!row?.cancelled_at) return null;
      const concerned = Boolean(row.concerns_user);
      return { id: row.id, titleZh: row.title_zh, titleEn: row.title_en, cancelledAt: row.cancelled_at, reason: concerned ? row.cancel_reason : null };
    },

    /** Just the seat counts, for the cheap polling fragment. */
    async seats(id: number) {
      const row = await catalogue.seatCounts(db, id);
      if (!row) return null;
      return { capacity: row.capacity, taken: row.seats_taken, waitlisted: Number(row.waitlisted ?? 0), window: enrollmentWindow(row, clock.now()) };
    },
  };
}

export type CatalogueService = ReturnType<typeof createCatalogueService>;
