// How a school checks children against its pupil list: the control on the list page, the confirmation of a switch,
// the unmatched children (one card each with a hand-match form, readable at 360 px) and undoing a match.
import type { I18n } from '../../src/kernel/messages.ts';
import type { ChildCheck } from '../../src/kernel/vocabulary.ts';
import type { Chrome } from '../chrome.ts';
import { Breadcrumb } from '../components/admin.tsx';
import { Field, Notice, Select } from '../components/form.tsx';
import { Layout } from '../layout.tsx';

const listHref = (schoolId: number) => `/admin/schools/${schoolId}/pupils`;
export const unmatchedHref = (schoolId: number) => `/admin/schools/${schoolId}/pupils/unmatched`;
const childPupilHref = (schoolId: number, childId: number) => `/admin/schools/${schoolId}/children/${childId}/pupil`;
const OTHER: Record<ChildCheck, ChildCheck> = { open: 'pupil_list', pupil_list: 'open' };

/** On the pupil list page: the mode in words, the way to switch it, and (when checking) the unmatched children. */
export function ChildCheckControl(props: { i18n: I18n; schoolId: number; mode: ChildCheck; unmatched: number | null }) {
  const { t } = props.i18n;
  const other = OTHER[props.mode];
  return (
    <section class="card" id="child-check">
      <h2>{t('childCheck.title')}</h2>
      <p>{t('childCheck.current', { mode: t(`childCheck.mode.${props.mode}`) })}</p>
      {props.mode === 'pupil_list' && props.unmatched !== null ? (
        <p>
          <a href={unmatchedHref(props.schoolId)}>{t('childCheck.unmatched.link', { count: props.unmatched })}</a>
        </p>
      ) : null}
      <form method="get" action={`/admin/schools/${props.schoolId}/child-check`}>
        <input type="hidden" name="child_check" value={other} />
        <button type="submit" class="button">
          {t('childCheck.switchTo', { mode: t(`childCheck.mode.${other}`) })}
        </button>
      </form>
    </section>
  );
}

/**
 * The switch: with a valid choice, what it will do and the confirming button (confirm=yes); with none or a refused
 * one, the choice again with the reason at the field.
 */
export function ChildCheckPage(props: {
  chrome: Chrome;
  school: { id: number; name: string };
  mode: ChildCheck;
  choice: { to: ChildCheck; listed: number; matched: number; unmatched: number } | null;
  error?: string | undefined;
  value?: string | undefined;
}) {
  const { t } = props.chrome.i18n;
  const action = `/admin/schools/${props.school.id}/child-check`;
  const { choice } = props;
  const preview = choice === null ? '' : choice.to === props.mode ? t('childCheck.preview.same') : choice.to === 'open' ? t('childCheck.preview.open') : t('childCheck.preview.pupil_list', choice);
  return (
    <Layout chrome={props.chrome} title={`${props.school.name} · ${t('childCheck.title')}`}>
      <Breadcrumb href={listHref(props.school.id)} label={t('pupils.title')} />
      <h1>{t('childCheck.title')}</h1>
      <section class="card">
        <p>{t('childCheck.current', { mode: t(`childCheck.mode.${props.mode}`) })}</p>
        {choice && !props.error ? (
          <form method="post" action={action} class="form">
            <p>
              <strong>{t('childCheck.switchTo', { mode: t(`childCheck.mode.${choice.to}`) })}</strong>
            </p>
            <Notice kind="info">{preview}</Notice>
            <input type="hidden" name="child_check" value={choice.to} />
            <input type="hidden" name="confirm" value="yes" />
            <div class="form__actions">
              <button type="submit" class="button button--primary">
                {t('childCheck.confirm')}
              </button>{' '}
              <a href={listHref(props.school.id)}>{t('pupils.cancel')}</a>
            </div>
          </form>
        ) : (
          <form method="get" action={action} class="form" novalidate>
            <Select
              id="child-check"
              name="child_check"
              label={t('childCheck.field')}
              value={props.value}
              error={props.error}
              required
              options={(['pupil_list', 'open'] as const).map((mode) => ({ value: mode, label: t(`childCheck.mode.${mode}`) }))}
            />
            <div class="form__actions">
              <button type="submit" class="button button--primary">
                {t('childCheck.next')}
              </button>{' '}
              <a href={listHref(props.school.id)}>{t('pupils.cancel')}</a>
            </div>
          </form>
        )}
      </section>
    </Layout>
  );
}

export interface UnmatchedChild {
  id: number;
  name: string;
  grade: number;
  className: string | null;
  seats: number;
}

/**
 * One unmatched child: its facts and the hand-match form; once matched (an htmx answer), the pupil's name beside the
 * child's and the way to undo it. The same card is the page's list item and the form's htmx fragment.
 */
