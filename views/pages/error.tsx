// Friendly error pages (403, 404, 413, 500) in the user's language.
import type { Chrome } from '../chrome.ts';
import { Layout } from '../layout.tsx';

export function ErrorPage(props: { chrome: Chrome; status: number; title: string; body: string }) {
  const { t } = props.chrome.i18n;
  return (
    <Layout chrome={props.chrome} title={props.title} narrow>
      <section class="card error-page">
        <p class="error-page__status" aria-hidden="true">
          {props.status}
        </p>
        <h1>{props.title}</h1>
        <p>{props.body}</p>
        <p>
          <a class="button" href="/">
            {t('error.backHome')}
          </a>
        </p>
      </section>
    </Layout>
  );
}
