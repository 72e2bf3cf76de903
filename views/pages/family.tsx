// "My family": a parent's children with their weeks, the forms that add a child or join one with a code,
// and the page of one child: its week, enrolments, record, guardians, invitation and calendar feed.
import type { Timetable } from '../../src/family/timetable.policy.ts';
import type { I18n } from '../../src/kernel/messages.ts';
import type { Chrome, FormState } from '../chrome.ts';
import { ErrorSummary, Field, Notice, Select } from '../components/form.tsx';
import { UpcomingMeetings, type UpcomingView, WeekTimetable } from '../components/timetable.tsx';
import { CONSENT_VERSION } from '../../src/family/consent.policy.ts';
import { Layout } from '../layout.tsx';
import { ChildDataSection, type ChildDataView } from './privacy.tsx';
import { percent } from './attendance-report.tsx';

export type ChildFormField = 'name' | 'school' | 'grade' | 'class' | 'consent';

export interface ChildCard {
  id: number;
  name: string;
  schoolName: string;
  schoolSlug: string;
  grade: number;
  className: string | null;
}

export interface SchoolOption {
  value: string;
  label: string;
}

/**
 * The guardian's tick to the privacy text, next to a link to its full text; the box's value is the version shown,
 * so the server records which text was agreed to.
 */
export function ConsentBox(props: { i18n: I18n; id: string; version: string; checked: boolean; error: string | undefined }) {
  const { t } = props.i18n;
  const errorId = props.error ? `${props.id}-error` : undefined;
  return (
    <div class={props.error ? 'field field--invalid consent' : 'field consent'}>
      {props.error ? (
        <p class="field__error" id={errorId}>
          {props.error}
        </p>
      ) : null}
      <label class="consent__label" for={props.id}>
        <input id={props.id} type="checkbox" name="consent" value={props.version} checked={props.checked} required aria-invalid={props.error ? 'true' : undefined} aria-describedby={errorId} />{' '}
        {t('privacy.consent.label', { version: props.version })}
      </label>{' '}
      <a href="/privacy" target="_blank" rel="noopener">
        {t('privacy.consent.read')}
      </a>
    </div>
  );
}

export function ChildForm(props: { i18n: I18n; action: string; form: FormState<ChildFormField>; schools: SchoolOption[]; submit: string; saved?: string | undefined; consentVersion?: string | undefined }) {
  const { t } = props.i18n;
  const { values, errors } = props.form;
  const grades = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: t('family.gradeN', { grade: i + 1 }) }));
  return (
    <form method="post" action={props.action} class="form" id="child-form" hx-post={props.action} hx-target="this" hx-swap="outerHTML" novalidate>
      {props.saved ? <Notice kind="success">{props.saved}</Notice> : null}
      <ErrorSummary message={t('form.errorSummary')} errors={errors} ids={{ name: 'child-name', school: 'child-school', grade: 'child-grade', class: 'child-class', consent: 'child-consent' }} />
      <Field id="child-name" name="name" label={t('family.field.name')} value={values.name} error={errors.name} required maxlength={40} autocomplete="off" />
      <Select id="child-school" name="school" label={t('family.field.school')} value={values.school} error={errors.school} options={[{ value: '', label: '—' }, ...props.schools]} required />
      <Select id="child-grade" name="grade" label={t('family.field.grade')} value={values.grade} error={errors.grade} options={grades} required />
      <Field id="child-class" name="class" label={t('family.field.class')} hint={t('family.field.classHint')} value={values.class} error={errors.class} maxlength={20} />
      {props.consentVersion ? <ConsentBox i18n={props.i18n} id="child-consent" version={props.consentVersion} checked={values.consent === props.consentVersion} error={errors.consent} /> : null}
      <button type="submit" class="button button--primary">
        {props.submit}
      </button>
    </form>
  );
}

export type Message = { kind: 'success' | 'error' | 'info'; text: string; link?: { href: string; text: string } | undefined };

