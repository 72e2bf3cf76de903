// HTTP for the catalogue's CSV: the template, a term's export, and the import (preview, then commit).
import { Hono } from 'hono';
import type { Context } from 'hono';
import { type ImportPreviewView, ImportPage } from '../../views/pages/admin-import.tsx';
import type { AppEnv } from '../http/app-env.ts';
import type { SignedInEnv } from '../http/guards.ts';
import { chromeFor, errorPage, respond } from '../http/pages.tsx';
import { ids } from '../http/validators.ts';
import type { I18n, MessageKey } from '../kernel/messages.ts';
import { admins, readFields } from './admin-http.ts';
import { catalogueCsv } from './catalogue-csv.ts';
import type { CatalogueColumn } from './catalogue-csv.policy.ts';

/** Each template column's name in the form's words, so "第 3 行，类别（category）" finds the field and the column. */
const COLUMN_WORDS: Record<CatalogueColumn, MessageKey> = {
  code: 'offering.field.code',
  kind: 'offering.field.kind',
  category: 'offering.field.category',
  title_zh: 'offering.field.titleZh',
  title_en: 'offering.field.titleEn',
  description_zh: 'offering.field.descriptionZh',
  description_en: 'offering.field.descriptionEn',
  teacher: 'offering.field.teacher',
  room: 'offering.field.room',
  capacity: 'offering.field.capacity',
  grade_min: 'offering.field.gradeMin',
  grade_max: 'offering.field.gradeMax',
  fee: 'offering.field.fee',
  slots: 'offering.field.slots',
  status: 'admin.column.status',
};

function columnInWords(i18n: I18n, column: string): string {
  const key = (COLUMN_WORDS as Record<string, MessageKey | undefined>)[column];
  return key ? i18n.t('csv.columnNamed', { name: i18n.t(key), column }) : column;
}
import type { ImportService } from './import.service.ts';
import type { TermsService } from './terms.service.ts';

/** The example row of the downloadable template. */
const TEMPLATE_ROW: Record<CatalogueColumn, string> = {
  code: 'ROB-01',
  kind: 'course',
  category: 'robotics',
  title_zh: '乐高机器人（入门）',
  title_en: 'LEGO Robotics (Beginners)',
  description_zh: '用乐高积木搭建并编程小机器人。',
  description_en: 'Build and program small robots with LEGO.',
  teacher: 'teacher@example.com',
  room: '科创楼 302',
  capacity: '24',
  grade_min: '3',
  grade_max: '6',
  fee: '0',
  slots: '1 16:00-17:30; 3 16:00-17:30',
  status: 'draft',
};

export function importRoutes(deps: { imports: ImportService; terms: TermsService }) {
  const { imports, terms } = deps;
  const app = new Hono<AppEnv>();

  app.get('/admin/catalogue-template.csv', admins, (c) => {
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="clubroll-catalogue-template.csv"');
    return c.body(catalogueCsv([TEMPLATE_ROW]));
  });

  app.get('/admin/terms/:termId/catalogue.csv', admins, ids('termId'), async (c) => {
    const { termId } = c.req.valid('param');
    const found = await imports.exportRows(c.get('user'), termId);
    if (!found) return errorPage(c, 404);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="catalogue-term-${termId}.csv"`);
    return c.body(catalogueCsv(found.rows));
  });

  async function renderImport<E extends SignedInEnv>(c: Context<E>, termId: number, preview: ImportPreviewView | null, status: 200 | 422) {
    const found = await terms.term(c.get('user'), termId);
    if (!found) return errorPage(c, 404);
    const termName = c.get('i18n').pick(found.term.name_zh, found.term.name_en);
    return respond(c, { page: () => <ImportPage chrome={chromeFor(c, `/admin/terms/${termId}/import`)} termId={termId} termName={termName} preview={preview} /> }, status);
  }

  app.get('/admin/terms/:termId/import', admins, ids('termId'), (c) => renderImport(c, c.req.valid('param').termId, null, 200));

  /** step=preview reads an uploaded file and changes nothing; step=commit imports the carried text in one transaction. */
  app.post('/admin/terms/:termId/import', admins, ids('termId'), async (c) => {
    const { termId } = c.req.valid('param');
    const fields = await readFields(c);
    // A repeated field counts by its last value, as every form of the app reads it.
    const body = Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, Array.isArray(value) ? value.at(-1) : value]));
    const step = body.step === 'commit' ? 'commit' : 'preview';
    const upload = body.file;
    const text = step === 'commit' ? (typeof body.csv === 'string' ? body.csv : '') : upload instanceof File ? await upload.text() : typeof body.csv === 'string' ? body.csv : '';
    const user = c.get('user');
    const result = step === 'commit' ? await imports.commitImport(user, termId, text) : await imports.previewImport(user, termId, text);
    if (!result) return errorPage(c, 404);
    const { t } = c.get('i18n');
    const preview: ImportPreviewView = {
      problems: result.problems.map((problem) => ({ row: problem.row, column: problem.column === 'file' ? t('csv.file') : columnInWords(c.get('i18n'), problem.column), message: t(problem.key, problem.params) })),
      rows: result.rows.map((row) => ({ row: row.row, code: row.input.code, title: row.input.titleZh, action: row.existingId === null ? 'create' : 'update' })),
      created: result.created,
      updated: result.updated,
      csv: result.problems.length === 0 ? text : null,
      imported: 'imported' in result && result.imported === true,
    };
    return renderImport(c, termId, preview, result.problems.length > 0 ? 422 : 200);
  });

  return app;
}
