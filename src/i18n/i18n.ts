// Languages, negotiation, typed translation and Intl formatting of dates, weekdays and money.
import type { Lang } from '../db/schema.ts';
import { en } from './messages.en.ts';
import { type MessageKey, type Messages, zhCN } from './messages.zh-CN.ts';

export type { Lang, MessageKey };
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
export const DEFAULT_LANG: Lang = 'zh-CN';
export const LANG_COOKIE = 'lang';

const CATALOGUES: Record<Lang, Messages> = { 'zh-CN': zhCN, en };

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function isLang(value: unknown): value is Lang {
  return value === 'zh-CN' || value === 'en';
}

/** Reads a language tag loosely: zh, zh-cn, zh-Hans → zh-CN; en-GB → en. */
export function parseLang(value: string | undefined | null): Lang | null {
  if (!value) return null;
  const tag = value.trim().toLowerCase();
  if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  return null;
}

/** The first supported language in an Accept-Language header, by quality. */
export function langFromAcceptLanguage(header: string | undefined | null): Lang | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { lang: parseLang(tag), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.lang !== null && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked[0]?.lang ?? null;
}

/** Query (?lang=) first, then the remembered cookie, then the browser's Accept-Language, then Chinese. */
export function negotiateLang(input: { query?: string | null; cookie?: string | null; acceptLanguage?: string | null }): {
  lang: Lang;
  fromQuery: boolean;
} {
  const fromQuery = parseLang(input.query);
  if (fromQuery) return { lang: fromQuery, fromQuery: true };
  return {
    lang: parseLang(input.cookie) ?? langFromAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LANG,
    fromQuery: false,
  };
}

const translators = new Map<Lang, Translate>();

export function translator(lang: Lang): Translate {
  let made = translators.get(lang);
  if (!made) translators.set(lang, (made = makeTranslator(lang)));
  return made;
}

function makeTranslator(lang: Lang): Translate {
  const messages = CATALOGUES[lang];
  return (key, params) => {
    const template = messages[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
  };
}

/** Schemas carry message keys as their error text; anything else (zod's own wording) is not shown to users. */
export function isMessageKey(text: string): text is MessageKey {
  return Object.hasOwn(zhCN, text);
}

export function messageKeys(lang: Lang): string[] {
  return Object.keys(CATALOGUES[lang]).sort();
}

const INTL_LOCALE: Record<Lang, string> = { 'zh-CN': 'zh-CN', en: 'en-GB' };

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

const formattersMade = new Map<string, Formatters>();

/** The formatters of a language and time zone, made once (building Intl formatters is the costly part). */
export function formatters(lang: Lang, timeZone: string): Formatters {
  const key = `${lang} ${timeZone}`;
  let made = formattersMade.get(key);
  if (!made) formattersMade.set(key, (made = makeFormatters(lang, timeZone)));
  return made;
}

function makeFormatters(lang: Lang, timeZone: string): Formatters {
  const locale = INTL_LOCALE[lang];
  const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const shortDayFormat = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const wholeYuan = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 });
  const yuanAndFen = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 });
  const numberFormat = new Intl.NumberFormat(locale);
  const weekdayFormats = {
    short: new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }),
    long: new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }),
  };
  return {
    day: (day) => dayFormat.format(new Date(`${day}T00:00:00Z`)),
    shortDay: (day) => shortDayFormat.format(new Date(`${day}T00:00:00Z`)),
    // 2024-01-01 was a Monday: day (isoWeekday - 1) after it has that weekday.
    weekday: (isoWeekday, width = 'short') =>
      weekdayFormats[width].format(new Date(Date.UTC(2024, 0, isoWeekday))),
    dateTime: (instant) => dateTimeFormat.format(new Date(instant)),
    money: (cents) => (cents % 100 === 0 ? wholeYuan : yuanAndFen).format(cents / 100),
    number: (value) => numberFormat.format(value),
  };
}

/** What a view needs to speak the user's language. */
export interface I18n {
  lang: Lang;
  t: Translate;
  format: Formatters;
}

export function createI18n(lang: Lang, timeZone: string): I18n {
  return { lang, t: translator(lang), format: formatters(lang, timeZone) };
}
