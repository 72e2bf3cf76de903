// The pupil list's import page: the template, the upload (or pasted table), its preview and the commit step.
import type { Chrome } from '../chrome.ts';
import { Breadcrumb } from '../components/admin.tsx';
import { Notice, TextArea } from '../components/form.tsx';
import { Layout } from '../layout.tsx';

export interface PupilImportPreviewView {
  /** "row N, column: message", already in the reader's language. */
  problems: { row: number; column: string; message: string }[];
  /** The rows that add or update a pupil (the first few hundred), and how many more there are. */
  rows: { row: number; name: string; number: string; grade: number; className: string; action: 'add' | 'update' }[];
  moreRows: number;
  rowCount: number;
  added: number;
  updated: number;
  same: number;
  /** The text and plan carried to the commit step (present only when there are no problems). */
  carry: { csv: string; plan: string } | null;
  outcome: 'preview' | 'refused' | 'imported' | 'changed';
}

export function PupilImportPage(props: { chrome: Chrome; schoolId: number; schoolName: string; maxRows: number; maxKb: number; preview: PupilImportPreviewView | null }) {
  const { t } = props.chrome.i18n;
  const { preview } = props;
  const base = `/admin/schools/${props.schoolId}/pupils`;
  return (
    <Layout chrome={props.chrome} title={t('pupilsImport.title')}>
      <Breadcrumb href={base} label={`${props.schoolName} · ${t('pupilsImport.back')}`} />
      <h1>{t('pupilsImport.title')}</h1>
      <section class="card">
        <p class="lead">{t('pupilsImport.lead')}</p>
        <p>{t('pupilsImport.rules', { max: props.maxRows, kb: props.maxKb })}</p>
        <p class="manage__actions">
          <a class="button" href="/admin/pupils-template.csv">
            {t('pupilsImport.template')}
          </a>
        </p>
        <form method="post" action={`${base}/import`} enctype="multipart/form-data">
          <input type="hidden" name="step" value="preview" />
          <div class="field">
            <label for="pupil-import-file">{t('pupilsImport.file')}</label>
            <input id="pupil-import-file" type="file" name="file" accept=".csv,text/csv" />
          </div>
          <TextArea id="pupil-import-text" name="csv" label={t('pupilsImport.paste')} rows={4} />
          <button type="submit" class="button button--primary">
            {t('pupilsImport.preview')}
          </button>
        </form>
      </section>
      {preview ? (
        <section class="card" aria-live="polite">
          {preview.outcome === 'imported' ? (
            <Notice kind="success">{t('pupilsImport.imported', { added: preview.added, updated: preview.updated, same: preview.same })}</Notice>
          ) : preview.problems.length > 0 ? (
            <div class="notice notice--error" role="alert">
              <p>{t('pupilsImport.problems', { count: preview.problems.length })}</p>
              <ul class="csv-problems">
                {preview.problems.map((problem) => (
                  <li>{t('csv.problem', { row: problem.row, column: problem.column, message: problem.message })}</li>
                ))}
              </ul>
            </div>
          ) : (
            <>
              {preview.outcome === 'changed' ? (
                <div class="notice notice--error" role="alert">
                  <p>{t('pupilsImport.changed')}</p>
                </div>
              ) : null}
              <Notice kind="info">{t('pupilsImport.ready', { rows: preview.rowCount, added: preview.added, updated: preview.updated, same: preview.same })}</Notice>
              <form method="post" action={`${base}/import`} enctype="multipart/form-data" class="inline-form">
                <input type="hidden" name="step" value="commit" />
                <input type="hidden" name="plan" value={preview.carry?.plan ?? ''} />
                <textarea name="csv" hidden aria-hidden="true">
                  {preview.carry?.csv ?? ''}
                </textarea>
                <button type="submit" class="button button--primary">
                  {t('pupilsImport.commit')}
                </button>
              </form>
            </>
          )}
          {preview.rows.length > 0 && preview.outcome !== 'imported' ? (
            // A region that may scroll sideways on a phone: reachable from the keyboard, and named.
            <div class="table-scroll" tabindex={0} role="region" aria-label={t('pupilsImport.rowsLabel')}>
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t('pupilsImport.column.row')}</th>
                    <th scope="col">{t('pupilsImport.column.name')}</th>
                    <th scope="col">{t('pupilsImport.column.number')}</th>
                    <th scope="col">{t('pupilsImport.column.grade')}</th>
                    <th scope="col">{t('pupilsImport.column.class')}</th>
                    <th scope="col">{t('pupilsImport.column.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => (
                    <tr>
                      <td>{row.row}</td>
                      <td>{row.name}</td>
                      <td>{row.number}</td>
                      <td>{row.grade}</td>
                      <td>{row.className}</td>
                      <td>{t(`pupilsImport.action.${row.action}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {preview.moreRows > 0 ? <p>{t('pupilsImport.more', { shown: preview.rows.length, count: preview.moreRows })}</p> : null}
            </div>
          ) : null}
        </section>
      ) : null}
    </Layout>
  );
}
