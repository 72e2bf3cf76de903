// Pieces of an offering shared by the catalogue card and the detail page: tags, schedule, seats.
import { type CategoryCode, isCategory } from '../../src/kernel/categories.ts';
import type { I18n } from '../../src/kernel/messages.ts';

export interface SlotView {
  weekday: number;
  startsAt: string;
  endsAt: string;
}

export interface SeatsView {
  id: number;
  capacity: number;
  taken: number;
  waitlisted: number;
  /** Poll for fresh counts while enrolment is open. */
  live: boolean;
  /** Lottery requests, shown against seats (instead of seats left) from a lottery window's opening to its draw; null otherwise. */
  demand: number | null;
}

export function slotText(i18n: I18n, slot: SlotView): string {
  return i18n.t('offering.slot', { weekday: i18n.format.weekday(slot.weekday), start: slot.startsAt, end: slot.endsAt });
}

/** The weekly slots, each kept on one line ("周三 16:00–17:30" never breaks inside), wrapping between them. */
export function Schedule(props: { i18n: I18n; slots: SlotView[] }) {
  return (
    <>
      {props.slots.map((slot, index) => (
        <>
          {index > 0 ? ' · ' : ''}
          <span class="nowrap">{slotText(props.i18n, slot)}</span>
        </>
      ))}
    </>
  );
}

/**
 * Seats left, or full with the waitlist (in a lottery window: requests against seats). While enrolment is open it refreshes itself every 15 s from the
 * tiny /offerings/:id/seats fragment (which answers 304 when nothing changed).
 */
export function Seats(props: { i18n: I18n; seats: SeatsView }) {
  const { t, format } = props.i18n;
  const { seats } = props;
  const left = Math.max(0, seats.capacity - seats.taken);
  if (seats.demand !== null) {
    // A lottery term: seats are drawn, not taken first come, so "N left" would mislead; requests against seats do not.
    return (
      <p class="seats seats--lottery" id={`seats-${seats.id}`}>
        <span class="seats__demand">{t('lottery.demand', { requests: format.number(seats.demand), seats: format.number(seats.capacity) })}</span>
      </p>
    );
  }
  const polling = seats.live
    ? { 'hx-get': `/offerings/${seats.id}/seats`, 'hx-trigger': 'every 15s', 'hx-swap': 'outerHTML' }
    : {};
  return (
    <p class={left > 0 ? 'seats seats--open' : 'seats seats--full'} id={`seats-${seats.id}`} aria-live="polite" {...polling}>
      <span class="seats__main">{left > 0 ? t('offering.seats.left', { left: format.number(left) }) : t('offering.seats.full')}</span>
      {seats.waitlisted > 0 ? <span class="seats__waitlist">{t('offering.seats.waitlist', { count: format.number(seats.waitlisted) })}</span> : null}
      <span class="seats__capacity">{t('offering.seats.capacity', { capacity: format.number(seats.capacity) })}</span>
    </p>
  );
}

/** The category's line icon from the static sprite, in the tag's colour; decorative (the name follows it). */
export function CategoryIcon(props: { category: CategoryCode }) {
  return (
    <svg class="category-icon" aria-hidden="true" focusable="false" width="16" height="16">
      <use href={`/static/categories.svg#${props.category}`} />
    </svg>
  );
}

export function OfferingTags(props: { i18n: I18n; kind: 'club' | 'course'; category: string }) {
  const { t } = props.i18n;
  return (
    <p class="tags">
      <span class={`tag tag--${props.kind}`}>{t(`offering.kind.${props.kind}`)}</span>
      <span class="tag tag--category">
        {isCategory(props.category) ? (
          <>
            <CategoryIcon category={props.category} />
            {t(`category.${props.category}`)}
          </>
        ) : (
          props.category
        )}
      </span>
    </p>
  );
}
