// Turns an outbox row (kind + payload) into a subject and a text in one language: for the in-app list, e-mail and the webhook.
import { fromJson } from '../db/json.ts';
import type { I18n } from '../kernel/messages.ts';
import type { AttendanceAbout, NotificationKind, NotificationPayloads } from './outbox.ts';

export interface RenderedNotification {
  subject: string;
  /** Plain text, one paragraph per line. */
  text: string;
}

type Context = I18n;

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD day. */
function isoWeekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}

function when(ctx: Context, day: string, time: string): string {
  return ctx.t('notify.when', { date: ctx.format.day(day), weekday: ctx.format.weekday(isoWeekday(day)), time });
}

const lines = (...parts: (string | null | false)[]) => parts.filter((part): part is string => typeof part === 'string' && part !== '').join('\n');
const reasonLine = (ctx: Context, reason: string) => (reason.trim() === '' ? null : ctx.t('notify.reason', { reason: reason.trim() }));

function attendance(ctx: Context, kind: 'child_absent' | 'absent_again', about: AttendanceAbout): RenderedNotification {
  const params = { child: about.childName, title: ctx.pick(about.title, about.titleEn), when: when(ctx, about.day, about.startsAt) };
  return { subject: ctx.t(`notify.${kind}.subject`, params), text: ctx.t(`notify.${kind}.text`, params) };
}

type Renderers = { [K in NotificationKind]: (ctx: Context, payload: NotificationPayloads[K]) => RenderedNotification };

/** One renderer per kind: adding a kind to NotificationPayloads without a text here does not compile. */
const RENDERERS: Renderers = {
  seat_confirmed: (ctx, p) => {
    const params = { child: p.childName, title: ctx.pick(p.title, p.titleEn) };
    return { subject: ctx.t('notify.seat_confirmed.subject', params), text: ctx.t('notify.seat_confirmed.text', params) };
  },
  promoted: (ctx, p) => {
    const params = { child: p.childName, title: ctx.pick(p.title, p.titleEn) };
    return { subject: ctx.t('notify.promoted.subject', params), text: ctx.t('notify.promoted.text', params) };
  },
  waitlisted_by_school: (ctx, p) => {
    const params = { child: p.childName, title: ctx.pick(p.title, p.titleEn), position: ctx.format.number(p.position) };
    return { subject: ctx.t('notify.waitlisted_by_school.subject', params), text: ctx.t('notify.waitlisted_by_school.text', params) };
  },
  withdrawn_by_school: (ctx, p) => {
    const params = { child: p.childName, title: ctx.pick(p.title, p.titleEn) };
    return { subject: ctx.t('notify.withdrawn_by_school.subject', params), text: lines(ctx.t('notify.withdrawn_by_school.text', params), reasonLine(ctx, p.reason)) };
  },
  offering_cancelled: (ctx, p) => {
    const params = { child: p.childName, title: ctx.pick(p.title, p.titleEn) };
    return { subject: ctx.t('notify.offering_cancelled.subject', params), text: lines(ctx.t(`notify.offering_cancelled.text.${p.status}`, params), reasonLine(ctx, p.reason)) };
  },
  moved_by_school: (ctx, p) => {
    const params = {
      child: p.childName,
      title: ctx.pick(p.title, p.titleEn),
      from: ctx.pick(p.fromTitle, p.fromTitleEn),
      status: ctx.t(`notify.status.${p.status}`),
    };
    return { subject: ctx.t('notify.moved_by_school.subject', params), text: lines(ctx.t('notify.moved_by_school.text', params), reasonLine(ctx, p.reason)) };
  },
  meeting_cancelled: (ctx, p) => {
    const params = { child: p.childName, title: ctx.pick(p.title, p.titleEn), date: ctx.format.day(p.day), when: when(ctx, p.day, p.startsAt) };
    return { subject: ctx.t('notify.meeting_cancelled.subject', params), text: lines(ctx.t('notify.meeting_cancelled.text', params), reasonLine(ctx, p.reason)) };
  },
  meeting_moved: (ctx, p) => {
    const newWhen = ctx.t('notify.whenRange', { date: ctx.format.day(p.toDay), weekday: ctx.format.weekday(isoWeekday(p.toDay)), start: p.toStartsAt, end: p.toEndsAt });
    const params = { child: p.childName, title: ctx.pick(p.title, p.titleEn), date: ctx.format.day(p.day), when: when(ctx, p.day, p.startsAt), newWhen };
    return {
      subject: ctx.t('notify.meeting_moved.subject', params),
      text: lines(ctx.t('notify.meeting_moved.text', params), p.room.trim() === '' ? null : ctx.t('notify.room', { room: p.room.trim() }), reasonLine(ctx, p.reason)),
    };
  },
  child_absent: (ctx, p) => attendance(ctx, 'child_absent', p),
  absent_again: (ctx, p) => attendance(ctx, 'absent_again', p),
  absence_cleared: (ctx, p) => {
    const params = { child: p.childName, title: ctx.pick(p.title, p.titleEn), when: when(ctx, p.day, p.startsAt), mark: ctx.t(`attendance.mark.${p.mark}`) };
    return { subject: ctx.t('notify.absence_cleared.subject', params), text: ctx.t('notify.absence_cleared.text', params) };
  },
  lottery_seat: (ctx, p) => {
    const params = { child: p.childName, title: ctx.pick(p.title, p.titleEn) };
    return { subject: ctx.t('notify.lottery_seat.subject', params), text: ctx.t('notify.lottery_seat.text', params) };
  },
  lottery_waitlisted: (ctx, p) => {
    const params = { child: p.childName, title: ctx.pick(p.title, p.titleEn), position: ctx.format.number(p.position) };
    return { subject: ctx.t('notify.lottery_waitlisted.subject', params), text: ctx.t('notify.lottery_waitlisted.text', params) };
  },
  lottery_none: (ctx, p) => {
    const params = { child: p.childName };
    return { subject: ctx.t('notify.lottery_none.subject', params), text: ctx.t('notify.lottery_none.text', params) };
  },
  pupil_unlisted: (ctx, p) => {
    const params = { child: p.childName, school: ctx.pick(p.school, p.schoolEn) };
    return {
      subject: ctx.t('notify.pupil_unlisted.subject', params),
      text: lines(ctx.t(`notify.pupil_unlisted.text.${p.reason}`, params), p.checked === true && ctx.t('notify.pupil_unlisted.checked', params)),
    };
  },
  child_unverified: (ctx, p) => {
    const params = { child: p.childName, school: ctx.pick(p.school, p.schoolEn) };
    return { subject: ctx.t('notify.child_unverified.subject', params), text: ctx.t(`notify.child_unverified.text.${p.reason}`, params) };
  },
  child_verified: (ctx, p) => {
    const params = { child: p.childName, school: ctx.pick(p.school, p.schoolEn) };
    return { subject: ctx.t('notify.child_verified.subject', params), text: ctx.t('notify.child_verified.text', params) };
  },
  // The sender's words as written, in every language; only the frame around them is translated.
  announcement: (ctx, p) => {
    const params = { title: ctx.pick(p.title, p.titleEn), sender: p.sender };
    return { subject: ctx.t('notify.announcement.subject', params), text: lines(ctx.t('notify.announcement.text', params), p.text) };
  },
  teacher_message: (ctx, p) => {
    const params = { child: p.childName, title: ctx.pick(p.title, p.titleEn), sender: p.sender };
    return { subject: ctx.t('notify.teacher_message.subject', params), text: lines(ctx.t('notify.teacher_message.text', params), p.text) };
  },
};

