// Languages, negotiation, translation over the catalogues the composition root gathers, and Intl formatting of
// dates, weekdays and money.
import {
  type FeatureMessages,
  type Formatters,
  type I18n,
  type Lang,
  type Languages,
  type MessageKey,
  type Translate,
  textIn,
} from '../kernel/messages.ts';

export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
export const DEFAULT_LANG: Lang = 'zh-CN';
export const LANG_COOKIE = 'lang';

/** Every message of the app in each language: the features' texts, merged. */
export type Catalogues = Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>>;

/**
 * Merges the features' messages into one catalogue per language. A key defined twice is a programming error
 * (two features claiming one word), found when the app is built rather than when a page shows the wrong text.
 */
export function mergeMessages(features: readonly FeatureMessages[]): Catalogues {
  const zh: Record<string, string> = {};
  const en: Record<string, string> = {};
  for (const feature of features) {
    for (const key of Object.keys(feature.zh)) {
      if (Object.hasOwn(zh, key)) throw new Error(`message key defined twice: ${key}`);
      zh[key] = feature.zh[key]!;
      en[key] = feature.en[key]!;
    }
  }
  return { 'zh-CN': zh, en } as Catalogues;
}

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

function makeTranslator(messages: Readonly<Record<MessageKey, string>>): Translate {
  return (key, params) => {
    const template = messages[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
  };
}

const INTL_LOCALE: Record<Lang, string> = { 'zh-CN': 'zh-CN', en: 'en-GB' };

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

/**
 * Each language's I18n for one time zone, made once: the translators and Intl formatters are the costly part.
 * The app builds this from the composition root's catalogues and hands it to whoever speaks to people.
 */
export function createLanguages(catalogues: Catalogues, timeZone: string): Languages {
  const made = new Map<Lang, I18n>();
  for (const lang of LANGS) {
    const messages = catalogues[lang];
    made.set(lang, {
      lang,
      t: makeTranslator(messages),
      format: formatters(lang, timeZone),
      pick: (zh, en) => textIn(lang, zh, en),
      isKey: (text): text is MessageKey => Object.hasOwn(messages, text),
    });
  }
  return (lang) => made.get(lang)!;
}

/** The keys of a language's catalogue, sorted (the zh-CN / en parity test compares them). */
export function messageKeys(catalogues: Catalogues, lang: Lang): string[] {
  return Object.keys(catalogues[lang]).sort();
}
