// Teacher hours (教师课时) for the district or one school: a month picker, the totals per teacher and the rows per
// offering. On a phone each row stacks into a labelled card, so no key column scrolls sideways.
import type { I18n } from '../../src/kernel/messages.ts';
import type { Chrome } from '../chrome.ts';
import { Breadcrumb } from '../components/admin.tsx';
import { Field } from '../components/form.tsx';
import { Layout } from '../layout.tsx';

interface HoursFigures {
  held: number;
  taken: number;
  hours: number;
  averagePresent: number | null;
}

export interface HoursOfferingRow extends HoursFigures {
  teacherName: string | null;
  schoolName: string;
  code: string;
  title: string;
}

export interface HoursTeacherRow extends HoursFigures {
  teacherName: string | null;
  schoolNames: string[];
  offerings: number;
}

export interface HoursReportView {
  offerings: HoursOfferingRow[];
  teachers: HoursTeacherRow[];
  total: HoursFigures & { teachers: number };
}

/** 2026年11月 / November 2026, for a YYYY-MM month. */
export function monthLabel(i18n: I18n, month: string): string {
  const [year, number] = month.split('-');
  if (i18n.lang === 'zh-CN') return `${year}年${Number(number)}月`;
  return new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

const average = (i18n: I18n, value: number | null) => (value === null ? i18n.t('hours.none') : i18n.format.number(value));

function FigureCells(props: { i18n: I18n; row: HoursFigures }) {
  const { i18n, row } = props;
  const { t, format } = i18n;
  return (
    <>
      <td class="num" data-label={t('hours.col.hours')}>
        {format.number(row.hours)}
      </td>
      <td class="num" data-label={t('hours.col.held')}>
        {format.number(row.held)}
      </td>
      <td class="num" data-label={t('hours.col.taken')}>
        {format.number(row.taken)}
      </td>
      <td class="num" data-label={t('hours.col.average')}>
        {average(i18n, row.averagePresent)}
      </td>
    </>
  );
}

function FigureHeads(props: { i18n: I18n }) {
  const { t } = props.i18n;
  return (
    <>
      {(['hours', 'held', 'taken', 'average'] as const).map((column) => (
        <th scope="col" class="num">
          {t(`hours.col.${column}`)}
        </th>
      ))}
    </>
  );
}

export function TeacherHoursPage(props: {
  chrome: Chrome;
  heading: string;
  back: { href: string; label: string };
  /** The page's own path: the month form's action. */
  action: string;
  month: string;
  /** The month refused: the form alone, with this message at the field. */
  error?: string | undefined;
  showSchool: boolean;
  csvHref: string;
  report: HoursReportView | null;
}) {
  const i18n = props.chrome.i18n;
  const { t, format } = i18n;
  const { report } = props;
  const teacherName = (name: string | null) => name ?? t('hours.noTeacher');
  return (
    <Layout chrome={props.chrome} title={`${props.heading} · ${t('hours.title')}`}>
      <Breadcrumb href={props.back.href} label={props.back.label} />
      <h1>{props.heading}</h1>
      <p class="muted">{t('hours.intro')}</p>
      <form method="get" action={props.action} class="filters hours-filters" aria-label={t('hours.pickMonth')}>
        <div class="filters__field">
          <Field id="hours-month" name="month" type="month" label={t('hours.month')} hint={t('hours.month.hint')} value={props.month} error={props.error} required />
        </div>
        <div class="filters__actions">
          <button type="submit" class="button button--primary">
            {t('hours.show')}
          </button>
          {report ? (
            <a href={props.csvHref} class="button" download>
              {t('hours.csv')}
            </a>
          ) : null}
        </div>
      </form>

      {report === null ? null : report.offerings.length === 0 ? (
        <p class="empty">{t('hours.empty')}</p>
      ) : (
        <>
          <p class="report-summary">
            {t('hours.summary', {
              month: monthLabel(i18n, props.month),
              teachers: format.number(report.total.teachers),
              held: format.number(report.total.held),
              hours: format.number(report.total.hours),
              taken: format.number(report.total.taken),
            })}
          </p>
          <section aria-labelledby="hours-teachers">
            <h2 id="hours-teachers">{t('hours.byTeacher')}</h2>
            <table class="table table--cards">
              <thead>
                <tr>
                  <th scope="col">{t('hours.col.teacher')}</th>
                  <FigureHeads i18n={i18n} />
                </tr>
              </thead>
              <tbody>
                {report.teachers.map((row) => (
                  <tr>
                    <th scope="row" class="table__name" data-label={t('hours.col.teacher')}>
                      <span>
                        {teacherName(row.teacherName)}
                        {props.showSchool ? <span class="muted hours-table__school"> {row.schoolNames.join('、')}</span> : null}
                      </span>
                    </th>
                    <FigureCells i18n={i18n} row={row} />
                  </tr>
                ))}
                <tr class="table__total">
                  <th scope="row" data-label={t('hours.col.teacher')}>
                    {t('hours.total')}
                  </th>
                  <FigureCells i18n={i18n} row={report.total} />
                </tr>
              </tbody>
            </table>
          </section>
          <section aria-labelledby="hours-offerings">
            <h2 id="hours-offerings">{t('hours.byOffering')}</h2>
            <table class="table table--cards">
              <thead>
                <tr>
                  <th scope="col">{t('hours.col.title')}</th>
                  <th scope="col">{t('hours.col.teacher')}</th>
                  {props.showSchool ? <th scope="col">{t('hours.col.school')}</th> : null}
                  <FigureHeads i18n={i18n} />
                </tr>
              </thead>
              <tbody>
                {report.offerings.map((row) => (
                  <tr>
                    <th scope="row" class="table__name" data-label={t('hours.col.title')}>
                      <span>
                        {row.title} <span class="muted">{row.code}</span>
                      </span>
                    </th>
                    <td data-label={t('hours.col.teacher')}>{teacherName(row.teacherName)}</td>
                    {props.showSchool ? <td data-label={t('hours.col.school')}>{row.schoolName}</td> : null}
                    <FigureCells i18n={i18n} row={row} />
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </Layout>
  );
}