export const NOTIFICATION_KINDS = Object.keys(RENDERERS) as NotificationKind[];

export function isNotificationKind(kind: string): kind is NotificationKind {
  return Object.hasOwn(RENDERERS, kind);
}

/** The subject and text of a notification in the recipient's language. */
export function renderNotification<K extends NotificationKind>(kind: K, payload: NotificationPayloads[K], i18n: I18n): RenderedNotification {
  const render = RENDERERS[kind] as (ctx: Context, payload: NotificationPayloads[K]) => RenderedNotification;
  return render(i18n, payload);
}

/** The payload column as stored: jsonb arrives parsed (PostgreSQL), text arrives as a JSON string (SQLite). */
export function storedPayload(payload: unknown): unknown {
  try {
    return fromJson(payload);
  } catch {
    return null;
  }
}

/**
 * Renders a row read back from the database. A kind this version does not know, or a payload it cannot
 * read, gives a neutral "new notification" text instead of an error: a message must never break a page.
 */
export function renderStored(kind: string, payload: unknown, i18n: I18n): RenderedNotification {
  const value = storedPayload(payload);
  if (isNotificationKind(kind) && value !== null && typeof value === 'object') {
    try {
      return renderNotification(kind, value as NotificationPayloads[typeof kind], i18n);
    } catch {
      // an unreadable day or number in an old payload: fall through to the neutral text
    }
  }
  return { subject: i18n.t('notify.unknown.subject'), text: i18n.t('notify.unknown.text') };
}

/** Where a notification leads: the offering it is about, else the child's page. */
export function notificationLink(payload: unknown): { kind: 'offering'; href: string } | { kind: 'child'; href: string } | null {
  const value = storedPayload(payload);
  if (value === null || typeof value !== 'object') return null;
  const { offeringId, childId } = value as { offeringId?: unknown; childId?: unknown };
  if (typeof offeringId === 'number' && Number.isSafeInteger(offeringId)) return { kind: 'offering', href: `/offerings/${offeringId}` };
  if (typeof childId === 'number' && Number.isSafeInteger(childId)) return { kind: 'child', href: `/children/${childId}` };
  return null;
}
