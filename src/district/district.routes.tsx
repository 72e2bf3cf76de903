// HTTP for the district's data portrait: GET /admin/district (page, or the figures alone for htmx),
// /admin/district.json and /admin/district.csv?table=…, for the district admin only (others 403).
import { Hono } from 'hono';
import type { Context } from 'hono';
import { DistrictFiguresSection, DistrictPage } from '../../views/pages/district.tsx';
import type { AppEnv } from '../http/app-env.ts';
import { type SignedInEnv, requireRole } from '../http/guards.ts';
import { chromeFor, errorPage, respond } from '../http/pages.tsx';
import { isCategory } from '../kernel/categories.ts';
import { parseId } from '../kernel/ids.ts';
import { CSV_TABLES, type CsvTable, portraitCsv, portraitJson } from './district-export.ts';
import type { DistrictService, PortraitFilter } from './district.service.ts';

const districtAdmin = requireRole(['district_admin'], (c, status) => errorPage(c, status));

const ALL: PortraitFilter = { termId: null, category: null, grade: null };

/** The query's filters; a value that is not one of the choices makes the whole filter invalid (shown: everything). */
function readFilter(c: Context<SignedInEnv>): { filter: PortraitFilter; invalid: boolean } {
  const term = c.req.query('term') ?? '';
  const category = c.req.query('category') ?? '';
  const grade = c.req.query('grade') ?? '';
  const termId = term === '' ? null : parseId(term);
  const gradeNumber = /^\d{1,2}$/.test(grade) && Number(grade) >= 1 && Number(grade) <= 12 ? Number(grade) : null;
  const invalid = (term !== '' && termId === null) || (category !== '' && !isCategory(category)) || (grade !== '' && gradeNumber === null);
  if (invalid) return { filter: ALL, invalid };
  return { filter: { termId, category: category === '' ? null : category, grade: gradeNumber }, invalid };
}

function queryOf(filter: PortraitFilter): string {
  const params = new URLSearchParams();
  if (filter.termId !== null) params.set('term', String(filter.termId));
  if (filter.category !== null) params.set('category', filter.category);
  if (filter.grade !== null) params.set('grade', String(filter.grade));
  return params.toString();
}

export function districtRoutes(deps: { district: DistrictService }) {
  const { district } = deps;
  const app = new Hono<AppEnv>();

  /** The portrait for the request's filters; an unknown term counts as an invalid filter. */
  async function load(c: Context<SignedInEnv>) {
    const read = readFilter(c);
    const lang = c.get('i18n').lang;
    let filter = read.filter;
    let invalid = read.invalid;
    let found = await district.portrait(c.get('user'), filter, lang);
    if (found === 'unknown_term') {
      filter = ALL;
      invalid = true;
      found = await district.portrait(c.get('user'), filter, lang);
    }
    if (found === null || found === 'unknown_term') return null;
    return { ...found, filter, invalid };
  }

  app.get('/admin/district', districtAdmin, async (c) => {
    const found = await load(c);
    if (!found) return errorPage(c, 404);
    const i18n = c.get('i18n');
    const query = queryOf(found.filter);
    return respond(
      c,
      {
        page: () => (
          <DistrictPage
            chrome={chromeFor(c)}
            filters={{ term: found.filter.termId === null ? '' : String(found.filter.termId), category: found.filter.category ?? '', grade: found.filter.grade === null ? '' : String(found.filter.grade) }}
            filterError={found.invalid}
            termOptions={found.termChoices.map((term) => ({ value: String(term.id), label: `${term.name} (${i18n.format.day(term.firstDay)})` }))}
            gradeOptions={found.grades}
            portrait={found.portrait}
            query={query}
          />
        ),
        fragment: () => <DistrictFiguresSection i18n={i18n} portrait={found.portrait} query={query} filterError={found.invalid} />,
      },
      found.invalid ? 400 : 200,
    );
  });

  app.get('/admin/district.json', districtAdmin, async (c) => {
    const found = await load(c);
    if (!found) return c.json({ error: 'not_found' }, 404);
    if (found.invalid) return c.json({ error: 'invalid_filter', message: c.get('i18n').t('district.error.filter') }, 400);
    c.header('Cache-Control', 'private, no-store');
    return c.json(portraitJson(found.portrait, { term: found.filter.termId, category: found.filter.category, grade: found.filter.grade }));
  });

  app.get('/admin/district.csv', districtAdmin, async (c) => {
    const table = (c.req.query('table') ?? 'schools') as CsvTable;
    const found = await load(c);
    if (!found) return errorPage(c, 404);
    if (found.invalid || !CSV_TABLES.includes(table)) return c.text(c.get('i18n').t('district.error.filter'), 400);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="district-${table}.csv"`);
    c.header('Cache-Control', 'private, no-store');
    return c.body(portraitCsv(c.get('i18n'), found.portrait, table));
  });

  return app;
}
