// A teacher's own clubs and courses (/teach/offerings), each with its seats and roster link.
import type { Chrome } from '../chrome.ts';
import { type OfferingStatusName, StatusTag } from '../components/admin.tsx';
import { AnnouncementForm } from '../components/announcements.tsx';
import { Layout } from '../layout.tsx';

export function TeacherOfferingsPage(props: {
  chrome: Chrome;
  offerings: { id: number; code: string; title: string; term: string; status: OfferingStatusName; taken: number; capacity: number }[];
  /** An announcement was just sent without JavaScript: from which offering, to how many guardians. */
  announced?: { offeringId: number; count: number } | undefined;
}) {
  const { t } = props.chrome.i18n;
  return (
    <Layout chrome={props.chrome} title={t('admin.myOfferings')}>
      <h1>{t('admin.myOfferings')}</h1>
      {props.offerings.length === 0 ? (
        <p class="empty">{t('admin.noOfferings')}</p>
      ) : (
        <ul class="offering-grid">
          {props.offerings.map((offering) => (
            <li class="offering-card">
              <p class="tags">
                <StatusTag i18n={props.chrome.i18n} status={offering.status} />
                <span class="tag">{offering.code}</span>
              </p>
              <h2 class="offering-card__title">
                {offering.status === 'published' ? <a href={`/offerings/${offering.id}`}>{offering.title}</a> : offering.title}
              </h2>
              <p class="muted">{offering.term}</p>
              <p>
                {t('admin.column.seats')}: {offering.taken} / {offering.capacity}
              </p>
              <p>
                <a href={`/offerings/${offering.id}/roster`} aria-label={t('roster.linkFor', { title: offering.title })}>
                  {t('roster.link')}
                </a>
              </p>
              {offering.status === 'published' ? <AnnouncementForm i18n={props.chrome.i18n} form={{ offeringId: offering.id, from: 'teach', sent: props.announced?.offeringId === offering.id ? props.announced.count : undefined }} /> : null}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
