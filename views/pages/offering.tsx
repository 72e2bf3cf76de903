// One club or course: what it is, when and where, seats, and every meeting of the term.
import type { Chrome } from '../chrome.ts';
import { AnnouncementList, type PastAnnouncementView } from '../components/announcements.tsx';
import { EnrollPanel, type EnrollPanelView } from '../components/enroll.tsx';
import { MeetingSummary, type MeetingView } from '../components/meeting.tsx';
import { OfferingTags, Schedule, Seats, type SeatsView, type SlotView } from '../components/offering.tsx';
import { Layout } from '../layout.tsx';

export interface OfferingView {
  id: number;
  code: string;
  kind: 'club' | 'course';
  category: string;
  title: string;
  description: string;
  teacher: string | null;
  room: string;
  gradeMin: number;
  gradeMax: number;
  feeCents: number;
  slots: SlotView[];
  seats: SeatsView;
  school: { slug: string; name: string };
  meetings: MeetingView[];
}

/** What a link to the offering says in a chat group: school and grades, then the start of its description. */
function shareText(i18n: Chrome['i18n'], offering: OfferingView): string {
  const facts = `${offering.school.name} · ${i18n.t('school.grades', { min: offering.gradeMin, max: offering.gradeMax })}`;
  const characters = [...offering.description];
  if (characters.length === 0) return facts;
  return `${facts} · ${characters.slice(0, 100).join('')}${characters.length > 100 ? '…' : ''}`;
}

export function OfferingPage(props: { chrome: Chrome; offering: OfferingView; enroll?: EnrollPanelView | null; announcements?: PastAnnouncementView[] | null }) {
  const { i18n } = props.chrome;
  const { t, format } = i18n;
  const { offering } = props;
  return (
    <Layout chrome={props.chrome} title={offering.title} share={{ description: shareText(props.chrome.i18n, offering) }}>
      <p class="breadcrumb">
        <a href={`/s/${offering.school.slug}`}>← {offering.school.name}</a>
      </p>
      <article class="offering">
        <header class="offering__head">
          <OfferingTags i18n={i18n} kind={offering.kind} category={offering.category} />
          <h1>{offering.title}</h1>
          <Seats i18n={i18n} seats={offering.seats} />
          {props.chrome.user ? null : (
            <p class="offering__signin">
              <a class="button button--primary" href={`/register?next=${encodeURIComponent(`/offerings/${offering.id}#enrol`)}`}>
                {t('offering.registerToEnrol')}
              </a>
              <a class="button" href={`/login?next=${encodeURIComponent(`/offerings/${offering.id}`)}`}>
                {t('offering.signInToEnrol')}
              </a>
            </p>
          )}
        </header>
        {props.enroll ? <EnrollPanel i18n={i18n} panel={props.enroll} /> : null}
        {props.announcements ? <AnnouncementList i18n={i18n} items={props.announcements} /> : null}
        <div class="split">
          <section class="card">
            <dl class="details">
              <dt>{t('offering.when')}</dt>
              <dd>
                <Schedule i18n={i18n} slots={offering.slots} />
              </dd>
              <dt>{t('offering.grades')}</dt>
              <dd>{t('school.grades', { min: offering.gradeMin, max: offering.gradeMax })}</dd>
              {offering.teacher ? (
                <>
                  <dt>{t('offering.teacher')}</dt>
                  <dd>{offering.teacher}</dd>
                </>
              ) : null}
              {offering.room ? (
                <>
                  <dt>{t('offering.room')}</dt>
                  <dd>{offering.room}</dd>
                </>
              ) : null}
              <dt>{t('offering.fee')}</dt>
              <dd>{offering.feeCents === 0 ? t('offering.feeFree') : format.money(offering.feeCents)}</dd>
            </dl>
            {offering.description ? (
              <>
                <h2>{t('offering.description')}</h2>
                <p class="offering__description">{offering.description}</p>
              </>
            ) : null}
          </section>
          <section class="card">
            <h2>{t('offering.meetings', { count: offering.meetings.length })}</h2>
            <MeetingList chrome={props.chrome} meetings={offering.meetings.filter((meeting) => !meeting.past)} />
            {offering.meetings.some((meeting) => meeting.past) ? (
              <details class="meetings-past">
                <summary>{t('offering.meetings.past', { count: offering.meetings.filter((meeting) => meeting.past).length })}</summary>
                <MeetingList chrome={props.chrome} meetings={offering.meetings.filter((meeting) => meeting.past)} />
              </details>
            ) : null}
          </section>
        </div>
      </article>
    </Layout>
  );
}

function MeetingList(props: { chrome: Chrome; meetings: MeetingView[] }) {
  return (
    <ol class="meetings">
      {props.meetings.map((meeting) => (
        <li class={`meeting meeting--${meeting.status}${meeting.past ? ' meeting--past' : ''}`}>
          <MeetingSummary i18n={props.chrome.i18n} meeting={meeting} />
        </li>
      ))}
    </ol>
  );
}

/** The offering page of an offering the school cancelled (it held children): said plainly instead of a 404. */
export function CancelledOfferingPage(props: { chrome: Chrome; title: string; at: string; reason: string | null }) {
  const { t } = props.chrome.i18n;
  const heading = t('offering.cancelled.title', { title: props.title });
  return (
    <Layout chrome={props.chrome} title={heading} narrow>
      <h1>{heading}</h1>
      <p>{t('offering.cancelled.lead', { at: props.at })}</p>
      {props.reason ? <p class="notice">{t('offering.cancelled.reason', { reason: props.reason })}</p> : null}
    </Layout>
  );
}