export function UnmatchedCard(props: {
  i18n: I18n;
  schoolId: number;
  child: UnmatchedChild;
  number?: string | undefined;
  error?: string | undefined;
  matched?: { name: string; number: string } | undefined;
}) {
  const { t } = props.i18n;
  const { child } = props;
  const href = childPupilHref(props.schoolId, child.id);
  const cardId = `unmatched-${child.id}`;
  return (
    <li class="pupil-card" id={cardId}>
      <p class="pupil-card__name">
        <span>{child.name}</span>
        {props.matched ? <span class="tag tag--open">{props.matched.name}</span> : null}
      </p>
      <p class="pupil-card__facts">
        <span>{t('pupils.gradeN', { grade: child.grade })}</span> {child.className ? <span>{child.className}</span> : null}{' '}
        <span>{child.seats > 0 ? t('childCheck.seats', { seats: child.seats }) : t('childCheck.noSeats')}</span>
      </p>
      {props.matched ? (
        <form method="post" action={`${href}/unbind`} class="pupil-card__match">
          <Notice kind="success">{t('childCheck.matched', { child: child.name, pupil: props.matched.name, number: props.matched.number })}</Notice>
          <button type="submit" class="button">
            {t('childCheck.unbind')}
          </button>
        </form>
      ) : (
        <form method="post" action={href} class="pupil-card__match" hx-post={href} hx-target={`#${cardId}`} hx-swap="outerHTML" novalidate>
          <Field id={`${cardId}-number`} name="number" label={t('childCheck.number')} value={props.number} error={props.error} required maxlength={30} autocomplete="off" />
          <button type="submit" class="button">
            {t('childCheck.match')}
          </button>
        </form>
      )}
    </li>
  );
}

export function UnmatchedPage(props: {
  chrome: Chrome;
  school: { id: number; name: string };
  /** This page of unmatched children (not `children`: hono/jsx gives that name to the element's content). */
  unmatched: UnmatchedChild[];
  total: number;
  page: number;
  pages: number;
  /** A child just matched (plain form posts land here), with its pupil. */
  matched?: { child: UnmatchedChild; pupil: { name: string; number: string } } | undefined;
  done?: string | undefined;
  /** The hand match refused (plain form post): that child's card with the reason. */
  refused?: { child: UnmatchedChild; number: string; error: string } | undefined;
}) {
  const { i18n } = props.chrome;
  const { t } = i18n;
  const base = unmatchedHref(props.school.id);
  const refusedId = props.refused?.child.id;
  return (
    <Layout chrome={props.chrome} title={`${props.school.name} · ${t('childCheck.unmatched.title')}`}>
      <Breadcrumb href={listHref(props.school.id)} label={t('pupils.title')} />
      <h1>{t('childCheck.unmatched.title')}</h1>
      <p class="lead">{t('childCheck.unmatched.lead')}</p>
      {props.done ? <Notice kind="success">{props.done}</Notice> : null}
      <section class="card">
        {props.matched || props.refused ? (
          <ul class="pupil-list">
            {props.matched ? <UnmatchedCard i18n={i18n} schoolId={props.school.id} child={props.matched.child} matched={props.matched.pupil} /> : null}
            {props.refused ? <UnmatchedCard i18n={i18n} schoolId={props.school.id} child={props.refused.child} number={props.refused.number} error={props.refused.error} /> : null}
          </ul>
        ) : null}
        <p class="results__count">{t('childCheck.unmatched.count', { total: props.total })}</p>
        {props.unmatched.length === 0 ? (
          <p class="empty">{t('childCheck.unmatched.empty')}</p>
        ) : (
          <ul class="pupil-list">
            {props.unmatched
              .filter((child) => child.id !== refusedId)
              .map((child) => (
                <UnmatchedCard i18n={i18n} schoolId={props.school.id} child={child} />
              ))}
          </ul>
        )}
        {props.pages > 1 ? (
          <nav class="pager" aria-label={t('pupils.page', { page: props.page, pages: props.pages })}>
            {props.page > 1 ? <a href={`${base}?page=${props.page - 1}`}>{t('pupils.page.prev')}</a> : null}{' '}
            <span>{t('pupils.page', { page: props.page, pages: props.pages })}</span>{' '}
            {props.page < props.pages ? <a href={`${base}?page=${props.page + 1}`}>{t('pupils.page.next')}</a> : null}
          </nav>
        ) : null}
      </section>
    </Layout>
  );
}

/** Undoing a match: the question, what follows at a school that checks children, the confirming button (confirm=yes). */
export function UnbindPage(props: { chrome: Chrome; school: { id: number; name: string }; checks: boolean; child: { id: number; name: string }; pupil: { name: string; number: string } }) {
  const { t } = props.chrome.i18n;
  const params = { child: props.child.name, pupil: props.pupil.name, number: props.pupil.number };
  return (
    <Layout chrome={props.chrome} title={t('childCheck.unbind')}>
      <Breadcrumb href={listHref(props.school.id)} label={t('pupils.title')} />
      <h1>{t('childCheck.unbind')}</h1>
      <section class="card">
        <p>{t('childCheck.unbind.question', params)}</p>
        {props.checks ? <Notice kind="info">{t('childCheck.unbind.warning', params)}</Notice> : null}
        <form method="post" action={`${childPupilHref(props.school.id, props.child.id)}/unbind`} class="form">
          <input type="hidden" name="confirm" value="yes" />
          <div class="form__actions">
            <button type="submit" class="button button--primary">
              {t('childCheck.unbind.confirm')}
            </button>{' '}
            <a href={unmatchedHref(props.school.id)}>{t('pupils.cancel')}</a>
          </div>
        </form>
      </section>
    </Layout>
  );
}
