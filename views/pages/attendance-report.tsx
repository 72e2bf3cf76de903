// The term's attendance report for a school admin: filters, two small server-drawn SVG charts, tables.
import { CATEGORY_CODES } from '../../src/kernel/categories.ts';
import type { I18n, MessageKey } from '../../src/kernel/messages.ts';
import type { Day } from '../../src/kernel/vocabulary.ts';
import type { Chrome } from '../chrome.ts';
import { Notice } from '../components/form.tsx';
import { Layout } from '../layout.tsx';

/** An offering as the report lists it (its title already in the reader's language). */
export interface ReportOffering {
  id: number;
  code: string;
  title: string;
  category: string;
  capacity: number;
  enrolled: number;
}

export interface Tally {
  present: number;
  late: number;
  absent: number;
  excused: number;
}

export interface Figures extends Tally {
  enrolled: number;
  capacity: number;
  /** enrolled ÷ capacity, null without seats. */
  fillRate: number | null;
  /** (present + late) ÷ (present + late + absent): excused meetings are not counted; null without marks. */
  attendanceRate: number | null;
}

export interface OfferingFigures extends Figures {
  offering: ReportOffering;
  flagged: number;
}

export interface AttendanceReport {
  offerings: OfferingFigures[];
  categories: (Figures & { category: string })[];
  total: Figures;
  /** One point per week (by its Monday) that had marks, in order. */
  weeks: { monday: Day; rate: number | null; marks: number }[];
  flagged: { childId: number; childName: string; offeringId: number; absences: number }[];
}

export interface ReportFilters {
  category: string;
  weekday: string;
}

export function percent(i18n: I18n, rate: number | null): string {
  return rate === null ? i18n.t('report.noData') : `${Math.round(rate * 1000) / 10}%`;
}

const categoryLabel = (i18n: I18n, code: string) => ((CATEGORY_CODES as readonly string[]).includes(code) ? i18n.t(`category.${code}` as MessageKey) : code);

