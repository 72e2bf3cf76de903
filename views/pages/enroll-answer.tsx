// The enrol control's answer as a page, for browsers without JavaScript (htmx swaps just the row instead).
import type { Chrome } from '../chrome.ts';
import { EnrollPanel, type EnrollRowView } from '../components/enroll.tsx';
import { Layout } from '../layout.tsx';

export function EnrollAnswerPage(props: { chrome: Chrome; row: EnrollRowView }) {
  return (
    <Layout chrome={props.chrome} title={props.row.offeringTitle} narrow>
      <p class="breadcrumb">
        <a href={`/offerings/${props.row.offeringId}`}>← {props.row.offeringTitle}</a>
      </p>
      <h1>{props.row.offeringTitle}</h1>
      <EnrollPanel i18n={props.chrome.i18n} panel={{ rows: [props.row], unlisted: null, addChildHref: '/family' }} />
    </Layout>
  );
}