function MessageNotice(props: { message: Message | undefined }) {
  const { message } = props;
  if (!message) return null;
  return (
    <Notice kind={message.kind}>
      <p>
        {message.text}
        {message.link ? (
          <>
            {' '}
            <a href={message.link.href}>{message.link.text}</a>
          </>
        ) : null}
      </p>
    </Notice>
  );
}

/** What the week sections show of one child (already in the reader's language). */
export interface ChildWeekView {
  /** Null when the school has no current term. */
  termName: string | null;
  timetable: Timetable;
  upcoming: UpcomingView[];
}

/** The timetable and the next two weeks; `level` is the heading level these sections sit at. */
export function ChildWeekSections(props: { i18n: I18n; child: ChildCard; week: ChildWeekView; level: 2 | 3 | 4 }) {
  const { t } = props.i18n;
  const { week } = props;
  const Heading = `h${props.level}` as 'h2';
  const idBase = `child-${props.child.id}`;
  return (
    <>
      <section class="child-week" aria-labelledby={`${idBase}-week`}>
        <Heading id={`${idBase}-week`}>{t('family.week.title')}</Heading>
        {week.termName === null ? (
          <p class="muted">{t('family.week.noTerm')}</p>
        ) : week.timetable.rows.length === 0 ? (
          <p class="muted">{t('family.week.empty')}</p>
        ) : (
          <WeekTimetable
            i18n={props.i18n}
            caption={t('family.week.caption', { child: props.child.name, term: week.termName })}
            dayListLabel={t('family.week.dayList', { child: props.child.name })}
            timetable={week.timetable}
          />
        )}
      </section>
      <section class="child-upcoming" aria-labelledby={`${idBase}-upcoming`}>
        <Heading id={`${idBase}-upcoming`}>{t('family.upcoming.title')}</Heading>
        <UpcomingMeetings i18n={props.i18n} meetings={week.upcoming} />
      </section>
    </>
  );
}

function ChildFacts(props: { i18n: I18n; child: ChildCard }) {
  const { t } = props.i18n;
  const { child } = props;
  return (
    <p class="muted">
      {child.schoolName} · {t('family.gradeN', { grade: child.grade })}
      {child.className ? ` · ${child.className}` : ''}
    </p>
  );
}

export type JoinFormField = 'code' | 'consent';

export function JoinForm(props: { i18n: I18n; form: FormState<JoinFormField>; message?: Message | undefined }) {
  const { t } = props.i18n;
  return (
    <form method="post" action="/family/join" class="form" id="join-form" hx-post="/family/join" hx-target="this" hx-swap="outerHTML" novalidate>
      <MessageNotice message={props.message} />
      <Field
        id="join-code"
        name="code"
        label={t('family.join.field')}
        hint={t('family.join.hint')}
        value={props.form.values.code}
        error={props.form.errors.code}
        required
        maxlength={20}
        autocomplete="off"
      />
      <ConsentBox i18n={props.i18n} id="join-consent" version={CONSENT_VERSION} checked={props.form.values.consent === CONSENT_VERSION} error={props.form.errors.consent} />
      <button type="submit" class="button button--primary">
        {t('family.join.submit')}
      </button>
    </form>
  );
}

export interface FamilyChild extends ChildCard {
  week: ChildWeekView;
}

