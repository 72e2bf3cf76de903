// HTTP for the public catalogue: /s/:school (filters by htmx or plain GET), /offerings/:id, seat polling, open data.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { raw } from 'hono/html';
import { z } from 'zod';
import type { EnrollPanelView } from '../../views/components/enroll.tsx';
import { meetingView } from '../../views/components/meeting.tsx';
import { Seats } from '../../views/components/offering.tsx';
import { type CatalogueView, CatalogueMain, CataloguePage, CatalogueResults, type FilterValues } from '../../views/pages/catalogue.tsx';
import type { PastAnnouncementView } from '../../views/components/announcements.tsx';
import { CancelledOfferingPage, OfferingPage } from '../../views/pages/offering.tsx';
import type { AppEnv } from '../http/app-env.ts';
import { csvFromRecords } from '../http/csv.ts';
import { chromeFor, errorPage, respond } from '../http/pages.tsx';
import type { I18n } from '../kernel/messages.ts';
import type { CatalogueFilters } from './catalogue.policy.ts';
import type { CatalogueOffering, CatalogueService, SchoolCatalogue } from './catalogue.service.ts';
import { CATEGORY_CODES } from '../kernel/categories.ts';
import type { Actor } from '../kernel/roles.ts';
import { parseId } from '../kernel/ids.ts';
import { ids } from '../http/validators.ts';

const filterFields = {
  category: z.enum(CATEGORY_CODES),
  grade: z.string().regex(/^\d{1,2}$/).transform(Number).pipe(z.number().min(1).max(12)),
  weekday: z.string().regex(/^[1-7]$/).transform(Number),
  q: z.string().max(100),
  free: z.enum(['1', 'on', 'true']),
};

/** Each filter on its own: a bad one is dropped (and said so) while the others still apply. */
function parseFilters<E extends AppEnv>(c: Context<E>): { filters: CatalogueFilters; values: FilterValues; invalid: boolean } {
  const filters: CatalogueFilters = {};
  let invalid = false;
  for (const name of Object.keys(filterFields) as (keyof typeof filterFields)[]) {
    const raw = c.req.queries(name)?.at(-1);
    if (raw === undefined || raw.trim() === '') continue;
    const parsed = filterFields[name].safeParse(name === 'q' ? raw.trim() : raw);
    if (!parsed.success) {
      invalid = true;
      continue;
    }
    if (name === 'free') filters.free = true;
    else (filters as Record<string, unknown>)[name] = parsed.data;
  }
  return {
    filters,
    invalid,
    values: {
      category: filters.category ?? '',
      grade: filters.grade === undefined ? '' : String(filters.grade),
      weekday: filters.weekday === undefined ? '' : String(filters.weekday),
      q: filters.q ?? '',
      free: filters.free === true,
    },
  };
}

/**
 * Seats as a card shows them. A lottery term, from the window's opening to the draw, shows requests against seats
 * instead (seats are not taken first come), and does not poll the seat count (it does not move until the draw).
 */
function seatsOf(offering: CatalogueOffering, live: boolean, term: { mode: string } | null, window: string | null) {
  const lottery = term?.mode === 'lottery' && (window === 'open' || window === 'closed');
  const demand = lottery ? offering.requested : null;
  return { id: offering.id, capacity: offering.capacity, taken: offering.seats_taken, waitlisted: offering.waitlisted, live: live && !lottery, demand };
}

function catalogueView(i18n: I18n, catalogue: SchoolCatalogue, values: FilterValues, invalid: boolean): CatalogueView {
  const { school, term } = catalogue;
  const live = catalogue.window === 'open';
  return {
    slug: school.slug,
    schoolName: i18n.pick(school.name_zh, school.name_en),
    childCheck: school.child_check,
    gradeMin: school.grade_min,
    gradeMax: school.grade_max,
    term: term
      ? {
          name: i18n.pick(term.name_zh, term.name_en),
          firstDay: term.first_day,
          lastDay: term.last_day,
          mode: term.mode,
          opensAt: term.enrol_opens_at,
          closesAt: term.enrol_closes_at,
        }
      : null,
    window: catalogue.window,
    total: catalogue.total,
    filters: values,
    invalidFilter: invalid,
    cards: catalogue.offerings.map((offering) => ({
      id: offering.id,
      kind: offering.kind,
      category: offering.category,
      title: i18n.pick(offering.title_zh, offering.title_en),
      teacher: offering.teacher_name,
      gradeMin: offering.grade_min,
      gradeMax: offering.grade_max,
      feeCents: offering.fee_cents,
      slots: offering.slots,
      seats: seatsOf(offering, live, term, catalogue.window),
    })),
  };
}

