// The enrol control on an offering page: one row per child who could enrol, answered in place by htmx; the others
// named in one muted line.
import type { I18n } from '../../src/kernel/messages.ts';
import type { Child } from 'hono/jsx';
import { Notice } from './form.tsx';

export interface EnrollRowView {
  offeringId: number;
  offeringTitle: string;
  childId: number;
  childName: string;
  status: 'none' | 'enrolled' | 'waitlisted' | 'requested';
  position: number | null;
  /** A lottery term: the control adds a ranked choice instead of enrolling. */
  lottery: boolean;
  /** The choice's rank among the child's lottery choices. */
  rank: number | null;
  enrollmentId: number | null;
  /** What just happened, in the parent's language. */
  message?: { kind: 'success' | 'error' | 'info'; text: string } | undefined;
  /** Ask before withdrawing. */
  confirming?: boolean;
  /** The offering's fee in cents (0: free): stated on the button, and asked about once before a place. */
  feeCents: number;
  /** The place on the waitlist this child would take: the course is full (null: seats left). */
  waitlistNext: number | null;
  /** The term's course limit, which counts waitlist places too (said beside a waitlist button). */
  courseLimit: number | null;
  /** Ask before taking a paid place: the fee, and a button that confirms it. */
  confirmingFee?: boolean;
}

/** The whole control: the rows, the children it does not list with why (one line), and where to add a child. */
export interface EnrollPanelView {
  rows: EnrollRowView[];
  unlisted: string | null;
  addChildHref: string;
}

/** The offering facts every row of the control states (from the enrolment feature). */
export interface EnrolOffering {
  id: number;
  title: string;
  lottery: boolean;
  feeCents?: number;
  waitlistNext?: number | null;
  courseLimit?: number | null;
}

/**
 * "Keep it" / "not now": the row as it was. On the offering page itself a link to its own address and a fragment
 * would not load anything, so htmx fetches the page and swaps in just this row; without JavaScript it is a link.
 */
function KeepLink(props: { row: EnrollRowView; target: Record<string, string>; children?: Child }) {
  const { row } = props;
  return (
    <a href={`/offerings/${row.offeringId}#enrol-${row.childId}`} class="enrol-row__keep" hx-get={`/offerings/${row.offeringId}`} hx-select={`#enrol-${row.childId}`} {...props.target}>
      {props.children}
    </a>
  );
}

function EnrolButtonLabel(props: { i18n: I18n; row: EnrollRowView }) {
  const { t, format } = props.i18n;
  const { row } = props;
  const base = row.lottery
    ? t('enrol.addChoice', { child: row.childName })
    : row.waitlistNext !== null
      ? t('enrol.joinWaitlist', { child: row.childName, position: row.waitlistNext })
      : t('enrol.button', { child: row.childName });
  return <>{row.feeCents > 0 ? `${base}${t('enrol.feeSuffix', { fee: format.money(row.feeCents) })}` : base}</>;
}

/** A child not yet placed: the enrol button (stating a fee and a full course), or the fee's one question. */
function EnrolForm(props: { i18n: I18n; row: EnrollRowView; target: Record<string, string> }) {
  const { t, format } = props.i18n;
  const { row } = props;
  const action = `/offerings/${row.offeringId}/enrollments`;
  if (row.confirmingFee) {
    return (
      <form method="post" action={action} hx-post={action} class="enrol-row__confirm" {...props.target}>
        <p>{t('enrol.confirmFee', { child: row.childName, title: row.offeringTitle, fee: format.money(row.feeCents) })}</p>
        <input type="hidden" name="child" value={String(row.childId)} />
        <input type="hidden" name="confirm_fee" value="yes" />
        <button type="submit" class="button button--primary" hx-disabled-elt="this">
          {t('enrol.confirmFeeButton', { fee: format.money(row.feeCents) })}
        </button>{' '}
        <KeepLink row={row} target={props.target}>
          {t('enrol.notNow')}
        </KeepLink>
      </form>
    );
  }
  return (
    <form method="post" action={action} hx-post={action} {...props.target}>
      <input type="hidden" name="child" value={String(row.childId)} />
      <button type="submit" class="button button--primary button--block" hx-disabled-elt="this">
        <EnrolButtonLabel i18n={props.i18n} row={row} />
      </button>
      {row.waitlistNext !== null && !row.lottery && row.courseLimit ? <p class="muted enrol-row__hint">{t('enrol.limitCountsWaitlist', { limit: row.courseLimit })}</p> : null}
    </form>
  );
}

