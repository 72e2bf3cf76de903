// Friendly error pages (403, 404, 413, 500, 503) in the user's language; a busy page may reload itself.
import type { Chrome } from '../chrome.ts';
import { Layout } from '../layout.tsx';

export function ErrorPage(props: {
  chrome: Chrome;
  status: number;
  title: string;
  body: string;
  /** Reload after so many seconds; `text` says so, its number counting down (static/app.js) where scripts run. */
  retry?: { seconds: number; text: string; template: string } | undefined;
  /** Where to go to try again by hand (a form posted without htmx). */
  back?: { href: string; text: string } | undefined;
}) {
  const { t } = props.chrome.i18n;
  return (
    <Layout chrome={props.chrome} title={props.title} narrow refreshSeconds={props.retry?.seconds}>
      <section class="card error-page">
        <p class="error-page__status" aria-hidden="true">
          {props.status}
        </p>
        <h1>{props.title}</h1>
        <p>{props.body}</p>
        {props.retry ? (
          <p class="error-page__retry" data-countdown={String(props.retry.seconds)} data-template={props.retry.template}>
            {props.retry.text}
          </p>
        ) : null}
        <p>
          {props.back ? (
            <a class="button button--primary" href={props.back.href}>
              {props.back.text}
            </a>
          ) : null}{' '}
          <a class="button" href="/">
            {t('error.backHome')}
          </a>
        </p>
      </section>
    </Layout>
  );
}
