// The district's data portrait (数据画像) for the district admin: filters, three server-drawn charts, and the
// figures per school, category and grade, with unmet demand. Names no child.
import { CATEGORY_CODES } from '../../src/kernel/categories.ts';
import type { I18n, MessageKey } from '../../src/kernel/messages.ts';
import type { Day } from '../../src/kernel/vocabulary.ts';
import type { Chrome } from '../chrome.ts';
import { DemandBars, ParticipationBars, WeeklyAttendance, percent } from '../components/district-charts.tsx';
import { Notice } from '../components/form.tsx';
import { Layout } from '../layout.tsx';
import type { Tally } from './attendance-report.tsx';

export type { Tally };

export interface DistrictFigures extends Tally {
  offerings: number;
  clubs: number;
  courses: number;
  seats: number;
  enrolled: number;
  /** Seats not taken. */
  free: number;
  /** Waitlist places. */
  waitlisted: number;
  /** Lottery requests the draw left without a seat or a waitlist place. */
  unmet: number;
  /** Lottery requests not drawn yet. */
  requested: number;
  /** enrolled ÷ seats; null without seats. */
  fillRate: number | null;
  /** Children with at least one seat, and the children Clubroll knows (the pupil list where the school keeps one). */
  seatedChildren: number;
  knownChildren: number;
  participationRate: number | null;
  /** The school report's: (present + late) ÷ (present + late + absent); null without marks. */
  attendanceRate: number | null;
}

export interface SchoolFigures extends DistrictFigures {
  slug: string;
  name: string;
  term: { id: number; name_zh: string; name_en: string } | null;
}

export interface GradeFigures {
  grade: number;
  knownChildren: number;
  seatedChildren: number;
  participationRate: number | null;
  enrolled: number;
  waitlisted: number;
  unmet: number;
}

export interface UnmetDemand {
  category: string;
  grade: number;
  /** Children waiting in the category with no seat in it. */
  children: number;
  waitlisted: number;
  unmet: number;
  /** Seats free in the same category, open to the grade, at any school. */
  freeSeats: number;
}

export interface DistrictPortrait {
  schools: SchoolFigures[];
  total: DistrictFigures;
  categories: (DistrictFigures & { category: string })[];
  grades: GradeFigures[];
  unmet: UnmetDemand[];
  /** Every week (its Monday) with marks anywhere, in order. */
  weeks: Day[];
  weekly: { slug: string; name: string; weeks: { monday: Day; rate: number | null }[] }[];
}

export interface DistrictFilters {
  term: string;
  category: string;
  grade: string;
}

export const categoryLabel = (i18n: I18n, code: string) => ((CATEGORY_CODES as readonly string[]).includes(code) ? i18n.t(`category.${code}` as MessageKey) : code);

function Heads(props: { i18n: I18n; columns: MessageKey[] }) {
  return (
    <>
      {props.columns.map((key) => (
        <th scope="col" class="num">
          {props.i18n.t(key)}
        </th>
      ))}
    </>
  );
}

const FIGURE_COLUMNS: MessageKey[] = [
  'district.col.offerings',
  'district.col.seats',
  'district.col.enrolled',
  'district.col.waitlisted',
  'district.col.unmet',
  'district.col.fill',
  'district.col.participation',
  'district.col.attendance',
];

function FigureCells(props: { i18n: I18n; row: DistrictFigures }) {
  const { i18n, row } = props;
  return (
    <>
      <td class="num">{`${row.offerings} (${row.clubs}/${row.courses})`}</td>
      <td class="num">{row.seats}</td>
      <td class="num">{row.enrolled}</td>
      <td class="num">{row.waitlisted}</td>
      <td class="num">{row.unmet}</td>
      <td class="num">{percent(i18n, row.fillRate)}</td>
      <td class="num">{`${percent(i18n, row.participationRate)} (${row.seatedChildren}/${row.knownChildren})`}</td>
      <td class="num">{percent(i18n, row.attendanceRate)}</td>
    </>
  );
}

function CsvLink(props: { i18n: I18n; table: string; query: string }) {
  const params = new URLSearchParams(props.query);
  params.set('table', props.table);
  return (
    <a class="button" href={`/admin/district.csv?${params.toString()}`}>
      {props.i18n.t('district.csv')}
    </a>
  );
}

