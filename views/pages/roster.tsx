// An offering's roster on a phone or a PC: seated, waiting (in order) and requesting children with their guardians'
// contacts; for the school's admins also the add search, and the remove confirmation and move form pages.
import type { I18n } from '../../src/kernel/messages.ts';
import type { Chrome } from '../chrome.ts';
import { AnnouncementForm } from '../components/announcements.tsx';
import { Notice, Select, TextArea } from '../components/form.tsx';
import { Layout } from '../layout.tsx';

export interface GuardianView {
  name: string;
  phone: string | null;
  email: string | null;
}

export interface RosterRowView {
  enrollmentId: number;
  position: number | null;
  choiceRank: number | null;
  child: { name: string; grade: number; className: string | null };
  guardians: GuardianView[];
}

export interface ChildMatchView {
  id: number;
  name: string;
  grade: number;
  className: string | null;
  status: 'enrolled' | 'waitlisted' | 'requested' | 'withdrawn' | null;
  position: number | null;
}

export interface ChildSearchView {
  offeringId: number;
  q: string;
  results: ChildMatchView[] | null;
  full: boolean;
  /** The add that failed, to show its message and keep what was typed. */
  failed?: { childId: number; message: string; reason: string; override: boolean } | undefined;
}

export interface RosterView {
  offering: { id: number; code: string; title: string; term: string; teacher: string | null; capacity: number; taken: number };
  enrolled: RosterRowView[];
  waitlisted: RosterRowView[];
  requested: RosterRowView[];
  canManage: boolean;
  back: { href: string; label: string };
  notice?: { kind: 'success' | 'error' | 'info'; text: string } | undefined;
  /** An announcement was just sent without JavaScript: to how many guardians. */
  announced?: number | undefined;
  search?: ChildSearchView | undefined;
}

/** A phone number as a tel: target: digits and a leading plus only. */
function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

