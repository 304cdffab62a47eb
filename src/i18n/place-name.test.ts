import { describe, expect, it } from 'vitest';
import { hasName, localName } from './place-name';

describe('localName', () => {
  it("gives the locale's own name first, then the OSM name, then the other language", () => {
    const names = { name: '正大广场', name_zh: '正大广场', name_en: 'Super Brand Mall' };
    expect(localName('en', names)).toBe('Super Brand Mall');
    expect(localName('zh-CN', names)).toBe('正大广场');
    expect(localName('en', { name: '外灘郵政', name_zh: '外灘郵政', name_en: null })).toBe('外灘郵政');
    expect(localName('zh-CN', { name: null, name_zh: null, name_en: 'China MSA' })).toBe('China MSA');
  });

  it('gives null for a feature with no name at all', () => {
    expect(localName('en', { name: null, name_zh: '', name_en: null })).toBeNull();
    expect(hasName({ name: null })).toBe(false);
    expect(hasName({ name_en: 'X' })).toBe(true);
  });
});
