// Taking the roll on a phone: "Today", one meeting's roll with one-tap marks, and printable sign-in sheets.
import type { AttendanceMark } from '../../src/kernel/vocabulary.ts';
import type { I18n } from '../../src/kernel/messages.ts';
import type { Chrome } from '../chrome.ts';
import { GuardianMessageForm } from '../components/announcements.tsx';
import { Notice } from '../components/form.tsx';
import { Layout } from '../layout.tsx';

const MARKS: readonly AttendanceMark[] = ['present', 'late', 'absent', 'excused'];

export interface TodayMeetingView {
  id: number;
  day: string;
  startsAt: string;
  endsAt: string;
  room: string;
  title: string;
  enrolled: number;
  marked: number;
  /** Children reported on leave (请假) for this meeting. */
  onLeave?: number;
}

export function TodayPage(props: { chrome: Chrome; today: string; meetings: TodayMeetingView[] }) {
  const { t, format } = props.chrome.i18n;
  const days = [...new Set(props.meetings.map((meeting) => meeting.day))];
  const weekday = (day: string) => format.weekday(new Date(`${day}T00:00:00Z`).getUTCDay() || 7);
  return (
    <Layout chrome={props.chrome} title={t('attendance.today.title')}>
      <h1>{t('attendance.today.title')}</h1>
      <p class="muted">{t('attendance.today.intro')}</p>
      {days.length === 0 ? <p class="empty">{t('attendance.today.none')}</p> : null}
      {days.map((day) => (
        <section class="today-day" aria-labelledby={`day-${day}`}>
          <h2 id={`day-${day}`}>
            {day === props.today ? `${t('attendance.today.todayLabel')} · ` : ''}
            {t('attendance.today.day', { day: format.shortDay(day), weekday: weekday(day) })}
          </h2>
          <ul class="today-list">
            {props.meetings
              .filter((meeting) => meeting.day === day)
              .map((meeting) => {
                const done = meeting.enrolled > 0 && meeting.marked >= meeting.enrolled;
                return (
                  <li class="today-item">
                    <a href={`/teach/meetings/${meeting.id}`} class="today-item__link">
                      <span class="today-item__time">
                        {meeting.startsAt}–{meeting.endsAt}
                      </span>
                      <span class="today-item__title">{meeting.title}</span>
                      {meeting.room ? <span class="today-item__room">{meeting.room}</span> : null}
                    </a>
                    <span class={`tag ${done ? 'tag--open' : meeting.marked > 0 ? 'tag--moved' : ''}`}>
                      {day > props.today
                        ? t('attendance.today.notStarted')
                        : done
                          ? t('attendance.today.allMarked')
                          : t('attendance.today.marked', { marked: meeting.marked, total: meeting.enrolled })}
                    </span>
                    {meeting.onLeave ? <span class="tag tag--moved">{t('leave.today.count', { count: meeting.onLeave })}</span> : null}
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

export interface RollChildView {
  childId: number;
  name: string;
  className: string | null;
  mark: AttendanceMark | null;
  note: string | null;
  /** The child's school grade, shown before the class ("3年级 1班"). */
  grade?: number | null | undefined;
  /** Who may collect the child and its emergency note: only for the offering's teacher and the school's admins. */
  care?: { collectors: { name: string; relation: string; phone: string; dial: string }[]; note: string | null } | undefined;
}

/** The people allowed to collect the child, each a phone link, and a marker that opens the emergency note. */
function RollCare(props: { i18n: I18n; care: NonNullable<RollChildView['care']> }) {
  const { t } = props.i18n;
  const { collectors, note } = props.care;
  return (
    <div class="roll-care">
      {collectors.length > 0 ? (
        <p class="roll-care__collectors">
          <span class="muted">{t('care.roll.collectors')}</span>
          {collectors.map((collector) => (
            <a href={`tel:${collector.dial}`} class="roll-care__collector" aria-label={`${t('care.roll.call', { name: collector.name })} ${collector.phone}`}>
              {t('care.collector.line', { name: collector.name, relation: collector.relation })} <span class="nowrap">{collector.phone}</span>
            </a>
          ))}
        </p>
      ) : null}
      {note ? (
        <details class="roll-care__note">
          <summary>
            <span aria-hidden="true">⚠ </span>
            {t('care.roll.note')}
          </summary>
          <p>{note}</p>
        </details>
      ) : null}
    </div>
  );
}

export interface RollRowState {
  /** The mark before the last tap, for the undo; 'none' when there was none. */
  undoTo?: AttendanceMark | 'none' | undefined;
  message?: { kind: 'success' | 'error' | 'info'; text: string } | undefined;
}

export function RollRow(props: { i18n: I18n; meetingId: number; child: RollChildView; writable: boolean; state?: RollRowState }) {
  const { t } = props.i18n;
  const { child, meetingId, state } = props;
  const id = `roll-${child.childId}`;
  const action = `/teach/meetings/${meetingId}/marks`;
  const swap = { 'hx-target': `#${id}`, 'hx-swap': 'outerHTML' };
  return (
    <li class={`roll-row roll-row--${child.mark ?? 'unmarked'}`} id={id}>
      <p class="roll-row__who">
        <span class="roll-row__name">{child.name}</span>
        {child.grade != null || child.className ? (
          <span class="muted"> {[child.grade != null ? t('attendance.roll.gradeN', { grade: child.grade }) : null, child.className].filter(Boolean).join(t('attendance.roll.gradeClassJoin'))}</span>
        ) : null}
      </p>
      {child.care ? <RollCare i18n={props.i18n} care={child.care} /> : null}
      {props.writable ? (
        <form method="post" action={action} hx-post={action} {...swap} class="roll-row__form">
          <input type="hidden" name="child" value={String(child.childId)} />
          {/* The form's default button: Enter (a phone's Go key) in the note saves the note and keeps the mark,
              never the first mark button below. note_only=1 tells the server to keep whatever mark it holds. */}
          <button type="submit" name="note_only" value="1" class="roll-row__default" tabindex={-1} aria-hidden="true">
            {t('attendance.roll.saveNote')}
          </button>
          <div class="roll-marks" role="group" aria-label={child.name}>
            {MARKS.map((mark) => (
              <button type="submit" name="mark" value={mark} class={`mark-button mark-button--${mark}`} aria-pressed={child.mark === mark ? 'true' : 'false'}>
                {t(`attendance.mark.${mark}`)}
              </button>
            ))}
          </div>
          <details class="roll-row__note" open={child.note ? true : undefined}>
            <summary>{child.note ? `${t('attendance.roll.note')}: ${child.note}` : t('attendance.roll.note')}</summary>
            <label for={`note-${child.childId}`} class="visually-hidden">
              {t('attendance.roll.noteFor', { child: child.name })}
            </label>
            <input id={`note-${child.childId}`} name="note" type="text" maxlength={200} value={child.note ?? ''} />
            {child.mark ? (
              <button type="submit" name="mark" value={child.mark} class="button">
                {t('attendance.roll.saveNote')}
              </button>
            ) : null}
          </details>
        </form>
      ) : (
        <p class="roll-row__readonly">
          {child.mark ? t(`attendance.mark.${child.mark}`) : t('attendance.roll.unmarked')}
          {child.note ? <span class="muted"> · {child.note}</span> : null}
        </p>
      )}
      <GuardianMessageForm i18n={props.i18n} message={{ meetingId, childId: child.childId, childName: child.name }} />
      <div
        class="roll-row__status"
        aria-live="polite"
        data-failed={t('attendance.roll.failed')}
        data-failed-mark={t('attendance.roll.failedMark', { child: child.name, mark: '{mark}' })}
        data-retry={t('attendance.roll.retry')}
        data-saving={t('attendance.roll.saving')}
      >
        {state?.message ? <Notice kind={state.message.kind}>{state.message.text}</Notice> : null}
        {state?.undoTo !== undefined && props.writable ? (
          <form method="post" action={action} hx-post={action} {...swap} class="roll-row__undo">
            <input type="hidden" name="child" value={String(child.childId)} />
            <input type="hidden" name="mark" value={state.undoTo} />
            <input type="hidden" name="undo" value="1" />
            <button type="submit" class="link-button link-button--ink">
              {t('attendance.roll.undo')}
            </button>
          </form>
        ) : null}
      </div>
    </li>
  );
}

export interface RollView {
  meetingId: number;
  offeringId: number;
  title: string;
  day: string;
  startsAt: string;
  endsAt: string;
  room: string;
  state: 'not_yet' | 'open' | 'locked' | 'unlocked' | 'cancelled';
  /** When the marks lock (or the unlock ends), already formatted. */
  until: string;
  children: RollChildView[];
  canUnlock: boolean;
}

// (Not `children`: hono/jsx hands a one-element `children` prop over as the element itself, not an array.)
export function RollCounts(props: { i18n: I18n; pupils: RollChildView[]; oob?: boolean }) {
  const count = (mark: AttendanceMark | null) => props.pupils.filter((child) => child.mark === mark).length;
  return (
    <p class="roll-counts" id="roll-counts" hx-swap-oob={props.oob ? 'true' : undefined}>
      {props.i18n.t('attendance.roll.counts', { present: count('present'), late: count('late'), absent: count('absent'), excused: count('excused'), unmarked: count(null) })}
    </p>
  );
}

/** "Everyone else present": kept in step with each tap (out of band), gone once nobody is left unmarked. */
export function RollRest(props: { i18n: I18n; meetingId: number; unmarked: number; writable: boolean; oob?: boolean }) {
  const action = `/teach/meetings/${props.meetingId}/rest-present`;
  const oob = props.oob ? 'true' : undefined;
  if (!props.writable || props.unmarked === 0) return <div id="roll-rest" hx-swap-oob={oob}></div>;
  return (
    <form id="roll-rest" method="post" action={action} hx-post={action} hx-target="#roll" hx-swap="outerHTML" class="roll-rest" hx-swap-oob={oob}>
      <button type="submit" class="button button--primary button--block">
        {props.i18n.t('attendance.roll.restPresent', { count: props.unmarked })}
      </button>
    </form>
  );
}

/** The list of children with their marks and the "everyone else present" button: swapped whole after that button. */
export function RollList(props: { i18n: I18n; roll: RollView; message?: string }) {
  const { t } = props.i18n;
  const { roll } = props;
  const writable = roll.state === 'open' || roll.state === 'unlocked';
  const unmarked = roll.children.filter((child) => child.mark === null).length;
  return (
    <section id="roll" class="roll" aria-labelledby="roll-title">
      <h2 id="roll-title" class="visually-hidden">
        {t('attendance.roll.title', { title: roll.title })}
      </h2>
      <RollCounts i18n={props.i18n} pupils={roll.children} />
      {props.message ? <Notice kind="success">{props.message}</Notice> : null}
      {roll.children.length === 0 ? <p class="empty">{t('attendance.roll.empty')}</p> : null}
      <ul class="roll-list">
        {roll.children.map((child) => (
          <RollRow i18n={props.i18n} meetingId={roll.meetingId} child={child} writable={writable} />
        ))}
      </ul>
      <RollRest i18n={props.i18n} meetingId={roll.meetingId} unmarked={unmarked} writable={writable} />
    </section>
  );
}

export function RollPage(props: { chrome: Chrome; roll: RollView; unlockForm?: { reason: string; error?: string | undefined } | undefined; notice?: string | undefined }) {
  const { t, format } = props.chrome.i18n;
  const { roll } = props;
  const weekday = format.weekday(new Date(`${roll.day}T00:00:00Z`).getUTCDay() || 7);
  const stateNotice = {
    not_yet: { kind: 'info' as const, text: t('attendance.roll.notYet') },
    open: { kind: 'info' as const, text: t('attendance.roll.editableUntil', { until: roll.until }) },
    unlocked: { kind: 'info' as const, text: t('attendance.roll.unlocked', { until: roll.until }) },
    locked: { kind: 'error' as const, text: t('attendance.roll.locked', { until: roll.until }) },
    cancelled: { kind: 'info' as const, text: t('attendance.roll.cancelled') },
  }[roll.state];
  return (
    <Layout chrome={props.chrome} title={t('attendance.roll.title', { title: roll.title })}>
      <p>
        <a href="/teach">← {t('attendance.roll.back')}</a>
      </p>
      <h1>{roll.title}</h1>
      <p class="roll-when">
        {t('attendance.roll.when', { day: format.day(roll.day), weekday, start: roll.startsAt, end: roll.endsAt })}
        {roll.room ? ` · ${t('attendance.roll.room', { room: roll.room })}` : ''}
      </p>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <Notice kind={stateNotice.kind}>{stateNotice.text}</Notice>
      <RollList i18n={props.chrome.i18n} roll={roll} />
      {props.roll.canUnlock && roll.state === 'locked' ? (
        <section class="card" aria-labelledby="unlock-title">
          <h2 id="unlock-title">{t('attendance.unlock.title')}</h2>
          <form method="post" action={`/teach/meetings/${roll.meetingId}/unlock`}>
            <div class={props.unlockForm?.error ? 'field field--invalid' : 'field'}>
              <label for="unlock-reason">{t('attendance.unlock.reason')}</label>
              <input
                id="unlock-reason"
                name="reason"
                type="text"
                maxlength={200}
                required
                value={props.unlockForm?.reason ?? ''}
                aria-describedby={props.unlockForm?.error ? 'unlock-reason-error' : undefined}
                aria-invalid={props.unlockForm?.error ? 'true' : undefined}
              />
              {props.unlockForm?.error ? (
                <p class="field__error" id="unlock-reason-error">
                  {props.unlockForm.error}
                </p>
              ) : null}
            </div>
            <button type="submit" class="button">
              {t('attendance.unlock.submit')}
            </button>
          </form>
        </section>
      ) : null}
      <p class="roll-sheets">
        <a href={`/teach/meetings/${roll.meetingId}/sheet`}>{t('attendance.roll.sheet')}</a>
        {' · '}
        <a href={`/teach/offerings/${roll.offeringId}/sheet`}>{t('attendance.roll.termSheet')}</a>
      </p>
      <script src="/static/roll.js" defer></script>
    </Layout>
  );
}

/** A sign-in sheet: children down the side, one blank box per meeting across (one meeting, or the whole term). */
export function SheetPage(props: {
  chrome: Chrome;
  title: string;
  teacher: string | null;
  subtitle: string;
  days: { label: string }[];
  pupils: { name: string; className: string | null }[];
  wide: boolean;
}) {
  const { t } = props.chrome.i18n;
  return (
    <Layout chrome={props.chrome} title={props.title}>
      <div class={props.wide ? 'sheet sheet--term' : 'sheet'}>
        <h1>{props.title}</h1>
        <p>
          {props.subtitle}
          {props.teacher ? ` · ${t('attendance.sheet.teacher', { name: props.teacher })}` : ''}
        </p>
        <div class="table-scroll" tabindex={0} role="region" aria-label={props.title}>
          <table class="sheet-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('attendance.sheet.child')}</th>
                <th scope="col">{t('attendance.sheet.class')}</th>
                {props.days.map((day) => (
                  <th scope="col">{day.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.pupils.map((child, index) => (
                <tr>
                  <td>{index + 1}</td>
                  <th scope="row">{child.name}</th>
                  <td>{child.className ?? ''}</td>
                  {props.days.map(() => (
                    <td class="sheet-table__box"></td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </Layout>
  );
}