function Guardians(props: { i18n: I18n; guardians: GuardianView[] }) {
  if (props.guardians.length === 0) return <span class="muted">{props.i18n.t('roster.noGuardian')}</span>;
  return (
    <ul class="roster-guardians">
      {props.guardians.map((guardian) => (
        <li>
          <span class="roster-guardians__name">{guardian.name}</span>
          {guardian.phone ? (
            <a href={telHref(guardian.phone)} class="roster-guardians__contact">
              {guardian.phone}
            </a>
          ) : null}
          {guardian.email ? (
            <a href={`mailto:${guardian.email}`} class="roster-guardians__contact">
              {guardian.email}
            </a>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function RowActions(props: { i18n: I18n; row: RosterRowView }) {
  const { t } = props.i18n;
  return (
    <td data-label={t('roster.col.actions')} class="roster-table__actions">
      <a href={`/enrollments/${props.row.enrollmentId}/move`} aria-label={t('roster.move.linkFor', { child: props.row.child.name })}>
        {t('roster.move.link')}
      </a>
      <form method="post" action={`/enrollments/${props.row.enrollmentId}/remove`} class="inline">
        <button type="submit" class="link-button link-button--ink" aria-label={t('roster.remove.buttonFor', { child: props.row.child.name })}>
          {t('roster.remove.button')}
        </button>
      </form>
    </td>
  );
}

/** One section's table; below 40rem each row stacks into a card, its cells labelled (CSS only, from data-label). */
function RosterTable(props: { i18n: I18n; id: string; heading: string; empty: string | null; rows: RosterRowView[]; kind: 'enrolled' | 'waitlisted' | 'requested'; canManage: boolean }) {
  const { t } = props.i18n;
  const firstColumn = props.kind === 'waitlisted' ? t('roster.col.position') : props.kind === 'requested' ? t('roster.col.choice') : t('roster.col.number');
  return (
    <section class="card roster-section" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.heading}</h2>
      {props.rows.length === 0 ? (
        <p class="empty">{props.empty}</p>
      ) : (
        <table class="table roster-table">
          <thead>
            <tr>
              <th scope="col">{firstColumn}</th>
              <th scope="col">{t('roster.col.child')}</th>
              <th scope="col">{t('roster.col.grade')}</th>
              <th scope="col">{t('roster.col.class')}</th>
              <th scope="col">{t('roster.col.guardians')}</th>
              {props.canManage ? <th scope="col">{t('roster.col.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row, index) => (
              <tr id={`enrollment-${row.enrollmentId}`}>
                <td data-label={firstColumn} class="num">
                  {props.kind === 'waitlisted'
                    ? t('roster.positionN', { position: row.position ?? index + 1 })
                    : props.kind === 'requested'
                      ? row.choiceRank === null
                        ? '—'
                        : t('roster.choiceN', { rank: row.choiceRank })
                      : index + 1}
                </td>
                <th scope="row" data-label={t('roster.col.child')} class="roster-table__child">
                  {row.child.name}
                </th>
                <td data-label={t('roster.col.grade')}>{t('roster.gradeN', { grade: row.child.grade })}</td>
                <td data-label={t('roster.col.class')}>{row.child.className ?? <span class="muted">{t('roster.noClass')}</span>}</td>
                <td data-label={t('roster.col.guardians')}>
                  <Guardians i18n={props.i18n} guardians={row.guardians} />
                </td>
                {props.canManage ? props.kind === 'requested' ? <td data-label={t('roster.col.actions')}>—</td> : <RowActions i18n={props.i18n} row={row} /> : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The add search's answer: the matching children, each with its own add form. Also the htmx fragment. */
export function ChildSearchResults(props: { i18n: I18n; search: ChildSearchView }) {
  const { t } = props.i18n;
  const { search } = props;
  return (
    <div id="roster-search-results" class="roster-search__results" aria-live="polite">
      {search.results === null ? null : search.results.length === 0 ? (
        <p class="empty">{t('roster.add.noMatch', { q: search.q })}</p>
      ) : (
        <>
          <p class="results__count">{t('roster.add.matches', { count: search.results.length })}</p>
          {search.full ? <p class="field__hint">{t('roster.add.fullHint')}</p> : null}
          <ul class="roster-matches">
            {search.results.map((child) => {
              const failed = search.failed?.childId === child.id ? search.failed : undefined;
              const label = `${child.name} · ${t('roster.gradeN', { grade: child.grade })}${child.className ? ` · ${child.className}` : ''}`;
              return (
                <li class="roster-match">
                  <p class="roster-match__who">
                    <strong>{label}</strong>{' '}
                    {child.status && child.status !== 'withdrawn' ? (
                      <span class="tag">
                        {child.status === 'waitlisted' && child.position !== null
                          ? `${t('roster.status.waitlisted')} · ${t('roster.positionN', { position: child.position })}`
                          : t(`roster.status.${child.status}`)}
                      </span>
                    ) : null}
                  </p>
                  {failed ? <Notice kind="error">{failed.message}</Notice> : null}
                  {child.status === 'enrolled' || child.status === 'requested' ? (
                    <p class="muted">{t(child.status === 'enrolled' ? 'roster.add.alreadyEnrolled' : 'roster.error.lotteryRequest')}</p>
                  ) : (
                    <form method="post" action={`/offerings/${search.offeringId}/roster/add`} class="inline-form roster-match__form">
                      <input type="hidden" name="child" value={String(child.id)} />
                      <input type="hidden" name="q" value={search.q} />
                      {search.full ? (
                        <>
                          <label class="roster-match__override">
                            <input type="checkbox" name="override" value="yes" checked={failed?.override ?? false} /> {t('roster.add.overrideFor', { child: child.name })}
                          </label>
                          <label for={`add-reason-${child.id}`}>{t('roster.add.reasonFor', { child: child.name })}</label>
                          <input id={`add-reason-${child.id}`} type="text" name="reason" maxlength={500} value={failed?.reason ?? ''} />
                        </>
                      ) : null}
                      <button type="submit" class="button button--primary">
                        {t('roster.add.button')}
                      </button>
                    </form>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}

export function RosterPage(props: { chrome: Chrome; roster: RosterView }) {
  const { t } = props.chrome.i18n;
  const { roster } = props;
  const { offering } = roster;
  const i18n = props.chrome.i18n;
  const full = offering.taken >= offering.capacity;
  return (
    <Layout chrome={props.chrome} title={t('roster.title', { title: offering.title })}>
      <p class="breadcrumb">
        <a href={roster.back.href}>← {roster.back.label}</a>
      </p>
      <h1>{t('roster.title', { title: offering.title })}</h1>
      <p class="muted">
        {t('roster.meta', { term: offering.term, code: offering.code })}
        {offering.teacher ? ` · ${t('roster.teacher', { name: offering.teacher })}` : ''}
      </p>
      <p class="roster-counts">
        {t('roster.counts', { enrolled: offering.taken, capacity: offering.capacity, waitlisted: roster.waitlisted.length, requested: roster.requested.length })}{' '}
        {full ? <span class="tag tag--closed">{t('roster.full')}</span> : null}
      </p>
      {roster.notice ? <Notice kind={roster.notice.kind}>{roster.notice.text}</Notice> : null}
      <p class="manage__actions">
        <a class="button" href={`/offerings/${offering.id}/roster.csv`}>
          {t('roster.csv')}
        </a>
      </p>
      <p class="field__hint">{t('roster.contactsNote')}</p>
      <AnnouncementForm i18n={i18n} form={{ offeringId: offering.id, from: 'roster', sent: roster.announced }} />
      <RosterTable i18n={i18n} id="roster-enrolled" kind="enrolled" heading={t('roster.enrolled.heading', { count: roster.enrolled.length })} empty={t('roster.enrolled.empty')} rows={roster.enrolled} canManage={roster.canManage} />
      <RosterTable i18n={i18n} id="roster-waitlisted" kind="waitlisted" heading={t('roster.waitlisted.heading', { count: roster.waitlisted.length })} empty={t('roster.waitlisted.empty')} rows={roster.waitlisted} canManage={roster.canManage} />
      {roster.requested.length > 0 ? (
        <RosterTable i18n={i18n} id="roster-requested" kind="requested" heading={t('roster.requested.heading', { count: roster.requested.length })} empty={null} rows={roster.requested} canManage={roster.canManage} />
      ) : null}
      {roster.canManage && roster.search ? (
        <section class="card roster-search" aria-labelledby="roster-add">
          <h2 id="roster-add">{t('roster.add.heading')}</h2>
          <form
            method="get"
            action={`/offerings/${offering.id}/roster`}
            class="inline-form"
            role="search"
            hx-get={`/offerings/${offering.id}/roster/children`}
            hx-target="#roster-search-results"
            hx-swap="outerHTML"
            hx-trigger="submit, input changed delay:400ms from:#roster-q"
          >
            <label for="roster-q">{t('roster.add.search')}</label>
            <input id="roster-q" type="search" name="q" value={roster.search.q} maxlength={50} autocomplete="off" />
            <button type="submit" class="button">
              {t('roster.add.searchButton')}
            </button>
          </form>
          <ChildSearchResults i18n={i18n} search={roster.search} />
        </section>
      ) : null}
    </Layout>
  );
}

export interface ActionEnrollmentView {
  id: number;
  offeringId: number;
  childName: string;
  offeringTitle: string;
}

export function RemoveConfirmPage(props: { chrome: Chrome; enrollment: ActionEnrollmentView; reason: string; error?: string | undefined; problem?: string | undefined }) {
  const { t } = props.chrome.i18n;
  const { enrollment } = props;
  const title = t('roster.remove.title', { child: enrollment.childName, title: enrollment.offeringTitle });
  return (
    <Layout chrome={props.chrome} title={title} narrow>
      <p class="breadcrumb">
        <a href={`/offerings/${enrollment.offeringId}/roster`}>← {t('roster.title', { title: enrollment.offeringTitle })}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('roster.remove.lead', { child: enrollment.childName })}</p>
      <form method="post" action={`/enrollments/${enrollment.id}/remove`} class="form card">
        {props.problem ? <Notice kind="error">{props.problem}</Notice> : props.error ? <Notice kind="error">{t('form.errorSummary')}</Notice> : null}
        <input type="hidden" name="confirm" value="yes" />
        <TextArea id="remove-reason" name="reason" label={t('roster.reason')} value={props.reason} error={props.error} rows={3} maxlength={500} />
        <p class="manage__actions">
          <button type="submit" class="button button--primary">
            {t('roster.remove.confirm')}
          </button>
          <a class="button" href={`/offerings/${enrollment.offeringId}/roster`}>
            {t('roster.cancel')}
          </a>
        </p>
      </form>
    </Layout>
  );
}

export function MovePage(props: {
  chrome: Chrome;
  enrollment: ActionEnrollmentView;
  targets: { value: string; label: string }[];
  values: { to: string; reason: string };
  errors: { to?: string | undefined; reason?: string | undefined };
  problem?: string | undefined;
}) {
  const { t } = props.chrome.i18n;
  const { enrollment } = props;
  const title = t('roster.move.title', { child: enrollment.childName });
  const hasErrors = Boolean(props.errors.to || props.errors.reason);
  return (
    <Layout chrome={props.chrome} title={title} narrow>
      <p class="breadcrumb">
        <a href={`/offerings/${enrollment.offeringId}/roster`}>← {t('roster.title', { title: enrollment.offeringTitle })}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('roster.move.lead', { title: enrollment.offeringTitle })}</p>
      {props.targets.length === 0 ? (
        <p class="empty">{t('roster.move.noTargets')}</p>
      ) : (
        <form method="post" action={`/enrollments/${enrollment.id}/move`} class="form card">
          {props.problem ? <Notice kind="error">{props.problem}</Notice> : hasErrors ? <Notice kind="error">{t('form.errorSummary')}</Notice> : null}
          <Select id="move-to" name="to" label={t('roster.move.to')} options={[{ value: '', label: t('roster.move.choose') }, ...props.targets]} value={props.values.to} error={props.errors.to} required />
          <TextArea id="move-reason" name="reason" label={t('roster.reason')} value={props.values.reason} error={props.errors.reason} rows={3} maxlength={500} />
          <p class="manage__actions">
            <button type="submit" class="button button--primary">
              {t('roster.move.submit')}
            </button>
            <a class="button" href={`/offerings/${enrollment.offeringId}/roster`}>
              {t('roster.cancel')}
            </a>
          </p>
        </form>
      )}
    </Layout>
  );
}