/** The open-data shape (documented in docs/api.md): published offerings with slots and seat counts, no personal data. */
function openData(catalogue: SchoolCatalogue) {
  const { school, term } = catalogue;
  return {
    school: { slug: school.slug, name: school.name_zh, name_en: school.name_en, kind: school.kind, child_check: school.child_check },
    term: term
      ? {
          id: term.id,
          name: term.name_zh,
          name_en: term.name_en,
          first_day: term.first_day,
          last_day: term.last_day,
          mode: term.mode,
          course_limit: term.course_limit,
          enrolment: { opens_at: term.enrol_opens_at, closes_at: term.enrol_closes_at, state: catalogue.window },
        }
      : null,
    offerings: catalogue.offerings.map((offering) => ({
      id: offering.id,
      code: offering.code,
      kind: offering.kind,
      title: offering.title_zh,
      title_en: offering.title_en,
      category: offering.category,
      teacher: offering.teacher_name,
      room: offering.room,
      grades: { min: offering.grade_min, max: offering.grade_max },
      slots: offering.slots.map((slot) => ({ weekday: slot.weekday, starts_at: slot.startsAt, ends_at: slot.endsAt })),
      capacity: offering.capacity,
      enrolled: offering.seats_taken,
      waitlisted: offering.waitlisted,
      seats_left: Math.max(0, offering.capacity - offering.seats_taken),
      fee_cents: offering.fee_cents,
    })),
  };
}

const HTML = 'text/html; charset=UTF-8';

/** A response body many requests share: its bytes, gzipped once, and a tag naming its content. */
interface SharedBody {
  plain: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
  tag: string;
}

/**
 * A strong ETag naming the bytes, hashed at once. (hono/etag clones the response and hashes it through web
 * streams and WebCrypto: for the polled seat fragment that cost several times the rendering.)
 */
function tagOf(content: string | Uint8Array): string {
  return `"${createHash('sha1').update(content).digest('base64url')}"`;
}

function sharedBody(text: string): SharedBody {
  const plain = Buffer.from(text);
  return { plain, gzip: gzipSync(plain) as Uint8Array<ArrayBuffer>, tag: tagOf(plain) };
}

/** Every browser accepts gzip: phones on a mobile network get about a seventh of the bytes. */
function sendShared<E extends AppEnv>(c: Context<E>, body: SharedBody, status: 200 | 400, type: string) {
  c.header('Vary', 'Accept-Encoding', { append: true });
  if (/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) {
    return c.body(body.gzip, status, { 'Content-Type': type, 'Content-Encoding': 'gzip' });
  }
  return c.body(body.plain, status, { 'Content-Type': type });
}

/**
 * Tags the answer with `tag`; true when the client already holds those bytes, so the answer is a bodiless 304.
 * If-None-Match is compared as RFC 9110 says for GET: weakly, any of a list, or `*`.
 */
