import { describe, expect, it } from 'vitest';
import { localName, uniqueByName } from './local-name';

const lot = { name: '十六铺', name_zh: '十六铺', name_en: 'Shiliupu' };

describe('localName', () => {
  it("picks the locale's name of a pack feature", () => {
    expect(localName(lot, 'en')).toBe('Shiliupu');
    expect(localName(lot, 'zh-CN')).toBe('十六铺');
    expect(localName({ name: 'School cengizhan', name_zh: '学校（启新路）', name_en: 'School cengizhan' }, 'zh-CN')).toBe('学校（启新路）');
  });

  it('falls back on the tagged name, then the other language, then nothing', () => {
    expect(localName({ name: '外滩' }, 'en')).toBe('外滩');
    expect(localName({ name_zh: '外滩' }, 'en')).toBe('外滩');
    expect(localName({ name: null, name_zh: null, name_en: null }, 'zh-CN')).toBe('');
  });
});

describe('uniqueByName', () => {
  it('keeps the first item of each shown name, in order', () => {
    const parks = [
      { id: 'way/1196', name: 'Binjiang Park' },
      { id: 'way/1195', name: 'Huangpu Park' },
      { id: 'way/1200', name: 'Binjiang Park' },
      { id: 'way/1223', name: 'Binjiang Park' },
    ];
    expect(uniqueByName(parks, (p) => p.name).map((p) => p.id)).toEqual(['way/1196', 'way/1195']);
  });
});