export function EnrollRow(props: { i18n: I18n; row: EnrollRowView }) {
  const { t } = props.i18n;
  const { row } = props;
  const id = `enrol-${row.childId}`;
  const target = { 'hx-target': `#${id}`, 'hx-swap': 'outerHTML' };
  return (
    <li class={`enrol-row enrol-row--${row.status}`} id={id}>
      {row.message ? <Notice kind={row.message.kind}>{row.message.text}</Notice> : null}
      {row.status === 'none' ? (
        <EnrolForm i18n={props.i18n} row={row} target={target} />
      ) : row.status === 'requested' ? (
        <div class="enrol-row__status">
          <span class="tag tag--moved">{t('enrol.choiceAdded', { child: row.childName, rank: row.rank ?? 0 })}</span>{' '}
          <a href={`/children/${row.childId}/choices`}>{t('lottery.link')}</a>
        </div>
      ) : (
        <div class="enrol-row__status">
          <span class={`tag tag--${row.status === 'enrolled' ? 'open' : 'moved'}`}>
            {row.status === 'enrolled' ? t('enrol.enrolled', { child: row.childName }) : t('enrol.waitlisted', { child: row.childName, position: row.position ?? 0 })}
          </span>
          {row.confirming ? (
            <form method="post" action={`/enrollments/${row.enrollmentId}/withdraw`} hx-post={`/enrollments/${row.enrollmentId}/withdraw`} class="enrol-row__confirm" {...target}>
              <p>
                {row.status === 'enrolled'
                  ? t('enrol.confirmWithdraw', { child: row.childName, title: row.offeringTitle })
                  : t('enrol.confirmLeave', { child: row.childName, title: row.offeringTitle })}
              </p>
              <input type="hidden" name="confirm" value="yes" />
              <button type="submit" class="button button--danger">
                {row.status === 'enrolled' ? t('enrol.confirm') : t('enrol.confirmLeaveWaitlist')}
              </button>{' '}
              <KeepLink row={row} target={target}>
                {t('enrol.keep')}
              </KeepLink>
            </form>
          ) : (
            <form method="post" action={`/enrollments/${row.enrollmentId}/withdraw`} hx-post={`/enrollments/${row.enrollmentId}/withdraw`} {...target}>
              <button type="submit" class="button button--quiet-danger">
                {row.status === 'enrolled' ? t('enrol.withdraw') : t('enrol.leaveWaitlist')}
              </button>
            </form>
          )}
        </div>
      )}
    </li>
  );
}

export function EnrollPanel(props: { i18n: I18n; panel: EnrollPanelView }) {
  const { t } = props.i18n;
  const { rows, unlisted, addChildHref } = props.panel;
  return (
    <section class="card enrol" id="enrol" aria-labelledby="enrol-title">
      <h2 id="enrol-title">{t('enrol.title')}</h2>
      {rows.length > 0 ? (
        <ul class="enrol-rows">
          {rows.map((row) => (
            <EnrollRow i18n={props.i18n} row={row} />
          ))}
        </ul>
      ) : null}
      {unlisted ? <p class="muted enrol__unlisted">{unlisted}</p> : null}
      {rows.length === 0 ? (
        <p>
          {t('enrol.addChildFirst')} <a href={addChildHref}>{t('enrol.addChildLink')}</a>
        </p>
      ) : null}
    </section>
  );
}

/** A child's place in the offering, as the row shows it. */
export function enrollRowView(
  child: { id: number; name: string; enrollment_id: number | null; status: string | null; waitlist_position: number | null; choice_rank: number | null },
  offering: EnrolOffering,
): EnrollRowView {
  const status = child.status === 'enrolled' || child.status === 'waitlisted' || child.status === 'requested' ? child.status : 'none';
  return {
    offeringId: offering.id,
    offeringTitle: offering.title,
    childId: child.id,
    childName: child.name,
    status,
    position: status === 'waitlisted' ? child.waitlist_position : null,
    lottery: offering.lottery,
    rank: status === 'requested' ? child.choice_rank : null,
    enrollmentId: child.enrollment_id,
    feeCents: offering.feeCents ?? 0,
    waitlistNext: offering.waitlistNext ?? null,
    courseLimit: offering.courseLimit ?? null,
  };
}
