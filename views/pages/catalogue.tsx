// A school's catalogue: the filter form (plain GET, enhanced by htmx) and the results it swaps in place.
import { CATEGORY_CODES, type CategoryCode, isCategory } from '../../src/kernel/categories.ts';
import type { Child } from 'hono/jsx';
import type { I18n } from '../../src/kernel/messages.ts';
import type { ChildCheck } from '../../src/kernel/vocabulary.ts';
import type { Chrome } from '../chrome.ts';
import { Notice } from '../components/form.tsx';
import { CategoryIcon, OfferingTags, Schedule, Seats, type SeatsView, type SlotView } from '../components/offering.tsx';
import { Layout } from '../layout.tsx';

export interface FilterValues {
  category: string;
  grade: string;
  weekday: string;
  q: string;
  free: boolean;
}

export interface OfferingCardView {
  id: number;
  kind: 'club' | 'course';
  category: string;
  title: string;
  teacher: string | null;
  gradeMin: number;
  gradeMax: number;
  feeCents: number;
  slots: SlotView[];
  seats: SeatsView;
}

export interface CatalogueView {
  slug: string;
  schoolName: string;
  /** How the school checks the children parents add: at `pupil_list`, parents are told before they start. */
  childCheck: ChildCheck;
  gradeMin: number;
  gradeMax: number;
  term: { name: string; firstDay: string; lastDay: string; mode: 'first_come' | 'lottery'; opensAt: string; closesAt: string } | null;
  window: 'not_yet' | 'open' | 'closed' | null;
  total: number;
  cards: OfferingCardView[];
  filters: FilterValues;
  invalidFilter: boolean;
}

export function OfferingCard(props: { i18n: I18n; card: OfferingCardView }) {
  const { t, format } = props.i18n;
  const { card } = props;
  return (
    <li class="offering-card">
      <OfferingTags i18n={props.i18n} kind={card.kind} category={card.category} />
      <h3 class="offering-card__title">
        <a href={`/offerings/${card.id}`}>{card.title}</a>
      </h3>
      <dl class="offering-card__facts">
        <dt>{t('offering.when')}</dt>
        <dd>
          <Schedule i18n={props.i18n} slots={card.slots} />
        </dd>
        <dt>{t('offering.grades')}</dt>
        <dd>{t('school.grades', { min: card.gradeMin, max: card.gradeMax })}</dd>
        {card.teacher ? (
          <>
            <dt>{t('offering.teacher')}</dt>
            <dd>{card.teacher}</dd>
          </>
        ) : null}
        <dt>{t('offering.fee')}</dt>
        <dd>{card.feeCents === 0 ? t('offering.feeFree') : format.money(card.feeCents)}</dd>
      </dl>
      <Seats i18n={props.i18n} seats={card.seats} />
    </li>
  );
}