export function FamilyPage(props: {
  chrome: Chrome;
  /** Not `children`: hono/jsx treats that prop as the element's content. */
  childList: FamilyChild[];
  form: FormState<ChildFormField>;
  join: FormState<JoinFormField>;
  joinMessage?: Message | undefined;
  schools: SchoolOption[];
  added?: string | undefined;
  notice?: Message | undefined;
}) {
  const { t } = props.chrome.i18n;
  const i18n = props.chrome.i18n;
  return (
    <Layout chrome={props.chrome} title={t('family.title')}>
      <h1>{t('family.title')}</h1>
      <p class="lead">{t('family.lead')}</p>
      {props.added ? <Notice kind="success">{props.added}</Notice> : null}
      <MessageNotice message={props.notice} />
      <section class="family-children" aria-labelledby="family-children">
        <h2 id="family-children">{t('family.children')}</h2>
        {props.childList.length === 0 ? (
          <p class="card">{t('family.noChildren')}</p>
        ) : (
          <ul class="child-list">
            {props.childList.map((child) => (
              <li class="card child-card">
                <h3>
                  <a href={`/children/${child.id}`}>{child.name}</a>
                </h3>
                <ChildFacts i18n={i18n} child={child} />
                <p>
                  <a href={`/s/${child.schoolSlug}?grade=${child.grade}`}>{t('family.browse', { school: child.schoolName })}</a>
                </p>
                <ChildWeekSections i18n={i18n} child={child} week={child.week} level={4} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <div class="split split--even">
        <section class="card" aria-labelledby="family-add">
          <h2 id="family-add">{t('family.addChild')}</h2>
          <ChildForm i18n={i18n} action="/children" form={props.form} schools={props.schools} submit={t('family.addChild')} consentVersion={CONSENT_VERSION} />
        </section>
        <section class="card" aria-labelledby="family-join">
          <h2 id="family-join">{t('family.join.title')}</h2>
          <p>{t('family.join.lead')}</p>
          <JoinForm i18n={i18n} form={props.join} message={props.joinMessage} />
        </section>
      </div>
    </Layout>
  );
}

export interface GuardianView {
  id: number;
  name: string;
  you: boolean;
}

/** Who looks after the child; removing one asks first (`confirming` names whom). */
export function GuardiansSection(props: { i18n: I18n; child: ChildCard; guardians: GuardianView[]; confirming?: number | null; message?: Message | undefined }) {
  const { t } = props.i18n;
  const { child } = props;
  const target = { 'hx-target': '#guardians', 'hx-swap': 'outerHTML' };
  const onlyOne = props.guardians.length <= 1;
  return (
    <section class="card" id="guardians" aria-labelledby="guardians-title">
      <h2 id="guardians-title">{t('family.guardians.title')}</h2>
      <p class="muted">{t('family.guardians.lead', { child: child.name })}</p>
      <MessageNotice message={props.message} />
      <ul class="guardian-list">
        {props.guardians.map((guardian) => {
          const action = `/children/${child.id}/guardians/${guardian.id}/remove`;
          return (
            <li class="guardian">
              <span class="guardian__name">
                {guardian.name}
                {guardian.you ? ` ${t('family.guardians.you')}` : ''}
              </span>
              {onlyOne ? null : props.confirming === guardian.id ? (
                <form method="post" action={action} hx-post={action} class="guardian__confirm" {...target}>
                  <p>{guardian.you ? t('family.guardians.confirmLeave', { child: child.name }) : t('family.guardians.confirmRemove', { name: guardian.name, child: child.name })}</p>
                  <input type="hidden" name="confirm" value="yes" />
                  <button type="submit" class="button">
                    {t('family.guardians.confirm')}
                  </button>{' '}
                  <a href={`/children/${child.id}#guardians`}>{t('family.guardians.keep')}</a>
                </form>
              ) : (
                <form method="post" action={action} hx-post={action} {...target}>
                  <button type="submit" class="link-button link-button--ink" aria-label={guardian.you ? undefined : t('family.guardians.removeNamed', { name: guardian.name })}>
                    {guardian.you ? t('family.guardians.leave') : t('family.guardians.remove')}
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      {onlyOne ? <p class="muted">{t('family.guardians.onlyOne')}</p> : null}
    </section>
  );
}

/** The invitation for a second guardian; a new code is shown only in the answer that made it. */
export function InviteSection(props: { i18n: I18n; child: ChildCard; created?: { code: string; expires: string } | undefined }) {
  const { t } = props.i18n;
  const action = `/children/${props.child.id}/invites`;
  return (
    <section class="card" id="invite" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('family.invite.title')}</h2>
      <p>{t('family.invite.lead', { child: props.child.name })}</p>
      {props.created ? (
        <Notice kind="success">
          <p>
            {t('family.invite.code')}: <code class="invite-code">{props.created.code}</code>
          </p>
          <p>{t('family.invite.shownOnce', { expires: props.created.expires })}</p>
        </Notice>
      ) : null}
      <form method="post" action={action} hx-post={action} hx-target="#invite" hx-swap="outerHTML">
        <button type="submit" class="button">
          {t('family.invite.create')}
        </button>
      </form>
      <p class="field__hint">{t('family.invite.replaces')}</p>
    </section>
  );
}

/** The private calendar link: create it, copy or open it, replace it or turn it off. */
export function CalendarSection(props: { i18n: I18n; child: ChildCard; feed: { url: string; webcal: string } | null; message?: Message | undefined }) {
  const { t } = props.i18n;
  const base = `/children/${props.child.id}/calendar-feed`;
  const target = { 'hx-target': '#calendar', 'hx-swap': 'outerHTML' };
  return (
    <section class="card" id="calendar" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('family.calendar.title')}</h2>
      <p>{t('family.calendar.lead', { child: props.child.name })}</p>
      <MessageNotice message={props.message} />
      {props.feed ? (
        <>
          <div class="field">
            <label for="calendar-url">{t('family.calendar.url')}</label>
            <input id="calendar-url" type="url" readonly value={props.feed.url} class="feed-url" />
          </div>
          <p class="feed-links">
            <a href={props.feed.webcal} class="button button--primary">
              {t('family.calendar.webcal')}
            </a>{' '}
            <a href={`/children/${props.child.id}/calendar.ics`} download>
              {t('family.calendar.download')}
            </a>
          </p>
          <div class="feed-actions">
            <form method="post" action={base} hx-post={base} {...target}>
              <button type="submit" class="button">
                {t('family.calendar.renew')}
              </button>
            </form>
            <form method="post" action={`${base}/revoke`} hx-post={`${base}/revoke`} {...target}>
              <button type="submit" class="link-button link-button--ink">
                {t('family.calendar.revoke')}
              </button>
            </form>
          </div>
          <p class="field__hint">{t('family.calendar.renewHint')}</p>
        </>
      ) : (
        <form method="post" action={base} hx-post={base} {...target}>
          <button type="submit" class="button button--primary">
            {t('family.calendar.create')}
          </button>
        </form>
      )}
    </section>
  );
}

export interface EnrollmentView {
  enrollmentId: number;
  offeringId: number;
  title: string;
  status: 'enrolled' | 'waitlisted';
  position: number | null;
}

export interface AttendanceRecordView {
  offeringId: number;
  title: string;
  meetings: number;
  present: number;
  late: number;
  absent: number;
  excused: number;
  rate: number | null;
}

/** The child's attendance per offering: meetings attended, missed and excused, with the rate. */
export function AttendanceSection(props: { i18n: I18n; records: AttendanceRecordView[] }) {
  const { t } = props.i18n;
  return (
    <section class="card" id="attendance" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('family.attendance.title')}</h2>
      {props.records.length === 0 ? (
        <p class="muted">{t('family.attendance.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('report.col.offering')}</th>
                <th scope="col" class="num">{t('family.attendance.attended')}</th>
                <th scope="col" class="num">{t('report.col.absent')}</th>
                <th scope="col" class="num">{t('report.col.excused')}</th>
                <th scope="col" class="num">{t('report.col.rate')}</th>
              </tr>
            </thead>
            <tbody>
              {props.records.map((record) => (
                <tr>
                  <th scope="row">
                    <a href={`/offerings/${record.offeringId}`}>{record.title}</a>
                  </th>
                  <td class="num">
                    {record.present + record.late}
                    {record.late > 0 ? <span class="muted"> {t('family.attendance.lateCount', { count: record.late })}</span> : null}
                  </td>
                  <td class="num">{record.absent}</td>
                  <td class="num">{record.excused}</td>
                  <td class="num">{percent(props.i18n, record.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The child's enrolments, each with the withdraw step of the offering's enrol control. */
export function EnrollmentsSection(props: { i18n: I18n; child: ChildCard; enrollments: EnrollmentView[] }) {
  const { t } = props.i18n;
  return (
    <section class="card" id="enrollments" aria-labelledby="enrollments-title">
      <h2 id="enrollments-title">{t('family.enrollments.title')}</h2>
      {props.enrollments.length === 0 ? (
        <p class="muted">
          {t('family.enrollments.empty')} <a href={`/s/${props.child.schoolSlug}?grade=${props.child.grade}`}>{t('family.browse', { school: props.child.schoolName })}</a>
        </p>
      ) : (
        <ul class="enrollment-list">
          {props.enrollments.map((enrollment) => (
            <li class="enrollment">
              <a href={`/offerings/${enrollment.offeringId}`} class="enrollment__title">
                {enrollment.title}
              </a>
              <span class={`tag tag--${enrollment.status === 'enrolled' ? 'open' : 'moved'}`}>
                {enrollment.status === 'enrolled' ? t('family.enrollments.enrolled') : t('family.week.waitlist', { position: enrollment.position ?? 0 })}
              </span>
              <form method="post" action={`/enrollments/${enrollment.enrollmentId}/withdraw`}>
                <button type="submit" class="link-button link-button--ink">
                  {enrollment.status === 'enrolled' ? t('enrol.withdraw') : t('enrol.leaveWaitlist')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ChildPage(props: {
  chrome: Chrome;
  child: ChildCard;
  form: FormState<ChildFormField>;
  schools: SchoolOption[];
  saved?: string | undefined;
  notice?: Message | undefined;
  week: ChildWeekView;
  enrollments: EnrollmentView[];
  guardians: { list: GuardianView[]; confirming?: number | null; message?: Message | undefined };
  invite?: { code: string; expires: string } | undefined;
  feed: { url: string; webcal: string } | null;
  feedMessage?: Message | undefined;
  attendance: AttendanceRecordView[];
  data: ChildDataView;
}) {
  const { t } = props.chrome.i18n;
  const i18n = props.chrome.i18n;
  return (
    <Layout chrome={props.chrome} title={props.child.name}>
      <p class="breadcrumb">
        <a href="/family">← {t('family.title')}</a>
      </p>
      <h1>{props.child.name}</h1>
      <ChildFacts i18n={i18n} child={props.child} />
      <p>
        <a href={`/s/${props.child.schoolSlug}?grade=${props.child.grade}`}>{t('family.browse', { school: props.child.schoolName })}</a>
      </p>
      <MessageNotice message={props.notice} />
      <div class="child-layout">
        <div class="child-layout__main">
          <div class="card">
            <ChildWeekSections i18n={i18n} child={props.child} week={props.week} level={2} />
          </div>
          <EnrollmentsSection i18n={i18n} child={props.child} enrollments={props.enrollments} />
          <AttendanceSection i18n={i18n} records={props.attendance} />
          <p>
            <a href={`/children/${props.child.id}/choices`}>{t('lottery.link')}</a>
          </p>
        </div>
        <div class="child-layout__side">
          <section class="card" aria-labelledby="edit-title">
            <h2 id="edit-title">{t('family.editChild')}</h2>
            <ChildForm
              i18n={i18n}
              action={`/children/${props.child.id}`}
              form={props.form}
              schools={props.schools}
              submit={t('family.saveChild')}
              saved={props.saved}
            />
          </section>
          <GuardiansSection i18n={i18n} child={props.child} guardians={props.guardians.list} confirming={props.guardians.confirming ?? null} message={props.guardians.message} />
          <InviteSection i18n={i18n} child={props.child} created={props.invite} />
          <CalendarSection i18n={i18n} child={props.child} feed={props.feed} message={props.feedMessage} />
          <ChildDataSection i18n={i18n} data={props.data} />
        </div>
      </div>
    </Layout>
  );
}
