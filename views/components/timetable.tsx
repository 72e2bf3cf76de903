// A child's week: the weekday × time grid (a day-by-day list on narrow screens) and the coming meetings with cancellations and moves.
import { isoWeekday } from '../../src/kernel/calendar.ts';
import type { I18n } from '../../src/kernel/messages.ts';
import type { Day, TimeOfDay } from '../../src/kernel/vocabulary.ts';

/** An offering as the week shows it (its title already in the reader's language). */
export interface TimetableEntry {
  offeringId: number;
  title: string;
  room: string;
  status: 'enrolled' | 'waitlisted';
  /** Place on the waitlist (1 is next), for waitlisted offerings. */
  position: number | null;
}

export interface TimetableItem<Entry extends TimetableEntry = TimetableEntry> {
  offering: Entry;
  startsAt: TimeOfDay;
  endsAt: TimeOfDay;
}

/** The weekday × time grid the family timetable policy lays out. */
export interface Timetable<Entry extends TimetableEntry = TimetableEntry> {
  /** ISO weekdays shown as columns: Monday to Friday always, Saturday and Sunday only when something is on. */
  weekdays: number[];
  /** One row per distinct start–end time, earliest first; `cells` lines up with `weekdays`. */
  rows: { startsAt: TimeOfDay; endsAt: TimeOfDay; cells: TimetableItem<Entry>[][] }[];
  /** The same items day by day (only days with something on), for narrow screens. */
  days: { weekday: number; items: TimetableItem<Entry>[] }[];
}

function Item(props: { i18n: I18n; item: TimetableItem; showTime?: boolean }) {
  const { t } = props.i18n;
  const { offering } = props.item;
  const waitlisted = offering.status === 'waitlisted';
  return (
    <div class={`week-item week-item--${offering.status}`}>
      {props.showTime ? (
        <span class="week-item__time">
          {props.item.startsAt}–{props.item.endsAt}
        </span>
      ) : null}
      <a class="week-item__title" href={`/offerings/${offering.offeringId}`}>
        {offering.title}
      </a>
      {offering.room ? <span class="week-item__room">{t('family.week.room', { room: offering.room })}</span> : null}
      {waitlisted ? <span class="tag tag--moved">{t('family.week.waitlist', { position: offering.position ?? 0 })}</span> : null}
    </div>
  );
}

/** The grid from 600 px up; below, CSS shows the same items as a list per day instead. */
export function WeekTimetable(props: { i18n: I18n; caption: string; dayListLabel: string; timetable: Timetable }) {
  const { t, format } = props.i18n;
  const { timetable } = props;
  const anyWaitlisted = timetable.days.some((day) => day.items.some((item) => item.offering.status === 'waitlisted'));
  return (
    <div class="week">
      <div class="week__grid table-scroll">
        <table class="table week__table">
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('family.week.time')}</th>
              {timetable.weekdays.map((weekday) => (
                <th scope="col">{format.weekday(weekday)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {timetable.rows.map((row) => (
              <tr>
                <th scope="row" class="week__time">
                  {row.startsAt}–{row.endsAt}
                </th>
                {row.cells.map((items) => (
                  <td>
                    {items.map((item) => (
                      <Item i18n={props.i18n} item={item} />
                    ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul class="week__days" aria-label={props.dayListLabel}>
        {timetable.days.map((day) => (
          <li class="week__day">
            <p class="week__day-name">{format.weekday(day.weekday, 'long')}</p>
            <ul class="week__items">
              {day.items.map((item) => (
                <li>
                  <Item i18n={props.i18n} item={item} showTime />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {anyWaitlisted ? <p class="muted week__hint">{t('family.week.waitlistHint')}</p> : null}
    </div>
  );
}

/** A meeting as it finally stands: a moved one carries its new day and time, and where it was first planned. */
export interface MeetingAsHeld {
  day: Day;
  startsAt: TimeOfDay;
  endsAt: TimeOfDay;
  status: 'scheduled' | 'cancelled' | 'moved';
  reason: string | null;
  /** Where it was planned before it moved (null when it did not move). */
  original: { day: Day; startsAt: TimeOfDay; endsAt: TimeOfDay } | null;
}

/** A coming meeting, its title in the reader's language. */
export interface UpcomingView extends MeetingAsHeld {
  title: string;
}

function when(i18n: I18n, day: string, startsAt: string, endsAt: string) {
  return { day: i18n.format.shortDay(day), weekday: i18n.format.weekday(isoWeekday(day)), start: startsAt, end: endsAt };
}

/** The next meetings: a cancelled one struck through with its reason, a moved one with its new day and time. */
export function UpcomingMeetings(props: { i18n: I18n; meetings: UpcomingView[] }) {
  const { t } = props.i18n;
  if (props.meetings.length === 0) return <p class="muted">{t('family.upcoming.empty')}</p>;
  return (
    <ul class="meetings upcoming">
      {props.meetings.map((meeting) => {
        const at = when(props.i18n, meeting.day, meeting.startsAt, meeting.endsAt);
        return (
          <li class={`meeting meeting--${meeting.status}`}>
            {meeting.status === 'moved' && meeting.original ? (
              <>
                <del class="meeting__day">{t('family.upcoming.originally', when(props.i18n, meeting.original.day, meeting.original.startsAt, meeting.original.endsAt))}</del>
                <span class="meeting__title">{meeting.title}</span>
                <span class="tag tag--moved">{t('offering.meeting.moved')}</span>
                <strong class="meeting__moved-to">{t('family.upcoming.movedTo', at)}</strong>
              </>
            ) : (
              <>
                <span class="meeting__day">
                  {at.day} {at.weekday}
                </span>
                <span class="meeting__time">
                  {at.start}–{at.end}
                </span>
                <span class="meeting__title">{meeting.title}</span>
                {meeting.status === 'cancelled' ? <span class="tag tag--cancelled">{t('offering.meeting.cancelled')}</span> : null}
              </>
            )}
            {meeting.reason ? <span class="meeting__reason">{t('offering.meeting.reason', { reason: meeting.reason })}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