/** The figures below the filters: the part htmx replaces when a filter changes. */
export function DistrictFiguresSection(props: { i18n: I18n; portrait: DistrictPortrait; query: string; filterError: boolean }) {
  const { i18n, portrait, query } = props;
  const { t } = i18n;
  const { total } = portrait;
  return (
    <section id="district-figures" aria-live="polite">
      {props.filterError ? <Notice kind="error">{t('district.error.filter')}</Notice> : null}
      <p class="report-summary">
        {t('district.summary', {
          offerings: total.offerings,
          clubs: total.clubs,
          courses: total.courses,
          participation: percent(i18n, total.participationRate),
          fill: percent(i18n, total.fillRate),
          attendance: percent(i18n, total.attendanceRate),
        })}
      </p>
      <div class="report-charts">
        <section class="card" aria-labelledby="district-participation">
          <h2 id="district-participation">{t('district.chart.participation')}</h2>
          <ParticipationBars i18n={i18n} rows={portrait.schools.map((school) => ({ name: school.name, rate: school.participationRate }))} />
        </section>
        <section class="card" aria-labelledby="district-demand">
          <h2 id="district-demand">{t('district.chart.demand')}</h2>
          <DemandBars i18n={i18n} rows={portrait.categories.map((row) => ({ label: categoryLabel(i18n, row.category), demand: row.enrolled + row.waitlisted + row.unmet + row.requested, seats: row.seats }))} />
          <p class="field__hint">{t('district.chart.demandNote')}</p>
        </section>
        <section class="card" aria-labelledby="district-weekly">
          <h2 id="district-weekly">{t('district.chart.weekly')}</h2>
          <WeeklyAttendance i18n={i18n} weeks={portrait.weeks} rows={portrait.weekly} />
        </section>
      </div>

      <section aria-labelledby="district-schools">
        <h2 id="district-schools">{t('district.bySchool')}</h2>
        <div class="table-scroll" tabindex={0} role="region" aria-label={t('district.bySchool')}>
          <table class="table table--figures">
            <thead>
              <tr>
                <th scope="col">{t('district.col.school')}</th>
                <th scope="col">{t('district.col.term')}</th>
                <Heads i18n={i18n} columns={FIGURE_COLUMNS} />
              </tr>
            </thead>
            <tbody>
              {portrait.schools.map((school) => (
                <tr>
                  <th scope="row">{school.name}</th>
                  <td>{school.term ? i18n.pick(school.term.name_zh, school.term.name_en) : t('district.noTerm')}</td>
                  <FigureCells i18n={i18n} row={school} />
                </tr>
              ))}
              <tr class="table__total">
                <th scope="row">{t('district.total')}</th>
                <td></td>
                <FigureCells i18n={i18n} row={total} />
              </tr>
            </tbody>
          </table>
        </div>
        <p class="table-note">{t('district.offeringsNote')}</p>
        <CsvLink i18n={i18n} table="schools" query={query} />
      </section>

      <section aria-labelledby="district-categories">
        <h2 id="district-categories">{t('district.byCategory')}</h2>
        <div class="table-scroll" tabindex={0} role="region" aria-label={t('district.byCategory')}>
          <table class="table table--figures">
            <thead>
              <tr>
                <th scope="col">{t('district.col.category')}</th>
                <Heads i18n={i18n} columns={FIGURE_COLUMNS} />
              </tr>
            </thead>
            <tbody>
              {portrait.categories.map((row) => (
                <tr>
                  <th scope="row">{categoryLabel(i18n, row.category)}</th>
                  <FigureCells i18n={i18n} row={row} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CsvLink i18n={i18n} table="categories" query={query} />
      </section>

      <section aria-labelledby="district-grades">
        <h2 id="district-grades">{t('district.byGrade')}</h2>
        <div class="table-scroll" tabindex={0} role="region" aria-label={t('district.byGrade')}>
          <table class="table table--figures">
            <thead>
              <tr>
                <th scope="col">{t('district.col.grade')}</th>
                <Heads i18n={i18n} columns={['district.col.known', 'district.col.seated', 'district.col.participation', 'district.col.enrolled', 'district.col.waitlisted', 'district.col.unmet']} />
              </tr>
            </thead>
            <tbody>
              {portrait.grades.map((row) => (
                <tr>
                  <th scope="row">{t('district.gradeN', { grade: row.grade })}</th>
                  <td class="num">{row.knownChildren}</td>
                  <td class="num">{row.seatedChildren}</td>
                  <td class="num">{percent(i18n, row.participationRate)}</td>
                  <td class="num">{row.enrolled}</td>
                  <td class="num">{row.waitlisted}</td>
                  <td class="num">{row.unmet}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CsvLink i18n={i18n} table="grades" query={query} />
      </section>

      <section aria-labelledby="district-unmet">
        <h2 id="district-unmet">{t('district.unmetDemand')}</h2>
        <p>{t('district.unmetIntro')}</p>
        {portrait.unmet.length === 0 ? (
          <p class="empty">{t('district.noUnmet')}</p>
        ) : (
          <div class="table-scroll" tabindex={0} role="region" aria-label={t('district.unmetDemand')}>
            <table class="table table--figures">
              <thead>
                <tr>
                  <th scope="col">{t('district.col.category')}</th>
                  <th scope="col">{t('district.col.grade')}</th>
                  <Heads i18n={i18n} columns={['district.col.waiting', 'district.col.waitlisted', 'district.col.unmet', 'district.col.freeSeats']} />
                </tr>
              </thead>
              <tbody>
                {portrait.unmet.map((row) => (
                  <tr>
                    <th scope="row">{categoryLabel(i18n, row.category)}</th>
                    <td>{t('district.gradeN', { grade: row.grade })}</td>
                    <td class="num">{row.children}</td>
                    <td class="num">{row.waitlisted}</td>
                    <td class="num">{row.unmet}</td>
                    <td class="num">{row.freeSeats}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <CsvLink i18n={i18n} table="unmet" query={query} />
      </section>
    </section>
  );
}

export function DistrictPage(props: {
  chrome: Chrome;
  filters: DistrictFilters;
  filterError: boolean;
  termOptions: { value: string; label: string }[];
  gradeOptions: number[];
  portrait: DistrictPortrait;
  query: string;
}) {
  const i18n = props.chrome.i18n;
  const { t } = i18n;
  const select = (id: string, name: keyof DistrictFilters, label: MessageKey, options: { value: string; label: string }[]) => (
    <div class="filters__field">
      <label for={id}>{t(label)}</label>
      <select id={id} name={name}>
        {options.map((option) => (
          <option value={option.value} selected={props.filters[name] === option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Layout chrome={props.chrome} title={t('district.title')}>
      <p>
        <a href="/admin">← {t('admin.title')}</a>
      </p>
      <h1>{t('district.title')}</h1>
      <p>{t('district.intro')}</p>
      <form
        method="get"
        action="/admin/district"
        class="filters report-filters"
        aria-label={t('district.filters')}
        hx-get="/admin/district"
        hx-target="#district-figures"
        hx-swap="outerHTML"
        hx-push-url="true"
        hx-trigger="change, submit"
      >
        {select('district-term', 'term', 'district.filter.term', [{ value: '', label: t('district.filter.currentTerms') }, ...props.termOptions])}
        {select('district-category', 'category', 'district.filter.category', [{ value: '', label: t('district.filter.any') }, ...CATEGORY_CODES.map((code) => ({ value: code, label: t(`category.${code}`) }))])}
        {select('district-grade', 'grade', 'district.filter.grade', [{ value: '', label: t('district.filter.any') }, ...props.gradeOptions.map((grade) => ({ value: String(grade), label: t('district.gradeN', { grade }) }))])}
        <div class="filters__actions">
          <button type="submit" class="button button--primary">
            {t('district.filter.apply')}
          </button>
          <a href={`/admin/district.json${props.query ? `?${props.query}` : ''}`} class="button">
            {t('district.json')}
          </a>
        </div>
      </form>
      <DistrictFiguresSection i18n={i18n} portrait={props.portrait} query={props.query} filterError={props.filterError} />
    </Layout>
  );
}
