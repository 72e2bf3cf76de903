// The catalogue import page: the template and export links, the upload, its preview and the commit step.
import type { Chrome } from '../chrome.ts';
import { Breadcrumb } from '../components/admin.tsx';
import { Notice } from '../components/form.tsx';
import { Layout } from '../layout.tsx';

export interface ImportPreviewView {
  problems: { row: number; column: string; message: string }[];
  rows: { row: number; code: string; title: string; action: 'create' | 'update' }[];
  created: number;
  updated: number;
  /** The CSV text carried to the commit step (present only when there are no problems). */
  csv: string | null;
  imported: boolean;
}

export function ImportPage(props: { chrome: Chrome; termId: number; termName: string; preview: ImportPreviewView | null }) {
  const { t } = props.chrome.i18n;
  const { preview } = props;
  const base = `/admin/terms/${props.termId}`;
  return (
    <Layout chrome={props.chrome} title={t('csv.title')}>
      <Breadcrumb href={base} label={props.termName} />
      <h1>{t('csv.title')}</h1>
      <section class="card">
        <p class="lead">{t('csv.lead')}</p>
        <p class="manage__actions">
          <a class="button" href="/admin/catalogue-template.csv">
            {t('csv.template')}
          </a>
          <a class="button" href={`${base}/catalogue.csv`}>
            {t('csv.export')}
          </a>
        </p>
        <form method="post" action={`${base}/import`} enctype="multipart/form-data" class="inline-form">
          <input type="hidden" name="step" value="preview" />
          <label for="import-file">{t('csv.file')}</label>
          <input id="import-file" type="file" name="file" accept=".csv,text/csv" required />
          <button type="submit" class="button button--primary">
            {t('csv.preview')}
          </button>
        </form>
      </section>
      {preview ? (
        <section class="card" aria-live="polite">
          {preview.imported ? (
            <Notice kind="success">{t('csv.imported', { created: preview.created, updated: preview.updated })}</Notice>
          ) : preview.problems.length > 0 ? (
            <div class="notice notice--error" role="alert">
              <p>{t('csv.problems', { count: preview.problems.length })}</p>
              <ul class="csv-problems">
                {preview.problems.map((problem) => (
                  <li>{t('csv.problem', { row: problem.row, column: problem.column, message: problem.message })}</li>
                ))}
              </ul>
            </div>
          ) : (
            <>
              <Notice kind="info">{t('csv.ready', { rows: preview.rows.length, created: preview.created, updated: preview.updated })}</Notice>
              <form method="post" action={`${base}/import`} class="inline-form">
                <input type="hidden" name="step" value="commit" />
                <textarea name="csv" hidden aria-hidden="true">
                  {preview.csv ?? ''}
                </textarea>
                <button type="submit" class="button button--primary">
                  {t('csv.commit')}
                </button>
              </form>
            </>
          )}
          {preview.rows.length > 0 && !preview.imported ? (
            <div class="table-scroll" tabindex={0} role="region" aria-label={t('csv.preview')}>
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t('admin.column.code')}</th>
                    <th scope="col">{t('admin.column.title')}</th>
                    <th scope="col">{t('csv.column.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => (
                    <tr>
                      <td>{row.row}</td>
                      <td>{row.code}</td>
                      <td>{row.title}</td>
                      <td>{t(`csv.action.${row.action}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
    </Layout>
  );
}