function alreadyHeld<E extends AppEnv>(c: Context<E>, tag: string): boolean {
  c.header('ETag', tag);
  const header = c.req.header('If-None-Match');
  if (!header) return false;
  return header.split(',').some((one) => {
    const candidate = one.trim();
    return candidate === '*' || candidate.replace(/^W\//, '') === tag;
  });
}

export const OPEN_DATA_CSV_COLUMNS = [
  'id', 'code', 'kind', 'category', 'title', 'title_en', 'teacher', 'room', 'grade_min', 'grade_max',
  'slots', 'capacity', 'enrolled', 'waitlisted', 'seats_left', 'fee_cents',
] as const;

/** The offering page's enrol control for a parent, in the reader's language (the enrolment feature answers it). */
export type EnrolPanelFor = (parentId: number, offeringId: number, i18n: I18n) => Promise<EnrollPanelView | null>;

/**
 * The offering's past announcements as this person may read them (its staff and families), null for anyone else:
 * the announcements feature answers it, so the catalogue imports nothing above it. Per person, never cached.
 */
export type AnnouncementsFor = (viewer: Actor | null, offeringId: number) => Promise<readonly { id: number; sender: string | null; at: string; text: string }[] | null>;

export function catalogueRoutes(deps: { catalogue: CatalogueService; enrolPanelFor: EnrolPanelFor; announcementsFor?: AnnouncementsFor }) {
  const { catalogue, enrolPanelFor, announcementsFor } = deps;
  const app = new Hono<AppEnv>();

  app.get('/s/:school', async (c) => {
    const { filters, values, invalid } = parseFilters(c);
    const found = await catalogue.schoolCatalogue(c.req.param('school'), filters);
    if (!found) return errorPage(c, 404);
    const i18n = c.get('i18n');
    // Rendered once per shared read, language, filter and part; only the page's chrome is per person.
    const key = `${i18n.lang}|${JSON.stringify(values)}|${invalid}`;
    const view = () => found.remember(`view|${key}`, () => catalogueView(i18n, found, values, invalid));
    const rendered = (part: 'main' | 'results') =>
      found.remember(`${part}|${key}`, () => raw(String(part === 'main' ? <CatalogueMain i18n={i18n} view={view()} /> : <CatalogueResults i18n={i18n} view={view()} />)));
    const status = invalid ? 400 : 200;
    c.header('Vary', 'HX-Request, HX-History-Restore-Request', { append: true });
    if (c.get('htmx') && !c.req.header('HX-History-Restore-Request')) {
      // The list alone is the same for everyone: sent as shared bytes (compressed when the browser accepts).
      return sendShared(c, found.remember(`results-bytes|${key}`, () => sharedBody(String(rendered('results')))), status, HTML);
    }
    if (!c.get('user')) {
      // A visitor who is not signed in gets the whole page from the shared read, as bytes ready to send.
      const chrome = chromeFor(c);
      const page = found.remember(`visitor|${key}|${chrome.path}`, () => sharedBody(String(<CataloguePage chrome={chrome} schoolName={view().schoolName} main={rendered('main')} />)));
      return sendShared(c, page, status, HTML);
    }
    return c.html(<CataloguePage chrome={chromeFor(c)} schoolName={view().schoolName} main={rendered('main')} />, status);
  });

  app.get('/s/:school/catalogue.json', async (c) => {
    const found = await catalogue.schoolCatalogue(c.req.param('school'));
    if (!found) return c.json({ error: 'not_found' }, 404);
    // The body and its ETag are made once per shared read; an unchanged catalogue is a bodiless 304.
    const body = found.remember('open-data.json', () => sharedBody(JSON.stringify(openData(found))));
    c.header('Cache-Control', 'no-cache');
    c.header('Access-Control-Allow-Origin', '*');
    if (alreadyHeld(c, body.tag)) return c.body(null, 304);
    return sendShared(c, body, 200, 'application/json');
  });

  app.get('/s/:school/catalogue.csv', async (c) => {
    const found = await catalogue.schoolCatalogue(c.req.param('school'));
    if (!found) return c.text('not found', 404);
    const rows = openData(found).offerings.map((offering) => ({
      ...offering,
      grade_min: offering.grades.min,
      grade_max: offering.grades.max,
      slots: offering.slots.map((slot) => `${slot.weekday} ${slot.starts_at}-${slot.ends_at}`).join('; '),
    }));
    const body = csvFromRecords(rows, OPEN_DATA_CSV_COLUMNS);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${found.school.slug}-catalogue.csv"`);
    c.header('Cache-Control', 'no-cache');
    if (alreadyHeld(c, tagOf(body))) return c.body(null, 304);
    return c.body(body);
  });

  app.get('/offerings/:id', ids('id'), async (c) => {
    const { id } = c.req.valid('param');
    const found = await catalogue.offeringDetail(id);
    const i18n = c.get('i18n');
    if (!found) {
      const cancelled = await catalogue.cancelledOffering(id, c.get('user')?.id ?? null);
      if (!cancelled) return errorPage(c, 404);
      return c.html(<CancelledOfferingPage chrome={chromeFor(c)} title={i18n.pick(cancelled.titleZh, cancelled.titleEn)} at={i18n.format.dateTime(cancelled.cancelledAt)} reason={cancelled.reason} />);
    }
    const { offering, school, meetings, window, today, term } = found;
    const title = i18n.pick(offering.title_zh, offering.title_en);
    const user = c.get('user');
    const enroll = user?.role === 'parent' ? await enrolPanelFor(user.id, offering.id, i18n) : null;
    const past = user && announcementsFor ? await announcementsFor(user, offering.id) : null;
    const announcements: PastAnnouncementView[] | null = past ? past.map((one) => ({ id: one.id, sender: one.sender, at: i18n.format.dateTime(one.at), text: one.text })) : null;
    // What a family was told is theirs: never kept by a shared cache.
    if (announcements) c.header('Cache-Control', 'private, no-store');
    return respond(c, {
      page: () => (
        <OfferingPage
          chrome={chromeFor(c)}
          enroll={enroll}
          announcements={announcements}
          offering={{
            id: offering.id,
            code: offering.code,
            kind: offering.kind,
            category: offering.category,
            title,
            description: i18n.pick(offering.description_zh, offering.description_en),
            teacher: offering.teacher_name,
            room: offering.room,
            gradeMin: offering.grade_min,
            gradeMax: offering.grade_max,
            feeCents: offering.fee_cents,
            slots: offering.slots,
            seats: seatsOf(offering, window === 'open', term, window),
            school: { slug: school.slug, name: i18n.pick(school.name_zh, school.name_en) },
            meetings: meetings.map((meeting) => meetingView(meeting, today)),
          }}
        />
      ),
    });
  });

  /** The tiny fragment seat badges poll; ETag makes an unchanged answer a bodiless 304. */
  app.get('/offerings/:id/seats', async (c) => {
    // A bad id answers a bare 404 here, not the 404 page: seat badges poll this fragment.
    const id = parseId(c.req.param('id'));
    const seats = id === null ? null : await catalogue.seats(id);
    if (!seats || id === null) return c.body(null, 404);
    const html = String(<Seats i18n={c.get('i18n')} seats={{ id, capacity: seats.capacity, taken: seats.taken, waitlisted: seats.waitlisted, live: seats.window === 'open', demand: null }} />);
    c.header('Cache-Control', 'no-cache');
    c.header('Vary', 'Accept-Language, Cookie');
    if (alreadyHeld(c, tagOf(html))) return c.body(null, 304);
    return c.html(html);
  });

  return app;
}
