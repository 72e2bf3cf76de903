// The enrol control on an offering page: one row per child, answered in place by htmx.
import type { I18n } from '../../src/kernel/messages.ts';
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
        <form method="post" action={`/offerings/${row.offeringId}/enrollments`} hx-post={`/offerings/${row.offeringId}/enrollments`} {...target}>
          <input type="hidden" name="child" value={String(row.childId)} />
          <button type="submit" class="button button--primary button--block" hx-disabled-elt="this">
            {row.lottery ? t('enrol.addChoice', { child: row.childName }) : t('enrol.button', { child: row.childName })}
          </button>
        </form>
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
              <a href={`/offerings/${row.offeringId}#${id}`} class="enrol-row__keep">
                {t('enrol.keep')}
              </a>
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

export function EnrollPanel(props: { i18n: I18n; rows: EnrollRowView[] }) {
  const { t } = props.i18n;
  return (
    <section class="card enrol" id="enrol" aria-labelledby="enrol-title">
      <h2 id="enrol-title">{t('enrol.title')}</h2>
      {props.rows.length === 0 ? (
        <p>
          {t('enrol.addChildFirst')} <a href="/family">{t('enrol.addChildLink')}</a>
        </p>
      ) : (
        <ul class="enrol-rows">
          {props.rows.map((row) => (
            <EnrollRow i18n={props.i18n} row={row} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** A child's place in the offering, as the row shows it. */
export function enrollRowView(
  child: { id: number; name: string; enrollment_id: number | null; status: string | null; waitlist_position: number | null; choice_rank: number | null },
  offering: { id: number; title: string; lottery: boolean },
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
  };
}
