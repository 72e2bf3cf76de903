// Lottery terms: the commitment when the window opens, ranked choices while it is open, the frozen entry list
// when it closes, and the one draw afterwards, applied as enrollments and waitlists in one transaction.
import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.service.ts';
import { type Actor, canManageSchool } from '../kernel/roles.ts';
import { addDays, instantInZone } from '../kernel/calendar.ts';
import type { WeeklySlot } from '../kernel/slots.ts';
import type { Clock } from '../kernel/clock.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Database, Term } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { childVerified } from '../family/binding.policy.ts';
import { guardedChild } from '../family/family.service.ts';
import { createOutbox, type Outbox } from '../notify/outbox.ts';
import { ALGORITHM_VERSION, commitmentOf, drawKey, runDraw, sha256Hex, shuffle } from './draw.policy.ts';
import { type FrozenEntries, type LotteryExport, frozenEntriesText, resultsByOffering, withoutSkipped } from './export.ts';
import { applyAllocation, closeRequests, dropChoice, rankChoices, writeChoice } from '../seats/seats.ts';
import * as lottery from './lottery.repository.ts';
import { slotsOfTerm } from '../catalogue/catalogue.service.ts';
import { type ChoiceRefusal, type DrawRefusal, choiceRefusal, drawRefusal, firstPublicDrawAfter, lotteryStage, publicValueSourceText } from './lottery.policy.ts';

export type ChoiceResult = { ok: true; rank: number; entryNumber: number } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'refused'; refusal: ChoiceRefusal };
export type DrawOutcome = { ok: true; seated: number; waitlisted: number; unplaced: number } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'refused'; refusal: DrawRefusal };

const toSlot = (row: { weekday: number; starts_at: string; ends_at: string }): WeeklySlot => ({ weekday: row.weekday, startsAt: row.starts_at, endsAt: row.ends_at });

