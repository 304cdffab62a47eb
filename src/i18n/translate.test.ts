import { describe, expect, it } from 'vitest';
import { STRINGS } from './strings';
import { pickLocale, pickName, translate } from './translate';

describe('translate', () => {
  it('fills placeholders in either locale', () => {
    expect(translate('en', 'building.heightValue', { value: 42 })).toBe('42 m');
    expect(translate('zh-CN', 'clock.rate', { rate: 60 })).toBe('60× 速度');
  });

  it('has a non-empty zh-CN and en text for every key', () => {
    for (const [key, texts] of Object.entries(STRINGS)) {
      expect(texts['zh-CN'], key).not.toBe('');
      expect(texts.en, key).not.toBe('');
    }
  });
});

describe('pickLocale', () => {
  it('defaults to zh-CN and honours ?lang=en', () => {
    expect(pickLocale(null)).toBe('zh-CN');
    expect(pickLocale('en')).toBe('en');
    expect(pickLocale('en-GB')).toBe('en');
    expect(pickLocale('fr')).toBe('zh-CN');
  });
});

describe('pickName', () => {
  it('prefers the locale name, then the plain name, then the other', () => {
    expect(pickName('en', { zh: '外滩', en: 'The Bund' }, '?')).toBe('The Bund');
    expect(pickName('en', { zh: '外滩', en: '', any: 'Waitan' }, '?')).toBe('Waitan');
    expect(pickName('zh-CN', { zh: '', en: 'Bund' }, '?')).toBe('Bund');
    expect(pickName('zh-CN', {}, '?')).toBe('?');
  });
});
