// HTTP for the pupil list's CSV import: the template, and the import (preview, then commit) of one school's list.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { type PupilImportPreviewView, PupilImportPage } from '../../views/pages/admin-pupil-import.tsx';
import type { AppEnv } from '../http/app-env.ts';
import { csvFromRecords } from '../http/csv.ts';
import { TooManyFieldsError, readBody } from '../http/forms.ts';
import { requireAdmin, type SignedInEnv } from '../http/guards.ts';
import { chromeFor, errorPage, respond } from '../http/pages.tsx';
import { ids } from '../http/validators.ts';
import type { PupilImportService } from './import.service.ts';
import { MAX_PUPIL_ROWS } from './pupils-import.policy.ts';
import type { PupilField } from './pupils.policy.ts';

/** School and district admins only; anyone else signed in gets the 403 page (the school itself is checked after). */
const admins = requireAdmin();

/** Rows of the preview's table: enough to check the file by eye without a page of thousands of rows. */
const SHOWN_ROWS = 200;

const TEMPLATE_COLUMNS = ['name', 'number', 'grade', 'class'] as const satisfies readonly PupilField[];

/** The whole body; a body that cannot be read is empty (and previews as "cannot read this file"). */
function readFields<E extends AppEnv>(c: Context<E>): Promise<Record<string, unknown>> {
  return readBody(c).catch((error: unknown) => {
    if (error instanceof TooManyFieldsError) throw error;
    return {} as Record<string, unknown>;
  });
}

export function pupilImportRoutes(deps: { imports: PupilImportService; maxBodyBytes: number }) {
  const { imports } = deps;
  const app = new Hono<AppEnv>();

  app.get('/admin/pupils-template.csv', admins, (c) => {
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="clubroll-pupils-template.csv"');
    return c.body(csvFromRecords([{ name: '王小明', number: 'G4401', grade: '3', class: '2班' }], TEMPLATE_COLUMNS));
  });

  function render<E extends SignedInEnv>(c: Context<E>, school: { id: number; name_zh: string; name_en: string }, preview: PupilImportPreviewView | null, status: 200 | 409 | 422) {
    const page = `/admin/schools/${school.id}/pupils/import`;
    const schoolName = c.get('i18n').pick(school.name_zh, school.name_en);
    const maxKb = Math.floor(deps.maxBodyBytes / 1024);
    return respond(c, { page: () => <PupilImportPage chrome={chromeFor(c, page)} schoolId={school.id} schoolName={schoolName} maxRows={MAX_PUPIL_ROWS} maxKb={maxKb} preview={preview} /> }, status);
  }

  app.get('/admin/schools/:schoolId/pupils/import', admins, ids('schoolId'), async (c) => {
    const school = await imports.school(c.get('user'), c.req.valid('param').schoolId);
    if (!school) return errorPage(c, 404);
    return render(c, school, null, 200);
  });

  /** step=preview reads an upload (or pasted text) and changes nothing; step=commit imports the carried text. */
  app.post('/admin/schools/:schoolId/pupils/import', admins, ids('schoolId'), async (c) => {
    const { schoolId } = c.req.valid('param');
    const fields = await readFields(c);
    // A repeated field counts by its last value, as every form of the app reads it.
    const body = Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, Array.isArray(value) ? value.at(-1) : value]));
    const pasted = typeof body.csv === 'string' ? body.csv : '';
    const commit = body.step === 'commit';
    // The preview reads an uploaded file when there is one; the commit reads the text the preview carried.
    const text = !commit && body.file instanceof File && body.file.size > 0 ? await body.file.text() : pasted;
    const user = c.get('user');
    const result = commit
      ? await imports.commitImport(user, schoolId, text, typeof body.plan === 'string' ? body.plan : '')
      : await imports.previewImport(user, schoolId, text);
    if (!result) return errorPage(c, 404);
    const { t } = c.get('i18n');
    const changes = result.rows.filter((row) => row.action !== 'same');
    const clean = result.problems.length === 0;
    const preview: PupilImportPreviewView = {
      problems: result.problems.map((problem) => ({ row: problem.row, column: t(`pupilsImport.column.${problem.column}`), message: t(problem.key, problem.params) })),
      rows: changes.slice(0, SHOWN_ROWS).map(({ row, pupil, action }) => ({
        row,
        name: pupil.name,
        number: pupil.number,
        grade: pupil.grade,
        className: pupil.className ?? '',
        action: action === 'add' ? 'add' : 'update',
      })),
      moreRows: Math.max(0, changes.length - SHOWN_ROWS),
      rowCount: result.rows.length,
      added: result.added,
      updated: result.updated,
      same: result.same,
      // After a change meanwhile the page offers the file again, with the plan as the list now gives it.
      carry: clean && result.outcome !== 'imported' ? { csv: text, plan: result.plan } : null,
      outcome: result.outcome,
    };
    return render(c, result.school, preview, result.outcome === 'changed' ? 409 : clean ? 200 : 422);
  });

  return app;
}