/** Horizontal bars: one per category, its attendance rate. */
function CategoryBars(props: { i18n: I18n; rows: (Figures & { category: string })[] }) {
  const { i18n } = props;
  const rowHeight = 30;
  const height = props.rows.length * rowHeight + 8;
  return (
    <svg class="chart" viewBox={`0 0 340 ${height}`} role="img" aria-labelledby="chart-categories-title">
      <title id="chart-categories-title">{i18n.t('report.byCategory')}</title>
      {props.rows.map((row, index) => {
        const y = index * rowHeight + 4;
        const width = Math.round((row.attendanceRate ?? 0) * 170);
        return (
          <g>
            <text x="0" y={y + 18} class="chart__label">
              {categoryLabel(i18n, row.category)}
            </text>
            <rect x="100" y={y + 4} width="170" height="20" class="chart__track" rx="4" />
            <rect x="100" y={y + 4} width={width} height="20" class="chart__bar" rx="4" />
            <text x="276" y={y + 18} class="chart__value">
              {percent(i18n, row.attendanceRate)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A line through each week's attendance rate, 0–100 %. */
function WeeklyLine(props: { i18n: I18n; weeks: AttendanceReport['weeks'] }) {
  const { i18n } = props;
  const points = props.weeks.filter((week) => week.rate !== null);
  if (points.length === 0) return <p class="empty">{i18n.t('report.noWeeks')}</p>;
  const left = 40;
  const right = 330;
  const top = 10;
  const bottom = 130;
  const x = (index: number) => (points.length === 1 ? (left + right) / 2 : left + ((right - left) * index) / (points.length - 1));
  const y = (rate: number) => bottom - (bottom - top) * rate;
  const path = points.map((week, index) => `${x(index).toFixed(1)},${y(week.rate!).toFixed(1)}`).join(' ');
  return (
    <svg class="chart" viewBox="0 0 340 160" role="img" aria-labelledby="chart-weeks-title">
      <title id="chart-weeks-title">{i18n.t('report.weekly')}</title>
      {[0, 0.5, 1].map((rate) => (
        <g>
          <line x1={left} x2={right} y1={y(rate)} y2={y(rate)} class="chart__grid" />
          <text x={left - 6} y={y(rate) + 4} class="chart__axis" text-anchor="end">
            {`${rate * 100}%`}
          </text>
        </g>
      ))}
      <polyline points={path} class="chart__line" />
      {points.map((week, index) => (
        <circle cx={x(index)} cy={y(week.rate!)} r="3.5" class="chart__point">
          <title>{`${i18n.t('report.weekOf', { day: i18n.format.shortDay(week.monday) })}: ${percent(i18n, week.rate)}`}</title>
        </circle>
      ))}
      <text x={left} y="152" class="chart__axis">
        {i18n.format.shortDay(points[0]!.monday)}
      </text>
      {points.length > 1 ? (
        <text x={right} y="152" class="chart__axis" text-anchor="end">
          {i18n.format.shortDay(points.at(-1)!.monday)}
        </text>
      ) : null}
    </svg>
  );
}

function FigureCells(props: { i18n: I18n; row: Figures }) {
  const { i18n, row } = props;
  return (
    <>
      <td class="num">{row.enrolled}</td>
      <td class="num">{row.capacity}</td>
      <td class="num">{percent(i18n, row.fillRate)}</td>
      <td class="num">{row.present}</td>
      <td class="num">{row.late}</td>
      <td class="num">{row.absent}</td>
      <td class="num">{row.excused}</td>
      <td class="num">{percent(i18n, row.attendanceRate)}</td>
    </>
  );
}

function FigureHeads(props: { i18n: I18n }) {
  const { t } = props.i18n;
  return (
    <>
      {(['enrolled', 'capacity', 'fill', 'present', 'late', 'absent', 'excused', 'rate'] as const).map((column) => (
        <th scope="col" class="num">
          {t(`report.col.${column}`)}
        </th>
      ))}
    </>
  );
}

export function AttendanceReportPage(props: {
  chrome: Chrome;
  termId: number;
  termName: string;
  filters: ReportFilters;
  filterError: boolean;
  report: AttendanceReport;
  flagThreshold: number;
  offeringTitles: Map<number, string>;
  csvHref: string;
}) {
  const i18n = props.chrome.i18n;
  const { t, format } = i18n;
  const { report } = props;
  return (
    <Layout chrome={props.chrome} title={t('report.title')}>
      <p>
        <a href={`/admin/terms/${props.termId}`}>← {props.termName}</a>
      </p>
      <h1>{t('report.heading', { term: props.termName })}</h1>
      {props.filterError ? <Notice kind="error">{t('report.error.filter')}</Notice> : null}
      <form method="get" action={`/admin/terms/${props.termId}/attendance`} class="filters report-filters" aria-label={t('report.filters')}>
        <div class="filters__field">
          <label for="report-category">{t('report.category')}</label>
          <select id="report-category" name="category">
            <option value="">{t('report.any')}</option>
            {CATEGORY_CODES.map((code) => (
              <option value={code} selected={props.filters.category === code}>
                {t(`category.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="filters__field">
          <label for="report-weekday">{t('report.weekday')}</label>
          <select id="report-weekday" name="weekday">
            <option value="">{t('report.any')}</option>
            {[1, 2, 3, 4, 5, 6, 7].map((weekday) => (
              <option value={String(weekday)} selected={props.filters.weekday === String(weekday)}>
                {format.weekday(weekday, 'long')}
              </option>
            ))}
          </select>
        </div>
        <div class="filters__actions">
          <button type="submit" class="button button--primary">
            {t('report.apply')}
          </button>
          <a href={props.csvHref} class="button">
            {t('report.csv')}
          </a>
        </div>
      </form>

      {report.offerings.length === 0 ? (
        <p class="empty">{t('report.empty')}</p>
      ) : (
        <>
          <p class="report-summary">
            {t('report.summary', {
              rate: percent(i18n, report.total.attendanceRate),
              fill: percent(i18n, report.total.fillRate),
              enrolled: format.number(report.total.enrolled),
              capacity: format.number(report.total.capacity),
            })}
          </p>
          <div class="report-charts">
            <section class="card" aria-labelledby="by-category">
              <h2 id="by-category">{t('report.byCategory')}</h2>
              <CategoryBars i18n={i18n} rows={report.categories} />
            </section>
            <section class="card" aria-labelledby="by-week">
              <h2 id="by-week">{t('report.weekly')}</h2>
              <WeeklyLine i18n={i18n} weeks={report.weeks} />
            </section>
          </div>

          <section aria-labelledby="category-table">
            <h2 id="category-table">{t('report.col.category')}</h2>
            <div class="table-scroll" tabindex={0} role="region" aria-labelledby="category-table">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t('report.col.category')}</th>
                    <FigureHeads i18n={i18n} />
                  </tr>
                </thead>
                <tbody>
                  {report.categories.map((row) => (
                    <tr>
                      <th scope="row">{categoryLabel(i18n, row.category)}</th>
                      <FigureCells i18n={i18n} row={row} />
                    </tr>
                  ))}
                  <tr class="table__total">
                    <th scope="row">{t('report.level.total')}</th>
                    <FigureCells i18n={i18n} row={report.total} />
                  </tr>
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="offering-table">
            <h2 id="offering-table">{t('report.offerings')}</h2>
            <div class="table-scroll" tabindex={0} role="region" aria-labelledby="offering-table">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t('report.col.title')}</th>
                    <th scope="col">{t('report.col.category')}</th>
                    <FigureHeads i18n={i18n} />
                    <th scope="col" class="num">
                      {t('report.col.flagged')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.offerings.map((row) => (
                    <tr>
                      <th scope="row">
                        {row.offering.title} <span class="muted">{row.offering.code}</span>
                      </th>
                      <td>{categoryLabel(i18n, row.offering.category)}</td>
                      <FigureCells i18n={i18n} row={row} />
                      <td class="num">{row.flagged}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="flagged">
            <h2 id="flagged">{t('report.flagged', { count: props.flagThreshold })}</h2>
            {report.flagged.length === 0 ? (
              <p class="empty">{t('report.noneFlagged', { count: props.flagThreshold })}</p>
            ) : (
              <div class="table-scroll" tabindex={0} role="region" aria-labelledby="flagged">
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('report.col.child')}</th>
                      <th scope="col">{t('report.col.offering')}</th>
                      <th scope="col" class="num">
                        {t('report.col.absences')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.flagged.map((entry) => (
                      <tr>
                        <th scope="row">{entry.childName}</th>
                        <td>{props.offeringTitles.get(entry.offeringId) ?? ''}</td>
                        <td class="num">{entry.absences}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </Layout>
  );
}
