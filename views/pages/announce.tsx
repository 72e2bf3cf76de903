// A "send a notice" or "contact the guardians" form refused without htmx: the form again, its message at the field.
import type { Child } from 'hono/jsx';
import type { Chrome } from '../chrome.ts';
import { Layout } from '../layout.tsx';

export function AnnounceFormPage(props: { chrome: Chrome; back: string; children?: Child }) {
  const { t } = props.chrome.i18n;
  return (
    <Layout chrome={props.chrome} title={t('announce.heading')} narrow>
      <p class="breadcrumb">
        <a href={props.back}>← {t('announce.back')}</a>
      </p>
      <h1>{t('announce.heading')}</h1>
      {props.children}
    </Layout>
  );
}