export function createLotteryService(deps: { db: Kysely<Database>; clock: Clock; timeZone: string; outbox?: Outbox; randomBytes?: (size: number) => Buffer }) {
  const { db, clock, timeZone } = deps;
  const outbox = deps.outbox ?? createOutbox({ channels: [], now: () => clock.now() });
  const randomBytes = deps.randomBytes ?? cryptoRandomBytes;

  /** From the moment the window opens, the term has a secret seed and its published commitment. */
  async function ensureCommitment(term: Term) {
    const existing = await lottery.drawOf(db, term.id);
    if (existing || term.mode !== 'lottery' || clock.now().toISOString() < term.enrol_opens_at) return existing ?? null;
    const seed = randomBytes(32).toString('hex');
    // Named in advance: the first 双色球 draw after the close (the freeze names it again, from its own instant).
    const source = publicValueSourceText(firstPublicDrawAfter(new Date(term.enrol_closes_at)).day);
    try {
      await lottery.insertCommitment(db, {
        term_id: term.id,
        algorithm_version: ALGORITHM_VERSION,
        seed,
        commitment: commitmentOf(seed),
        committed_at: clock.now().toISOString(),
        public_value_source_zh: source.zh,
        public_value_source_en: source.en,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // another request made it first: that one stands
    }
    return (await lottery.drawOf(db, term.id)) ?? null;
  }

  /** Once the window has closed, the entry list is frozen (once) and its hash published. */
  async function ensureFrozen(term: Term) {
    const draw = await ensureCommitment(term);
    if (!draw || draw.entries_json || clock.now().toISOString() < term.enrol_closes_at) return draw;
    const [school, offerings, slots, requests, held] = await Promise.all([
      lottery.schoolOfTerm(db, term.id),
      lottery.offeringsForDraw(db, term.id),
      slotsOfTerm(db, term.id),
      lottery.requestsOfTerm(db, term.id),
      lottery.heldInTerm(db, term.id),
    ]);
    if (!school) throw new Error(`term ${term.id} has no school`);
    const slotsOf = (offeringId: number) => slots.filter((slot) => slot.offering_id === offeringId).map(toSlot);
    const entries = new Map<number, { entry: number; childId: number; choices: string[] }>();
    for (const request of requests) {
      const entry = entries.get(request.entry_number) ?? { entry: request.entry_number, childId: request.child_id, choices: [] };
      entry.choices.push(request.code);
      entries.set(request.entry_number, entry);
    }
    // Entries, seats, limits, busy slots and the named public value are frozen together: this text is what is
    // hashed and what is drawn. The freeze is the close (this text is written by the first request after it; the
    // seat owner refuses every change in between), so the named 双色球 draw is the first after the close.
    const frozenAt = clock.now();
    const publicDraw = firstPublicDrawAfter(new Date(term.enrol_closes_at));
    const source = publicValueSourceText(publicDraw.day);
    const text = frozenEntriesText({
      school: school.slug,
      termId: term.id,
      commitment: draw.commitment,
      publicValueSource: source,
      offerings: offerings.map((offering) => ({ code: offering.code, title: offering.title_zh, seats: Math.max(0, offering.capacity - offering.seats_taken), slots: slotsOf(offering.id) })),
      entries: [...entries.values()].map((entry) => {
        const holds = held.filter((row) => row.child_id === entry.childId);
        return { entry: entry.entry, choices: entry.choices, limit: Math.max(0, term.course_limit - holds.length), busy: holds.flatMap((row) => slotsOf(row.offering_id)) };
      }),
    });
    await lottery.freezeEntries(db, term.id, {
      entries_json: text,
      entries_hash: sha256Hex(text),
      frozen_at: frozenAt.toISOString(),
      public_value_source_zh: source.zh,
      public_value_source_en: source.en,
      public_draw_at: publicDraw.at.toISOString(),
    });
    return (await lottery.drawOf(db, term.id)) ?? null;
  }

  async function requestOf(parentId: number, enrollmentId: number) {
    const row = await lottery.requestWithTerm(db, enrollmentId);
    if (!row || !(await guardedChild(db, parentId, row.child_id))) return null;
    return row;
  }

  const windowOpen = (term: { enrol_opens_at: string; enrol_closes_at: string }) => lotteryStage(term, null, clock.now()) === 'open';

  return {
    ensureFrozen,
    schoolOfTerm: (termId: number) => lottery.schoolOfTerm(db, termId),

    /** Requests per offering (demand), shown once the window has closed. */
    async demandOf(termId: number): Promise<Map<number, number>> {
      return new Map((await lottery.demandOfTerm(db, termId)).map((row) => [row.offering_id, Number(row.requests)]));
    },

    /** Which child a choice belongs to (already checked to be this parent's by the caller's failed action). */
    async childOfChoice(enrollmentId: number): Promise<number | null> {
      return (await lottery.childOfChoice(db, enrollmentId))?.child_id ?? null;
    },

    /**
     * Adds the offering as the child's next-ranked choice. Asking again for the same offering answers with its
     * rank and changes nothing.
     */
    async addChoice(parentId: number, offeringId: number, childId: number): Promise<ChoiceResult> {
      const [child, offering] = await Promise.all([guardedChild(db, parentId, childId), lottery.publishedLotteryOffering(db, offeringId)]);
      if (!child || !offering) return { ok: false, reason: 'not_found' };
      const term: Term = { ...offering, id: offering.id };
      await ensureCommitment(term);
      return inTransaction(db, async (trx): Promise<ChoiceResult> => {
        await lottery.lockDraw(trx, term.id);
        const choices = await lottery.requestsOfChild(trx, term.id, childId);
        const entry = await lottery.entryOf(trx, term.id, childId);
        const already = choices.find((choice) => choice.offering_id === offeringId);
        if (already && entry) return { ok: true, rank: already.choice_rank!, entryNumber: entry.entry_number };
        const refusal = choiceRefusal({
          child: { schoolId: child.school_id, grade: child.grade, verified: childVerified(child.school_child_check, child.pupil_id) },
          offering: { schoolId: term.school_id, gradeMin: offering.grade_min, gradeMax: offering.grade_max, slots: [] },
          term: { opensAt: term.enrol_opens_at, closesAt: term.enrol_closes_at, mode: term.mode, courseLimit: term.course_limit },
          now: clock.now(),
          others: [],
          choices: choices.length,
          choiceLimit: term.choice_limit,
        });
        if (refusal) return { ok: false, reason: 'refused', refusal };
        const now = clock.now().toISOString();
        let entryNumber = entry?.entry_number;
        if (entryNumber === undefined) {
          entryNumber = await lottery.nextEntryNumber(trx, term.id);
          await lottery.insertEntry(trx, { term_id: term.id, child_id: childId, entry_number: entryNumber, created_at: now });
        }
        const rank = choices.length + 1;
        await writeChoice(trx, offeringId, childId, rank, now);
        await recordAudit(trx, { actorId: parentId, action: 'lottery.choice_added', subjectType: 'child', subjectId: childId, schoolId: term.school_id, detail: { offeringId, rank } }, clock.now());
        return { ok: true, rank, entryNumber };
      });
    },

    /** Moves a choice one place up or down while the window is open. */
    async moveChoice(parentId: number, enrollmentId: number, direction: 'up' | 'down'): Promise<{ ok: true; childId: number; termId: number } | { ok: false; reason: 'not_found' | 'closed' }> {
      const request = await requestOf(parentId, enrollmentId);
      if (!request) return { ok: false, reason: 'not_found' };
      if (!windowOpen(request)) return { ok: false, reason: 'closed' };
      await inTransaction(db, async (trx) => {
        await lottery.lockDraw(trx, request.term_id);
        const choices = await lottery.requestsOfChild(trx, request.term_id, request.child_id);
        const index = choices.findIndex((choice) => choice.id === enrollmentId);
        const other = choices[direction === 'up' ? index - 1 : index + 1];
        const mine = choices[index];
        if (!other || !mine) return;
        const swapped = choices.map((choice) => (choice === mine ? other : choice === other ? mine : choice));
        await rankChoices(trx, swapped);
      });
      return { ok: true, childId: request.child_id, termId: request.term_id };
    },

    /** Takes a choice off the list while the window is open; the others close up. */
    async removeChoice(parentId: number, enrollmentId: number): Promise<{ ok: true; childId: number; termId: number } | { ok: false; reason: 'not_found' | 'closed' }> {
      const request = await requestOf(parentId, enrollmentId);
      if (!request) return { ok: false, reason: 'not_found' };
      if (!windowOpen(request)) return { ok: false, reason: 'closed' };
      await inTransaction(db, async (trx) => {
        await lottery.lockDraw(trx, request.term_id);
        await dropChoice(trx, enrollmentId);
        await rankChoices(trx, await lottery.requestsOfChild(trx, request.term_id, request.child_id));
      });
      return { ok: true, childId: request.child_id, termId: request.term_id };
    },

    /** A child's choices in the school's lottery term (for its guardians), with its entry number. */
    async choicesOf(parentId: number, childId: number) {
      const child = await guardedChild(db, parentId, childId);
      if (!child) return null;
      const term = await lottery.lotteryTermOfSchool(db, child.school_id);
      if (!term) return { child, term: null, entry: null, choices: [], stage: null };
      const draw = await ensureFrozen(term);
      const [entry, choices] = await Promise.all([lottery.entryOf(db, term.id, childId), lottery.requestsOfChild(db, term.id, childId)]);
      return { child, term, entry: entry ?? null, choices, stage: lotteryStage(term, draw?.drawn_at ?? null, clock.now()) };
    },

    /** Everything the public lottery page shows, or null when the school has no lottery term. */
    async publicView(schoolId: number) {
      const term = await lottery.lotteryTermOfSchool(db, schoolId);
      if (!term) return null;
      const draw = await ensureFrozen(term);
      const stage = lotteryStage(term, draw?.drawn_at ?? null, clock.now());
      const entries = draw?.entries_json ? (JSON.parse(draw.entries_json) as { entries: unknown[] }).entries.length : null;
      const results = draw?.result_json ? (JSON.parse(draw.result_json) as NonNullable<LotteryExport['results']>) : null;
      const offerings = await lottery.offeringsForDraw(db, term.id);
      // When results come: the draw may run once the 双色球 named for it has been drawn (fixed at the freeze).
      const publicDrawAt = draw?.public_draw_at ?? firstPublicDrawAfter(new Date(term.enrol_closes_at)).at.toISOString();
      return { term, draw: draw ?? null, stage, entries, results, offerings, publicDrawAt };
    },

    /** The export anyone can check with `npm run lottery:verify` (null before the entry list is frozen). */
    async exportOf(schoolId: number): Promise<LotteryExport | null> {
      const term = await lottery.lotteryTermOfSchool(db, schoolId);
      const draw = term ? await ensureFrozen(term) : null;
      if (!draw?.entries_json || !draw.entries_hash) return null;
      return {
        format: 'clubroll-lottery-export',
        algorithmVersion: draw.algorithm_version,
        commitment: draw.commitment,
        entries: draw.entries_json,
        entriesHash: draw.entries_hash,
        publicValue: draw.public_value,
        results: draw.result_json ? (JSON.parse(draw.result_json) as LotteryExport['results']) : null,
        ...(draw.drawn_at ? { skippedEntries: draw.skipped_entries ? (JSON.parse(draw.skipped_entries) as number[]) : [] } : {}),
      };
    },

    /**
     * This parent's children's entry numbers in the term (only they see them) and, once drawn, each one's place in
     * the draw order (1 = first to choose), recomputed from what is published.
     */
    async entriesOfParent(parentId: number, termId: number): Promise<{ name: string; entry_number: number; position: number | null }[]> {
      const rows = await lottery.entriesOfParent(db, parentId, termId);
      if (rows.length === 0) return [];
      const draw = await lottery.drawOf(db, termId);
      const order = draw?.drawn_at && draw.entries_json && draw.entries_hash && draw.public_value ? drawOrder(draw.seed, draw.entries_hash, draw.public_value, draw.entries_json) : null;
      const position = new Map((order ?? []).map((entry, index) => [entry, index + 1]));
      return rows.map((row) => ({ name: row.name, entry_number: row.entry_number, position: position.get(row.entry_number) ?? null }));
    },

    /** The admin's draw: once, after close, with the public value; applied in one transaction. */
    async draw(actor: Actor, termId: number, publicValue: string): Promise<DrawOutcome> {
      const term = await lottery.termById(db, termId);
      if (!term || !canManageSchool(actor, term.school_id)) return { ok: false, reason: 'not_found' };
      const draw = await ensureFrozen(term);
      if (!draw) return { ok: false, reason: 'not_found' };
      const publicDrawAt = draw.public_draw_at ?? firstPublicDrawAfter(new Date(term.enrol_closes_at)).at.toISOString();
      const refusal = drawRefusal(lotteryStage(term, draw.drawn_at, clock.now()), publicValue, { now: clock.now(), publicDrawAt });
      if (refusal) return { ok: false, reason: 'refused', refusal };
      return inTransaction(db, (trx) => applyDraw(trx, actor, term, publicValue));
    },
  };

  async function applyDraw(trx: Transaction<Database>, actor: Actor, term: Term, publicValue: string): Promise<DrawOutcome> {
    await lottery.lockDraw(trx, term.id);
    const draw = (await lottery.drawOf(trx, term.id))!;
    if (draw.drawn_at) return { ok: false, reason: 'refused', refusal: { reason: 'already_drawn' } };
    const frozen = JSON.parse(draw.entries_json!) as FrozenEntries;
    const value = publicValue.trim().replace(/\s+/g, ' ');
    const computed = runDraw({ seed: draw.seed, entriesHash: draw.entries_hash!, publicValue: value, offerings: frozen.offerings, entries: frozen.entries });
    const now = clock.now();
    const nowIso = now.toISOString();

    // Nothing a parent or the school does after the close changes the frozen inputs (the seat owner refuses it);
    // only a child's deletion takes requests away. Such an entry is skipped, deterministically and in the export.
    const requests = await lottery.requestsOfTerm(trx, term.id);
    const requestOf = (entry: number, code: string) => requests.find((request) => request.entry_number === entry && request.code === code);
    const skipped = frozen.entries.filter((entry) => entry.choices.some((code) => !requestOf(entry.entry, code))).map((entry) => entry.entry);
    const allocation = withoutSkipped(resultsByOffering(computed), skipped);

    const offerings = new Map((await lottery.offeringsOfTerm(trx, term.id)).map((offering) => [offering.code, offering]));
    const placed = new Set<number>();
    let seated = 0;
    let waitlisted = 0;
    for (const [code, { seats, waitlist }] of Object.entries(allocation)) {
      const offering = offerings.get(code);
      if (!offering) throw new Error(`offering ${code} of the frozen list is gone`);
      const seatedHere = seats.map((entry) => requestOf(entry, code)!);
      const waitingHere = waitlist.map((entry) => requestOf(entry, code)!);
      const written = await applyAllocation(trx, offering.id, { seated: seatedHere.map((request) => request.id), waitlisted: waitingHere.map((request) => request.id) }, nowIso);
      if (!written.ok) throw new Error(`the frozen seats of ${code} are no longer free`);
      for (const request of seatedHere) {
        await outbox.toGuardians(trx, request.child_id, 'lottery_seat', await about(trx, request.child_id, offering));
        placed.add(request.id);
        seated += 1;
      }
      for (const request of waitingHere) {
        await outbox.toGuardians(trx, request.child_id, 'lottery_waitlisted', { ...(await about(trx, request.child_id, offering)), position: written.positions.get(request.id)! });
        placed.add(request.id);
        waitlisted += 1;
      }
    }
    // Choices neither seated nor waitlisted are closed; a child left with nothing is told so.
    const unplaced = requests.filter((request) => !placed.has(request.id));
    await closeRequests(trx, unplaced.map((request) => request.id), nowIso);
    const empty = [...new Set(unplaced.map((request) => request.child_id))].filter((childId) => !requests.some((request) => request.child_id === childId && placed.has(request.id)));
    for (const childId of empty) {
      await outbox.toGuardians(trx, childId, 'lottery_none', { childId, childName: await lottery.childName(trx, childId), termId: term.id });
    }

    // What is published is the allocation just written, from the same object.
    await lottery.recordDraw(trx, term.id, { public_value: value, drawn_at: nowIso, drawn_by: actor.id, result_json: JSON.stringify(allocation), skipped_entries: JSON.stringify(skipped) });
    // What is left goes first come, first served from now to the end of the term.
    const termEnd = instantInZone(addDays(term.last_day, 1), '00:00', timeZone).toISOString();
    await lottery.openFirstCome(trx, term.id, { opensAt: nowIso, closesAt: termEnd > term.enrol_closes_at ? termEnd : term.enrol_closes_at });
    await recordAudit(trx, { actorId: actor.id, action: 'lottery.drawn', subjectType: 'term', subjectId: term.id, schoolId: term.school_id, detail: { publicValue: value, seated, waitlisted, entries: frozen.entries.length, skipped } }, now);
    return { ok: true, seated, waitlisted, unplaced: empty.length };
  }

  /** What a draw notice says: the child and the offering (its titles as the draw read them, in the same transaction). */
  async function about(trx: Transaction<Database>, childId: number, offering: { id: number; title_zh: string; title_en: string | null }) {
    return { offeringId: offering.id, childId, childName: await lottery.childName(trx, childId), title: offering.title_zh, titleEn: offering.title_en };
  }
}

/** The draw order (entry numbers, first to choose first), as runDraw computes it from the published inputs. */
function drawOrder(seed: string, entriesHash: string, publicValue: string, entriesJson: string): number[] {
  const frozen = JSON.parse(entriesJson) as Pick<FrozenEntries, 'entries'>;
  const sorted = frozen.entries.map((entry) => entry.entry).sort((a, b) => a - b);
  return shuffle(sorted, drawKey(seed, entriesHash, publicValue));
}

export type LotteryService = ReturnType<typeof createLotteryService>;
