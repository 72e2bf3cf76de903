import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../messages.ts';
import { createLanguages, langFromAcceptLanguage, mergeMessages, messageKeys, negotiateLang } from './i18n.ts';

const createI18n = (lang: 'zh-CN' | 'en', timeZone: string) => createLanguages(MESSAGES, timeZone)(lang);
const translator = (lang: 'zh-CN' | 'en') => createI18n(lang, 'Asia/Shanghai').t;

describe('messages', () => {
  it('has exactly the same keys in Chinese and English', () => {
    expect(messageKeys(MESSAGES, 'en')).toEqual(messageKeys(MESSAGES, 'zh-CN'));
  });

  it('uses the same placeholders in both languages for every key', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    const zh = translator('zh-CN');
    const en = translator('en');
    for (const key of messageKeys(MESSAGES, 'zh-CN') as Parameters<typeof zh>[0][]) {
      expect(placeholders(en(key)), key).toEqual(placeholders(zh(key)));
    }
  });

  it('refuses two features defining the same key', () => {
    const one = { zh: { 'x.same': '一' }, en: { 'x.same': 'one' } };
    expect(() => mergeMessages([one, one])).toThrow(/x\.same/);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('en');
    expect(t('home.schoolCounts', { clubs: 3, courses: 12 })).toBe('3 clubs · 12 courses');
    expect(t('home.schoolCounts', { clubs: 3 })).toBe('3 clubs · {courses} courses');
  });
});

describe('language negotiation', () => {
  it('prefers ?lang=, then the cookie, then Accept-Language, then Chinese', () => {
    expect(negotiateLang({ query: 'en', cookie: 'zh-CN', acceptLanguage: 'zh' }).lang).toBe('en');
    expect(negotiateLang({ cookie: 'en', acceptLanguage: 'zh' }).lang).toBe('en');
    expect(negotiateLang({ acceptLanguage: 'en-US,en;q=0.9' }).lang).toBe('en');
    expect(negotiateLang({ acceptLanguage: 'fr-FR, de' }).lang).toBe('zh-CN');
    expect(negotiateLang({ query: 'klingon' }).lang).toBe('zh-CN');
  });

  it('reads Accept-Language by quality, not by order', () => {
    expect(langFromAcceptLanguage('en;q=0.3, zh-CN;q=0.8')).toBe('zh-CN');
    expect(langFromAcceptLanguage('zh-Hans;q=0, en')).toBe('en');
  });
});

describe('formatting', () => {
  it('formats days, weekdays and money for each language', () => {
    const zh = createI18n('zh-CN', 'Asia/Shanghai').format;
    const en = createI18n('en', 'Asia/Shanghai').format;
    expect(zh.day('2026-11-28')).toBe('2026年11月28日');
    expect(en.day('2026-11-28')).toBe('28 Nov 2026');
    expect(zh.weekday(1, 'long')).toBe('星期一');
    expect(en.weekday(7)).toBe('Sun');
    expect(zh.money(45000)).toBe('¥450');
    expect(en.money(45050)).toBe('CN¥450.50');
  });

  it('shows instants in the district time zone', () => {
    const zh = createI18n('zh-CN', 'Asia/Shanghai').format;
    expect(zh.dateTime('2026-11-28T16:30:00Z')).toBe('2026年11月29日 00:30');
  });
});
