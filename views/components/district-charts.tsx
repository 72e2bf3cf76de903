// The district portrait's server-drawn SVG charts: participation by school, demand against seats by category, and
// weekly attendance by school. Each scales to its box (viewBox, width 100 %) and names itself for screen readers;
// the page puts the same figures in a table beside it.
import type { I18n } from '../../src/kernel/messages.ts';
import type { Day } from '../../src/kernel/vocabulary.ts';

export function percent(i18n: I18n, rate: number | null): string {
  return rate === null ? i18n.t('district.noData') : `${Math.round(rate * 1000) / 10}%`;
}

const WIDTH = 340;
const LABEL = 104;
const BAR = 170;

/** Horizontal bars: each school's children with a seat out of the children Clubroll knows there. */
export function ParticipationBars(props: { i18n: I18n; rows: { name: string; rate: number | null }[] }) {
  const { i18n } = props;
  const rowHeight = 30;
  const height = props.rows.length * rowHeight + 8;
  const summary = props.rows.map((row) => `${row.name} ${percent(i18n, row.rate)}`).join('；');
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby="chart-participation-title chart-participation-desc">
      <title id="chart-participation-title">{i18n.t('district.chart.participation')}</title>
      <desc id="chart-participation-desc">{summary}</desc>
      {props.rows.map((row, index) => {
        const y = index * rowHeight + 4;
        return (
          <g>
            <text x="0" y={y + 18} class="chart__label">
              {row.name.length > 8 ? `${row.name.slice(0, 7)}…` : row.name}
            </text>
            <rect x={LABEL} y={y + 4} width={BAR} height="20" class="chart__track" rx="4" />
            <rect x={LABEL} y={y + 4} width={Math.round(Math.min(1, row.rate ?? 0) * BAR)} height="20" class="chart__bar" rx="4" />
            <text x={LABEL + BAR + 6} y={y + 18} class="chart__value">
              {percent(i18n, row.rate)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Per category two bars on one scale: places wanted (seats taken + waiting + lottery not met) and seats. */
export function DemandBars(props: { i18n: I18n; rows: { label: string; demand: number; seats: number }[] }) {
  const { i18n } = props;
  const rowHeight = 40;
  const top = 22;
  const height = top + props.rows.length * rowHeight + 4;
  const most = Math.max(1, ...props.rows.flatMap((row) => [row.demand, row.seats]));
  const scale = (value: number) => Math.round((value / most) * (BAR + 10));
  const summary = props.rows.map((row) => i18n.t('district.chart.demandRow', { category: row.label, demand: row.demand, seats: row.seats })).join('；');
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby="chart-demand-title chart-demand-desc">
      <title id="chart-demand-title">{i18n.t('district.chart.demand')}</title>
      <desc id="chart-demand-desc">{summary}</desc>
      <rect x={LABEL} y="4" width="12" height="10" class="chart__bar" />
      <text x={LABEL + 16} y="13" class="chart__axis">
        {i18n.t('district.chart.demandLegend')}
      </text>
      <rect x={LABEL + 110} y="4" width="12" height="10" class="chart__bar chart__bar--seats" />
      <text x={LABEL + 126} y="13" class="chart__axis">
        {i18n.t('district.chart.seatsLegend')}
      </text>
      {props.rows.map((row, index) => {
        const y = top + index * rowHeight;
        return (
          <g>
            <text x="0" y={y + 21} class="chart__label">
              {row.label}
            </text>
            <rect x={LABEL} y={y + 4} width={scale(row.demand)} height="14" class="chart__bar" rx="3" />
            <text x={LABEL + scale(row.demand) + 4} y={y + 15} class="chart__axis">
              {String(row.demand)}
            </text>
            <rect x={LABEL} y={y + 20} width={scale(row.seats)} height="14" class="chart__bar chart__bar--seats" rx="3" />
            <text x={LABEL + scale(row.seats) + 4} y={y + 31} class="chart__axis">
              {String(row.seats)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** One small line per school through its weekly attendance rates (0–100 %), weeks shared by all rows. */
export function WeeklyAttendance(props: { i18n: I18n; weeks: Day[]; rows: { name: string; weeks: { monday: Day; rate: number | null }[] }[] }) {
  const { i18n, weeks } = props;
  if (weeks.length === 0) return <p class="empty">{i18n.t('district.noWeeks')}</p>;
  const rowHeight = 44;
  const left = LABEL;
  const right = WIDTH - 48;
  const height = props.rows.length * rowHeight + 22;
  const x = (index: number) => (weeks.length === 1 ? (left + right) / 2 : left + ((right - left) * index) / (weeks.length - 1));
  const summary = props.rows
    .map((row) => {
      const last = row.weeks.filter((week) => week.rate !== null).at(-1);
      return `${row.name} ${last ? `${i18n.t('district.weekOf', { day: i18n.format.shortDay(last.monday) })} ${percent(i18n, last.rate)}` : i18n.t('district.noData')}`;
    })
    .join('；');
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby="chart-weekly-title chart-weekly-desc">
      <title id="chart-weekly-title">{i18n.t('district.chart.weekly')}</title>
      <desc id="chart-weekly-desc">{summary}</desc>
      {props.rows.map((row, index) => {
        const top = index * rowHeight + 6;
        const bottom = top + 32;
        const y = (rate: number) => bottom - (bottom - top) * rate;
        const points = row.weeks.flatMap((week, at) => (week.rate === null ? [] : [{ x: x(at), y: y(week.rate), week }]));
        const last = points.at(-1);
        return (
          <g>
            <text x="0" y={top + 21} class="chart__label">
              {row.name.length > 8 ? `${row.name.slice(0, 7)}…` : row.name}
            </text>
            <line x1={left} x2={right} y1={bottom} y2={bottom} class="chart__grid" />
            <line x1={left} x2={right} y1={top} y2={top} class="chart__grid" />
            {points.length > 1 ? <polyline points={points.map((point) => `${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' ')} class="chart__line" /> : null}
            {points.map((point) => (
              <circle cx={point.x.toFixed(1)} cy={point.y.toFixed(1)} r="3" class="chart__point">
                <title>{`${row.name} ${i18n.t('district.weekOf', { day: i18n.format.shortDay(point.week.monday) })}: ${percent(i18n, point.week.rate)}`}</title>
              </circle>
            ))}
            <text x={right + 6} y={top + 21} class="chart__value">
              {last ? percent(i18n, last.week.rate) : i18n.t('district.noData')}
            </text>
          </g>
        );
      })}
      <text x={left} y={height - 4} class="chart__axis">
        {i18n.format.shortDay(weeks[0]!)}
      </text>
      {weeks.length > 1 ? (
        <text x={right} y={height - 4} class="chart__axis" text-anchor="end">
          {i18n.format.shortDay(weeks.at(-1)!)}
        </text>
      ) : null}
    </svg>
  );
}
