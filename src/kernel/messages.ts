// The typed contract of every user-facing string: message keys, translation and formatting (types), and the
// one rule for choosing between a Chinese and an English text.
// The kernel knows no feature. Each feature's *.messages.ts adds its keys to MessageCatalogue by declaration
// merging, and the composition root (src/messages.ts) gathers the texts, so `t('family.joined')` is checked
// against every key while no module below the root imports a feature's words.
import type { Lang } from './vocabulary.ts';

export type { Lang };

/** One entry per message key, added by the features' *.messages.ts (`declare module` blocks). */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging
export interface MessageCatalogue {}

export type MessageKey = keyof MessageCatalogue & string;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A feature's texts: Chinese (the keys' source) and English with exactly the same keys. */
export interface FeatureMessages<Key extends string = string> {
  readonly zh: Readonly<Record<Key, string>>;
  readonly en: Readonly<Record<Key, string>>;
}

export interface Formatters {
  /** 2026年11月28日 / 28 Nov 2026, for a YYYY-MM-DD day. */
  day(day: string): string;
  /** 11月28日 / 28 Nov, for a day of the current year's pages. */
  shortDay(day: string): string;
  /** 周六 / Sat, for an ISO weekday 1 (Monday) … 7 (Sunday). */
  weekday(isoWeekday: number, width?: 'short' | 'long'): string;
  /** An instant in the district's time zone, date and time. */
  dateTime(instant: string | Date): string;
  /** ¥120 / CN¥120, from cents (fen). */
  money(cents: number): string;
  number(value: number): string;
}

/** What a view needs to speak the user's language. */
export interface I18n {
  lang: Lang;
  t: Translate;
  format: Formatters;
  /** The text in the reader's language: the English one when reading English and there is one, else the Chinese. */
  pick(zh: string, en: string | null | undefined): string;
  /** Whether a text is a message key (schemas carry keys as their error text; zod's own wording is never shown). */
  isKey(text: string): text is MessageKey;
}

/** The English text when reading English and there is one, else the Chinese (titles, names of terms and schools). */
export function textIn(lang: Lang, zh: string, en: string | null | undefined): string {
  return lang === 'en' && en ? en : zh;
}

/** Every language's I18n, for work done on someone else's behalf (a notification, a calendar feed). */
export type Languages = (lang: Lang) => I18n;
