// A child's week on the family pages: the timetable of this term and the next two weeks' meetings.
import type { I18n } from '../../../src/kernel/messages.ts';
import { type Timetable, UpcomingMeetings, type UpcomingView, WeekTimetable } from '../../components/timetable.tsx';
import type { ChildCard } from './common.tsx';

/** What the week sections show of one child (already in the reader's language). */
export interface ChildWeekView {
  /** Null when the school has no current term. */
  termName: string | null;
  timetable: Timetable;
  upcoming: UpcomingView[];
}

/** The timetable and the next two weeks; `level` is the heading level these sections sit at. */
export function ChildWeekSections(props: { i18n: I18n; child: ChildCard; week: ChildWeekView; level: 2 | 3 | 4 }) {
  const { t } = props.i18n;
  const { week } = props;
  const Heading = `h${props.level}` as 'h2';
  const idBase = `child-${props.child.id}`;
  return (
    <>
      <section class="child-week" aria-labelledby={`${idBase}-week`}>
        <Heading id={`${idBase}-week`}>{t('family.week.title')}</Heading>
        {week.termName === null ? (
          <p class="muted">{t('family.week.noTerm')}</p>
        ) : week.timetable.rows.length === 0 ? (
          <p class="muted">{t('family.week.empty')}</p>
        ) : (
          <WeekTimetable
            i18n={props.i18n}
            caption={t('family.week.caption', { child: props.child.name, term: week.termName })}
            dayListLabel={t('family.week.dayList', { child: props.child.name })}
            timetable={week.timetable}
          />
        )}
      </section>
      <section class="child-upcoming" aria-labelledby={`${idBase}-upcoming`}>
        <Heading id={`${idBase}-upcoming`}>{t('family.upcoming.title')}</Heading>
        <UpcomingMeetings i18n={props.i18n} meetings={week.upcoming} />
      </section>
    </>
  );
}
