// HTTP for the roll: /teach (today), /teach/meetings/:id (one meeting), marks, unlock and sign-in sheets.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { type RollChildView, RollList, RollRest, RollPage, RollRow, type RollRowState, RollCounts, SheetPage, TodayPage, type RollView } from '../../views/pages/attendance.tsx';
import { type AttendanceReport, AttendanceReportPage, percent } from '../../views/pages/attendance-report.tsx';
import { CATEGORY_CODES } from '../kernel/categories.ts';
import { requireAdmin, requireRole } from '../http/guards.ts';
import { addDays } from '../kernel/calendar.ts';
import type { AppEnv } from '../http/app-env.ts';
import { csvFromRows } from '../http/csv.ts';
import { parseForm, textField, translateErrors } from '../http/forms.ts';
import { chromeFor, errorPage, respond } from '../http/pages.tsx';
import { ids } from '../http/validators.ts';
import type { SessionUser } from '../kernel/roles.ts';
import type { I18n, MessageKey } from '../kernel/messages.ts';
import { ABSENCE_FLAG } from './report.policy.ts';
import type { AttendanceService, MarkResult } from './attendance.service.ts';
import { parseId } from '../kernel/ids.ts';

const last = (value: unknown) => (Array.isArray(value) ? value.at(-1) : value);

const markSchema = z.object({
  child: z.preprocess(last, z.string({ error: 'form.required' }).refine((text) => parseId(text) !== null, { error: 'attendance.error.notEnrolled' })),
  // Optional only with note_only=1 (Enter in a note): then the server keeps the mark it holds.
  mark: z.preprocess(last, z.enum(['present', 'late', 'absent', 'excused', 'none'], { error: 'attendance.error.mark' })).optional(),
  note: textField(200, { optional: true }).optional(),
  undo: z.preprocess(last, z.literal('1')).optional(),
  note_only: z.preprocess(last, z.literal('1')).optional(),
}).refine((form) => form.mark !== undefined || form.note_only === '1', { path: ['mark'], error: 'attendance.error.mark' });

const unlockSchema = z.object({ reason: textField(200) });

const reportFilterSchema = z.object({
  category: z.union([z.literal(''), z.enum(CATEGORY_CODES)]).optional(),
  weekday: z.union([z.literal(''), z.string().regex(/^[1-7]$/)]).optional(),
});

/** The report as CSV rows: one per offering, then one per category and the total (UTF-8 with a BOM for Excel). */
function reportCsv(i18n: I18n, report: AttendanceReport): string {
  const { t } = i18n;
  const category = (code: string) => ((CATEGORY_CODES as readonly string[]).includes(code) ? t(`category.${code}` as MessageKey) : code);
  const figures = (row: AttendanceReport['total']) => [row.enrolled, row.capacity, percent(i18n, row.fillRate), row.present, row.late, row.absent, row.excused, percent(i18n, row.attendanceRate)];
  const rows = [
    ...report.offerings.map((row) => [t('report.level.offering'), row.offering.code, row.offering.title, category(row.offering.category), ...figures(row), row.flagged]),
    ...report.categories.map((row) => [t('report.level.category'), '', '', category(row.category), ...figures(row), '']),
    [t('report.level.total'), '', '', '', ...figures(report.total), report.flagged.length],
  ];
  const header = (['level', 'code', 'title', 'category', 'enrolled', 'capacity', 'fill', 'present', 'late', 'absent', 'excused', 'rate', 'flagged'] as const).map((column) => t(`report.col.${column}`));
  return csvFromRows([header, ...rows]);
}

const REFUSAL: Record<Exclude<MarkResult, { ok: true }>['reason'], MessageKey> = {
  not_found: 'error.notFound.body',
  not_enrolled: 'attendance.error.notEnrolled',
  locked: 'attendance.error.locked',
  not_yet: 'attendance.error.notYet',
  alarm_sent: 'attendance.error.alarmSent',
};

