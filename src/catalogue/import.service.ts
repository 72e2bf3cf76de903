// Catalogue import and export: a term's offerings read from a CSV (previewed, then written in one transaction, or
// nothing) and written back out in the same format.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.service.ts';
import type { Database } from '../db/schema.ts';
import { dayInZone } from '../kernel/calendar.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Actor } from '../kernel/roles.ts';
import { createOutbox, type Outbox } from '../notify/outbox.ts';
import { changeCapacity } from '../seats/seats.ts';
import { type ManagedTerm, termInScope } from './admin-scope.ts';
import { parseCatalogueCsv } from './catalogue-csv.ts';
import { type CatalogueRow, type CsvProblem, formatSlots, offeringAsText, readCatalogueRecords } from './catalogue-csv.policy.ts';
import { syncFutureMeetings } from './meetings.service.ts';
import * as offerings from './offerings.repository.ts';
import { CapacityRace, capacityProblem, heldPlaces, offeringValues } from './offerings.service.ts';

export function createImportService(deps: { db: Kysely<Database>; clock: Clock; timeZone: string; outbox?: Outbox }) {
  const { db, clock, timeZone } = deps;
  const outbox = deps.outbox ?? createOutbox({ channels: [], now: () => clock.now() });
  const today = () => dayInZone(clock.now(), timeZone);

  /** Writes an import's rows in one transaction: new offerings in batches, updates by code, then meetings. */
  async function importRows(actor: Actor, term: ManagedTerm, read: { rows: CatalogueRow[]; created: number; updated: number }) {
    const termId = term.id;
    await db.transaction().execute(async (trx) => {
      const now = clock.now().toISOString();
      const fresh = read.rows.filter((row) => row.existingId === null);
      await offerings.insertOfferings(
        trx,
        fresh.map(({ input, status }) => ({ term_id: termId, ...offeringValues(input), status: status ?? 'draft', created_at: now, updated_at: now })),
      );
      const freshIds = await offerings.idsByCode(trx, termId, fresh.map((row) => row.input.code));
      await offerings.insertSlots(trx, fresh.flatMap(({ input }) => input.slots.map((slot) => ({ ...slot, offeringId: freshIds.get(input.code)! }))));
      for (const { input, status, existingId, row } of read.rows) {
        if (existingId === null) continue;
        const { capacity, ...values } = offeringValues(input);
        await offerings.updateOffering(trx, existingId, { ...values, ...(status ? { status } : {}), updated_at: now });
        const seats = await changeCapacity({ trx, outbox, at: clock.now(), actorId: actor.id, offering: { id: existingId, title_zh: input.titleZh, title_en: input.titleEn, school_id: term.school_id } }, capacity);
        if (!seats.ok) throw new CapacityRace(existingId, seats.reason, row);
        await offerings.replaceSlots(trx, existingId, input.slots);
      }
      await syncFutureMeetings(
        trx,
        term,
        read.rows.map(({ input, existingId }) => ({ id: existingId ?? freshIds.get(input.code)!, room: input.room, slots: input.slots })),
        today(),
      );
      await recordAudit(
        trx,
        { actorId: actor.id, action: 'catalogue.imported', subjectType: 'term', subjectId: termId, schoolId: term.school_id, detail: { created: read.created, updated: read.updated } },
        clock.now(),
      );
    });
  }

  async function readImport(term: ManagedTerm, csvText: string) {
    const parsed = parseCatalogueCsv(csvText);
    if (!parsed.ok) return { rows: [], problems: [parsed.problem], created: 0, updated: 0 };
    const [teachers, existingOfferings] = await Promise.all([offerings.teachersWithLogins(db, term.school_id), offerings.offeringsOfTerm(db, term.id)]);
    const existing = new Map(existingOfferings.map((offering) => [offering.code, { id: offering.id, seatsTaken: offering.seats_taken }]));
    const { rows, problems } = readCatalogueRecords(parsed.records, {
      teachers,
      existing,
      schoolGrades: { min: term.school_grade_min, max: term.school_grade_max },
    });
    const created = rows.filter((row) => row.existingId === null).length;
    return { rows, problems, created, updated: rows.length - created };
  }

  return {
    /** Reads a catalogue CSV against the term: what would be created or updated, and every problem by row. */
    async previewImport(actor: Actor, termId: number, csvText: string) {
      const term = await termInScope(db, actor, termId);
      if (!term) return null;
      return { term, ...(await readImport(term, csvText)) };
    },

    /** Imports every row in one transaction, or nothing when any row has a problem. */
    async commitImport(actor: Actor, termId: number, csvText: string) {
      const term = await termInScope(db, actor, termId);
      if (!term) return null;
      const read = await readImport(term, csvText);
      if (read.problems.length > 0) return { term, ...read, imported: false as const };
      // Taking an offering children hold places in out of the catalogue is a cancellation: its page asks for the
      // reason and tells the families. An import does neither, so it may not do it.
      for (const { status, existingId, row } of read.rows) {
        if (existingId === null || !status || status === 'published') continue;
        const held = heldPlaces(await offerings.activePlacesOf(db, existingId));
        if (held > 0) {
          const problem: CsvProblem = { row, column: 'status', key: 'offering.error.cancelFromPage', params: { count: held } };
          return { term, ...read, problems: [problem], imported: false as const };
        }
      }
      try {
        await importRows(actor, term, read);
      } catch (error) {
        if (!(error instanceof CapacityRace)) throw error;
        const problem: CsvProblem = { row: error.row ?? 2, column: 'capacity', ...(await capacityProblem(db, error)) };
        return { term, ...read, problems: [problem], imported: false as const };
      }
      return { term, ...read, imported: true as const };
    },

    /** The term's offerings in the import format, so an export imports back unchanged. */
    async exportRows(actor: Actor, termId: number) {
      const term = await termInScope(db, actor, termId);
      if (!term) return null;
      const [rows, slots, teachers] = await Promise.all([
        offerings.offeringsOfTerm(db, termId),
        offerings.slotsOfTerm(db, termId),
        offerings.teachersWithLogins(db, term.school_id),
      ]);
      return {
        term,
        rows: rows.map((offering) => {
          const teacher = teachers.find((one) => one.id === offering.teacher_id);
          return {
            ...offeringAsText(offering),
            teacher: teacher ? (teacher.email ?? teacher.phone ?? '') : '',
            slots: formatSlots(
              slots
                .filter((slot) => slot.offering_id === offering.id)
                .map((slot) => ({ weekday: slot.weekday, startsAt: slot.starts_at, endsAt: slot.ends_at })),
            ),
            status: offering.status,
          };
        }),
      };
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