/** The part htmx swaps when a filter changes: the count and the cards, or a helpful empty state. */
export function CatalogueResults(props: { i18n: I18n; view: CatalogueView }) {
  const { t, format } = props.i18n;
  const { view } = props;
  return (
    <section id="results" class="results" aria-live="polite" aria-labelledby="results-count">
      {view.invalidFilter ? <Notice kind="info">{t('catalogue.filter.invalid')}</Notice> : null}
      <FilterChips i18n={props.i18n} view={view} />
      <p id="results-count" class="results__count">
        {t('catalogue.count', { shown: format.number(view.cards.length), total: format.number(view.total) })}
      </p>
      {view.cards.length === 0 ? (
        <div class="empty">
          <h2>{t('catalogue.empty.title')}</h2>
          <p>{t('catalogue.empty.hint')}</p>
          <p>
            <a class="button" href={`/s/${view.slug}`}>
              {t('catalogue.filter.reset')}
            </a>
          </p>
        </div>
      ) : (
        <ul class="offering-grid">
          {view.cards.map((card) => (
            <OfferingCard i18n={props.i18n} card={card} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The filters in force, each with the link that drops it (the others kept). */
function activeFilters(i18n: I18n, view: CatalogueView): { label: string; href: string; category?: CategoryCode }[] {
  const { t, format } = i18n;
  const { filters } = view;
  const without = (name: keyof FilterValues) => {
    const query = new URLSearchParams();
    for (const key of ['q', 'category', 'grade', 'weekday'] as const) if (key !== name && filters[key]) query.set(key, filters[key]);
    if (name !== 'free' && filters.free) query.set('free', '1');
    const text = query.toString();
    return `/s/${view.slug}${text ? `?${text}` : ''}`;
  };
  const chips: { label: string; href: string; category?: CategoryCode }[] = [];
  if (filters.q) chips.push({ label: `“${filters.q}”`, href: without('q') });
  if (filters.category && isCategory(filters.category)) chips.push({ label: t(`category.${filters.category}`), href: without('category'), category: filters.category });
  if (filters.grade) chips.push({ label: t('catalogue.filter.gradeN', { grade: filters.grade }), href: without('grade') });
  if (filters.weekday) chips.push({ label: format.weekday(Number(filters.weekday), 'long'), href: without('weekday') });
  if (filters.free) chips.push({ label: t('catalogue.filter.free'), href: without('free') });
  return chips;
}

/** The filters in force as chips above the results, each a link that drops it. */
function FilterChips(props: { i18n: I18n; view: CatalogueView }) {
  const chips = activeFilters(props.i18n, props.view);
  if (chips.length === 0) return null;
  return (
    <ul class="filter-chips" aria-label={props.i18n.t('catalogue.filter.active')}>
      {chips.map((chip) => (
        <li>
          <a class="filter-chip" href={chip.href} aria-label={props.i18n.t('catalogue.filter.remove', { filter: chip.label })}>
            {chip.category ? <CategoryIcon category={chip.category} /> : null}
            {chip.label} <span aria-hidden="true">×</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

function FilterForm(props: { i18n: I18n; view: CatalogueView }) {
  const { t, format } = props.i18n;
  const { view } = props;
  const grades = Array.from({ length: view.gradeMax - view.gradeMin + 1 }, (_, i) => view.gradeMin + i);
  return (
    <form
      class="filters"
      method="get"
      action={`/s/${view.slug}`}
      role="search"
      aria-label={t('catalogue.filters')}
      hx-get={`/s/${view.slug}`}
      hx-target="#results"
      hx-select="#results"
      hx-swap="outerHTML"
      hx-push-url="true"
      hx-trigger="change, input changed delay:400ms from:#filter-q, submit"
    >
      <div class="filters__field filters__field--wide">
        <label for="filter-q">{t('catalogue.filter.q')}</label>
        <input id="filter-q" type="search" name="q" value={view.filters.q} maxlength={100} aria-describedby="filter-q-hint" />
        <p class="field__hint" id="filter-q-hint">
          {t('catalogue.filter.qHint')}
        </p>
      </div>
      {/* On a phone (with scripts) the rest folds behind one button; the filters in force show as chips above the
          results, which every change re-renders. */}
      <button type="button" class="button filters__toggle" aria-expanded="true" aria-controls="filter-more" hidden>
        {t('catalogue.filter.toggle')}
      </button>
      <div class="filters__more" id="filter-more">
      <div class="filters__field">
        <label for="filter-category">{t('catalogue.filter.category')}</label>
        <select id="filter-category" name="category">
          <option value="">{t('catalogue.filter.anyCategory')}</option>
          {CATEGORY_CODES.map((code) => (
            <option value={code} selected={view.filters.category === code}>
              {t(`category.${code}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="filters__field">
        <label for="filter-grade">{t('catalogue.filter.grade')}</label>
        <select id="filter-grade" name="grade">
          <option value="">{t('catalogue.filter.anyGrade')}</option>
          {grades.map((grade) => (
            <option value={String(grade)} selected={view.filters.grade === String(grade)}>
              {t('catalogue.filter.gradeN', { grade })}
            </option>
          ))}
        </select>
      </div>
      <div class="filters__field">
        <label for="filter-weekday">{t('catalogue.filter.weekday')}</label>
        <select id="filter-weekday" name="weekday">
          <option value="">{t('catalogue.filter.anyWeekday')}</option>
          {[1, 2, 3, 4, 5, 6, 7].map((weekday) => (
            <option value={String(weekday)} selected={view.filters.weekday === String(weekday)}>
              {format.weekday(weekday, 'long')}
            </option>
          ))}
        </select>
      </div>
      <div class="filters__check">
        <input id="filter-free" type="checkbox" name="free" value="1" checked={view.filters.free} />
        <label for="filter-free">{t('catalogue.filter.free')}</label>
      </div>
      <div class="filters__actions">
        <button type="submit" class="button button--primary">
          {t('catalogue.filter.submit')}
        </button>
        <a href={`/s/${view.slug}`} class="filters__reset">
          {t('catalogue.filter.reset')}
        </a>
      </div>
      </div>
    </form>
  );
}

/** The page around a catalogue rendered once for everyone (see CatalogueMain): only the chrome is per person. */
export function CataloguePage(props: { chrome: Chrome; schoolName: string; main: Child }) {
  return (
    <Layout
      chrome={props.chrome}
      title={props.chrome.i18n.t('catalogue.title', { school: props.schoolName })}
      share={{ description: props.chrome.i18n.t('catalogue.share', { school: props.schoolName }) }}
    >
      {props.main}
    </Layout>
  );
}

/** Everything on the catalogue page but the chrome: the same for every visitor in one language. */
export function CatalogueMain(props: { i18n: I18n; view: CatalogueView }) {
  const { i18n, view } = props;
  const { t, format } = i18n;
  const term = view.term;
  return (
    <>
      <header class="catalogue-head">
        <h1>{view.schoolName}</h1>
        {term ? (
          <>
            <p class="catalogue-head__term">
              {t('catalogue.termDates', { term: term.name, from: format.day(term.firstDay), to: format.day(term.lastDay) })}
            </p>
            <p class="catalogue-head__window">
              <span class={`tag tag--${view.window}`}>{t(`catalogue.mode.${term.mode}`)}</span>{' '}
              {view.window === 'open'
                ? t('catalogue.window.open', { closes: format.dateTime(term.closesAt) })
                : view.window === 'not_yet'
                  ? t('catalogue.window.not_yet', { opens: format.dateTime(term.opensAt) })
                  : t('catalogue.window.closed')}
              {term.mode === 'lottery' ? (
                <>
                  {' · '}
                  <a href={`/s/${view.slug}/lottery`}>{t('lottery.title')}</a>
                </>
              ) : null}
            </p>
          </>
        ) : null}
        {view.childCheck === 'pupil_list' ? <p class="catalogue-head__check">{t('catalogue.pupilList')}</p> : null}
      </header>
      {term ? (
        <div class="catalogue">
          <FilterForm i18n={i18n} view={view} />
          <CatalogueResults i18n={i18n} view={view} />
        </div>
      ) : (
        <p class="empty">{t('catalogue.noTerm')}</p>
      )}
      <p class="open-data">
        {t('catalogue.openData')} <a href={`/s/${view.slug}/catalogue.json`}>JSON</a> · <a href={`/s/${view.slug}/catalogue.csv`}>CSV</a>
      </p>
    </>
  );
}