export function attendanceRoutes(deps: { attendance: AttendanceService }) {
  const { attendance } = deps;
  const app = new Hono<AppEnv>();
  const staff = requireRole(['teacher', 'school_admin', 'district_admin'], (c, status) => errorPage(c, status));
  const admins = requireAdmin();

  async function rollView<E extends AppEnv>(c: Context<E>, actor: SessionUser, id: number, view?: 'roll' | 'roll.sheet'): Promise<RollView | null> {
    const roll = await attendance.roll(actor, id, view);
    if (!roll) return null;
    const { meeting } = roll;
    const { format, pick } = c.get('i18n');
    // The window closes at midnight after the next day: say "until the end of <that day>", not "until 00:00".
    const until = roll.state === 'unlocked' && meeting.unlocked_until ? format.dateTime(meeting.unlocked_until) : format.day(addDays(meeting.day, 1));
    return {
      meetingId: meeting.id,
      offeringId: meeting.offering_id,
      title: pick(meeting.title_zh, meeting.title_en),
      day: meeting.day,
      startsAt: meeting.starts_at,
      endsAt: meeting.ends_at,
      room: meeting.room,
      state: meeting.status === 'scheduled' ? roll.state : 'cancelled',
      until,
      children: roll.children.map((child) => {
        const row = { childId: child.child_id, name: child.name, grade: child.grade, className: child.class_name, care: roll.care.get(child.child_id) };
        // A child on leave (请假) shows excused with the guardians' reason until the teacher marks otherwise.
        const leaveReason = child.mark === null ? roll.leaveReasons.get(child.child_id) : undefined;
        if (leaveReason !== undefined) return { ...row, mark: 'excused' as const, note: c.get('i18n').t('leave.roll.note', { reason: leaveReason }) };
        return { ...row, mark: child.mark, note: child.note };
      }),
      canUnlock: actor.role === 'school_admin' || actor.role === 'district_admin',
    };
  }

  app.get('/teach', staff, async (c) => {
    const { today, meetings } = await attendance.upcoming(c.get('user'));
    const { pick } = c.get('i18n');
    return respond(c, {
      page: () => (
        <TodayPage
          chrome={chromeFor(c)}
          today={today}
          meetings={meetings.map((meeting) => ({
            id: meeting.id,
            day: meeting.day,
            startsAt: meeting.starts_at,
            endsAt: meeting.ends_at,
            room: meeting.room,
            title: pick(meeting.title_zh, meeting.title_en),
            enrolled: meeting.seats_taken,
            marked: Number(meeting.marked),
            onLeave: Number(meeting.on_leave),
          }))}
        />
      ),
    });
  });

  app.get('/teach/meetings/:id', staff, ids('id'), async (c) => {
    const { id } = c.req.valid('param');
    const roll = await rollView(c, c.get('user'), id, 'roll');
    if (!roll) return errorPage(c, 404);
    const notice = c.req.query('unlocked') === '1' ? c.get('i18n').t('attendance.unlock.done', { until: roll.until }) : undefined;
    return respond(c, { page: () => <RollPage chrome={chromeFor(c)} roll={roll} notice={notice} /> });
  });

  app.post('/teach/meetings/:id/marks', staff, ids('id'), async (c) => {
    const { id } = c.req.valid('param');
    const { t } = c.get('i18n');
    const parsed = await parseForm(c, markSchema);
    const roll = await rollView(c, c.get('user'), id);
    if (!roll) return errorPage(c, 404);
    const childId = parsed.ok ? Number(parsed.data.child) : Number(parsed.values.child);
    const current = roll.children.find((child) => child.childId === childId);
    const writable = roll.state === 'open' || roll.state === 'unlocked';

    const answer = (child: RollChildView, state: RollRowState, status: 200 | 422, children: RollChildView[]) => {
      if (!c.get('htmx')) return c.redirect(`/teach/meetings/${id}#roll-${child.childId}`, 303);
      return c.html(
        <>
          <RollRow i18n={c.get('i18n')} meetingId={id} child={child} writable={writable} state={state} />
          <RollCounts i18n={c.get('i18n')} pupils={children} oob />
          <RollRest i18n={c.get('i18n')} meetingId={id} unmarked={children.filter((one) => one.mark === null).length} writable={writable} oob />
        </>,
        status,
      );
    };
    const refuse = (key: MessageKey) => {
      if (!current) return c.get('htmx') ? c.html(<p class="notice notice--error">{t(key)}</p>, 422) : errorPage(c, 404);
      return answer(current, { message: { kind: 'error', text: t(key) } }, 422, roll.children);
    };

    if (!parsed.ok) {
      const message = Object.values(translateErrors(c.get('i18n'), parsed.errors))[0];
      return current ? answer(current, { message: { kind: 'error', text: message ?? t('attendance.error.mark') } }, 422, roll.children) : refuse('attendance.error.notEnrolled');
    }
    if (!current) return refuse('attendance.error.notEnrolled');
    // note_only (the note's Enter key): save the note under the mark the server holds, never change the mark.
    if (parsed.data.note_only && current.mark === null) return refuse('attendance.error.noteNeedsMark');
    const asked = parsed.data.note_only ? current.mark : parsed.data.mark;
    const wanted = asked === 'none' || asked === undefined ? null : asked;
    const note = parsed.data.note === undefined ? undefined : parsed.data.note.trim() === '' ? null : parsed.data.note.trim();
    const result = await attendance.mark(c.get('user'), id, childId, wanted, note);
    if (!result.ok) return refuse(REFUSAL[result.reason]);
    // A mark taken back from a child on leave shows the leave again (excused with the guardians' reason).
    const onLeave = result.mark === null ? (await rollView(c, c.get('user'), id))?.children.find((child) => child.childId === childId) : undefined;
    const updated: RollChildView = onLeave ?? { ...current, mark: result.mark, note: result.note };
    const children = roll.children.map((child) => (child.childId === childId ? updated : child));
    const saved = result.mark ? t('attendance.roll.saved', { mark: t(`attendance.mark.${result.mark}`) }) : t('attendance.roll.cleared');
    const text = result.guardiansTold
      ? t('attendance.roll.guardiansTold', { saved })
      : result.alarmDueAt
        ? t('attendance.roll.guardiansSoon', { saved, minutes: Math.max(1, Math.ceil((result.alarmDueAt.getTime() - Date.parse(result.markedAt ?? '')) / 60_000)) })
        : result.alarmWithdrawn
          ? t('attendance.roll.alarmWithdrawn', { saved })
          : saved;
    // An undo offers no undo of itself; a fresh mark offers going back to what was there before.
    const undoTo = parsed.data.undo ? undefined : result.previous === result.mark ? undefined : (result.previous ?? 'none');
    return answer(updated, { message: { kind: 'success', text }, undoTo }, 200, children);
  });

  app.post('/teach/meetings/:id/rest-present', staff, ids('id'), async (c) => {
    const { id } = c.req.valid('param');
    const result = await attendance.markRestPresent(c.get('user'), id);
    if (!result.ok && result.reason === 'not_found') return errorPage(c, 404);
    const roll = await rollView(c, c.get('user'), id);
    if (!roll) return errorPage(c, 404);
    if (!c.get('htmx')) return c.redirect(`/teach/meetings/${id}`, 303);
    const { t } = c.get('i18n');
    if (!result.ok) return c.html(<RollList i18n={c.get('i18n')} roll={roll} />, 422);
    return c.html(<RollList i18n={c.get('i18n')} roll={roll} message={t('attendance.roll.restPresentDone', { count: result.marked })} />);
  });

  app.post('/teach/meetings/:id/unlock', admins, ids('id'), async (c) => {
    const { id } = c.req.valid('param');
    const parsed = await parseForm(c, unlockSchema);
    const roll = await rollView(c, c.get('user'), id);
    if (!roll) return errorPage(c, 404);
    if (!parsed.ok) {
      const error = translateErrors(c.get('i18n'), parsed.errors).reason;
      return respond(c, { page: () => <RollPage chrome={chromeFor(c, `/teach/meetings/${id}`)} roll={roll} unlockForm={{ reason: parsed.values.reason ?? '', error }} /> }, 422);
    }
    const result = await attendance.unlock(c.get('user'), id, parsed.data.reason.trim());
    if (!result.ok && result.reason === 'not_found') return errorPage(c, 404);
    if (!result.ok) {
      return respond(
        c,
        { page: () => <RollPage chrome={chromeFor(c, `/teach/meetings/${id}`)} roll={roll} unlockForm={{ reason: parsed.data.reason, error: c.get('i18n').t('attendance.error.notLocked') }} /> },
        422,
      );
    }
    return c.redirect(`/teach/meetings/${id}?unlocked=1`, 303);
  });

  async function report<E extends AppEnv>(c: Context<E>, actor: SessionUser, termId: number, view?: 'attendance.report') {
    const filter = reportFilterSchema.safeParse({ category: c.req.query('category'), weekday: c.req.query('weekday') });
    const filters = filter.success ? { category: filter.data.category ?? '', weekday: filter.data.weekday ?? '' } : { category: '', weekday: '' };
    const found = await attendance.report(actor, termId, { category: filters.category || undefined, weekday: filters.weekday ? Number(filters.weekday) : undefined }, c.get('i18n').lang, view);
    return found ? { ...found, termId, filters, filterError: !filter.success } : null;
  }

  app.get('/admin/terms/:termId/attendance', admins, ids('termId'), async (c) => {
    const found = await report(c, c.get('user'), c.req.valid('param').termId, 'attendance.report');
    if (!found) return errorPage(c, 404);
    const query = new URLSearchParams(Object.entries(found.filters).filter(([, value]) => value !== '')).toString();
    return respond(
      c,
      {
        page: () => (
          <AttendanceReportPage
            chrome={chromeFor(c)}
            termId={found.termId}
            termName={c.get('i18n').pick(found.term.name_zh, found.term.name_en)}
            filters={found.filters}
            filterError={found.filterError}
            report={found.report}
            flagThreshold={ABSENCE_FLAG}
            offeringTitles={new Map(found.report.offerings.map((row) => [row.offering.id, row.offering.title]))}
            csvHref={`/admin/terms/${found.termId}/attendance.csv${query ? `?${query}` : ''}`}
          />
        ),
      },
      found.filterError ? 400 : 200,
    );
  });

  app.get('/admin/terms/:termId/attendance.csv', admins, ids('termId'), async (c) => {
    const found = await report(c, c.get('user'), c.req.valid('param').termId);
    if (!found) return errorPage(c, 404);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="attendance-term-${found.termId}.csv"`);
    return c.body(reportCsv(c.get('i18n'), found.report), found.filterError ? 400 : 200);
  });

  app.get('/teach/meetings/:id/sheet', staff, ids('id'), async (c) => {
    const roll = await rollView(c, c.get('user'), c.req.valid('param').id, 'roll.sheet');
    if (!roll) return errorPage(c, 404);
    const { t, format } = c.get('i18n');
    return c.html(
      <SheetPage
        chrome={chromeFor(c)}
        title={t('attendance.sheet.title', { title: roll.title })}
        teacher={null}
        subtitle={`${format.day(roll.day)} ${roll.startsAt}–${roll.endsAt}${roll.room ? ` · ${roll.room}` : ''}`}
        days={[{ label: t('attendance.sheet.signature') }]}
        pupils={roll.children}
        wide={false}
      />,
    );
  });

  app.get('/teach/offerings/:id/sheet', staff, ids('id'), async (c) => {
    const sheet = await attendance.termSheet(c.get('user'), c.req.valid('param').id);
    if (!sheet) return errorPage(c, 404);
    const { t, format, pick } = c.get('i18n');
    const title = pick(sheet.offering.title_zh, sheet.offering.title_en);
    return c.html(
      <SheetPage
        chrome={chromeFor(c)}
        title={t('attendance.sheet.termTitle', { title })}
        teacher={sheet.offering.teacher_name}
        subtitle={pick(sheet.offering.term_name_zh, sheet.offering.term_name_en)}
        days={sheet.meetings.map((meeting) => ({ label: format.shortDay(meeting.day) }))}
        pupils={sheet.children.map((child) => ({ name: child.name, className: child.class_name }))}
        wide
      />,
    );
  });

  return app;
}
