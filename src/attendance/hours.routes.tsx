// HTTP for teacher hours (教师课时): the district's and one school's month, as a page and as CSV.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { TeacherHoursPage } from '../../views/pages/teacher-hours.tsx';
import type { AppEnv } from '../http/app-env.ts';
import { csvFromRows } from '../http/csv.ts';
import { requireAdmin, requireRole } from '../http/guards.ts';
import { chromeFor, errorPage, respond } from '../http/pages.tsx';
import { ids } from '../http/validators.ts';
import type { I18n } from '../kernel/messages.ts';
import { askedMonth, type Month, type TeacherHoursReport } from './hours.policy.ts';
import type { HoursService } from './hours.service.ts';

/** One row per teacher and offering, under translated headers (UTF-8 with a BOM, through the one CSV writer). */
function hoursCsv(i18n: I18n, month: Month, report: TeacherHoursReport): string {
  const { t } = i18n;
  const header = (['month', 'teacher', 'school', 'code', 'title', 'held', 'taken', 'hours', 'average'] as const).map((column) => t(`hours.col.${column}`));
  const rows = report.offerings.map((row) => [month.value, row.teacherName ?? t('hours.noTeacher'), row.schoolName, row.code, row.title, row.held, row.taken, row.hours, row.averagePresent ?? '']);
  return csvFromRows([header, ...rows]);
}

export function hoursRoutes(deps: { hours: HoursService }) {
  const { hours } = deps;
  const app = new Hono<AppEnv>();
  const districtAdmin = requireRole(['district_admin'], (c, status) => errorPage(c, status));
  const admins = requireAdmin();

  /** The page, or (a month that is no month) the form alone with the message at the field, 400. */
  function page<E extends AppEnv>(
    c: Context<E>,
    parts: { heading: string; back: { href: string; label: string }; action: string; showSchool: boolean },
    asked: ReturnType<typeof askedMonth>,
    report: TeacherHoursReport | null,
  ) {
    const i18n = c.get('i18n');
    const month = asked.ok ? asked.month.value : asked.value;
    return respond(
      c,
      {
        page: () => (
          <TeacherHoursPage
            chrome={chromeFor(c)}
            {...parts}
            month={month}
            error={asked.ok ? undefined : i18n.t('hours.error.month')}
            csvHref={`${parts.action}.csv?month=${encodeURIComponent(month)}`}
            report={asked.ok ? report : null}
          />
        ),
      },
      asked.ok ? 200 : 400,
    );
  }

  function csv<E extends AppEnv>(c: Context<E>, filename: string, month: Month, report: TeacherHoursReport) {
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${filename}-${month.value}.csv"`);
    c.header('Cache-Control', 'no-store');
    return c.body(hoursCsv(c.get('i18n'), month, report));
  }

  const districtParts = (i18n: I18n) => ({ heading: i18n.t('hours.heading.district'), back: { href: '/admin', label: i18n.t('hours.back.district') }, action: '/admin/district/teacher-hours', showSchool: true });

  const schoolParts = (i18n: I18n, school: { id: number; name_zh: string; name_en: string }) => {
    const name = i18n.pick(school.name_zh, school.name_en);
    return { heading: i18n.t('hours.heading.school', { school: name }), back: { href: `/admin/schools/${school.id}`, label: name }, action: `/admin/schools/${school.id}/teacher-hours`, showSchool: false };
  };

  // Each report as a page and as a CSV: one handler per report, the format the path's only difference.
  for (const format of ['page', 'csv'] as const) {
    const suffix = format === 'csv' ? '.csv' : '';

    app.get(`/admin/district/teacher-hours${suffix}`, districtAdmin, async (c) => {
      const i18n = c.get('i18n');
      const asked = askedMonth(c.req.query('month'), hours.today());
      if (!asked.ok) return page(c, districtParts(i18n), asked, null);
      const answer = await hours.district(c.get('user'), asked.month, i18n.lang);
      if (!answer.ok) return errorPage(c, 404);
      return format === 'csv' ? csv(c, 'district-teacher-hours', answer.month, answer.report) : page(c, districtParts(i18n), asked, answer.report);
    });

    app.get(`/admin/schools/:schoolId/teacher-hours${suffix}`, admins, ids('schoolId'), async (c) => {
      const { schoolId } = c.req.valid('param');
      const i18n = c.get('i18n');
      const asked = askedMonth(c.req.query('month'), hours.today());
      if (!asked.ok) {
        const school = await hours.school(c.get('user'), schoolId);
        return school ? page(c, schoolParts(i18n, school), asked, null) : errorPage(c, 404);
      }
      const answer = await hours.schoolHours(c.get('user'), schoolId, asked.month, i18n.lang);
      if (!answer.ok) return errorPage(c, 404);
      return format === 'csv' ? csv(c, `${answer.school.slug}-teacher-hours`, answer.month, answer.report) : page(c, schoolParts(i18n, answer.school), asked, answer.report);
    });
  }

  return app;
}
