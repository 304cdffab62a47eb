import { describe, expect, it } from 'vitest';
import { namesOf, toSimplified } from './names.js';
import { buildingTerm, placeTerm } from './name-terms.js';
import { pinyinName } from './pinyin-name.js';

const school = placeTerm('school', 'amenity=school');

describe('pinyinName', () => {
  it.each([
    ['十六铺', 'Shiliupu'],
    ['外滩', 'Waitan'],
    ['陆家嘴', 'Lujiazui'],
    ['黄浦公园', 'Huangpu Park'],
    ['中山东一路', 'Zhongshan Dongyi Road'],
    ['延安东路', "Yan'an Dong Road"],
    ['787公交站', '787 Bus Stop'],
    ['国家税务总局上海（国际）纳税服务中心', 'Guojia Shuiwu Zongju Shanghai (Guoji) Nashui Service Centre'],
  ])('writes %s as %s: capitalised words, generic terms translated, the name proper in pinyin', (zh, en) => {
    expect(pinyinName(zh)).toBe(en);
  });

  it('translates a single-character term only at the end, where it is generic', () => {
    expect(pinyinName('黄浦江')).toBe('Huangpu River');
    expect(pinyinName('江西中路')).toBe('Jiangxi Zhong Road');
  });
});

describe('toSimplified', () => {
  it('converts traditional characters to mainland simplified and leaves simplified text as it is', () => {
    expect(toSimplified('外灘郵政')).toBe('外滩邮政');
    expect(toSimplified('外滩邮政')).toBe('外滩邮政');
    expect(toSimplified('國家稅務總局')).toBe('国家税务总局');
  });
});

describe('namesOf', () => {
  it('takes name:en and the Chinese name from OSM where they are, and records it', () => {
    expect(namesOf({ name: '黄浦公园', 'name:en': 'Huangpu Park' }, placeTerm('park', 'leisure=park'))).toEqual({
      name: '黄浦公园',
      zh: '黄浦公园',
      en: 'Huangpu Park',
      zhSource: 'osm',
      enSource: 'osm',
    });
  });

  it('derives English as pinyin when OSM has none', () => {
    expect(namesOf({ name: '十六铺' }, placeTerm('parking', 'amenity=parking'))).toMatchObject({ zh: '十六铺', en: 'Shiliupu', zhSource: 'osm', enSource: 'pinyin' });
  });

  it('converts a traditional Chinese name to simplified and says so', () => {
    expect(namesOf({ name: '外灘郵政' }, placeTerm('government', 'office=government'))).toMatchObject({ zh: '外滩邮政', zhSource: 'opencc', en: 'Waitan Youzheng', enSource: 'pinyin' });
    expect(namesOf({ name: 'Post', 'name:zh-Hant': '郵政' }, school)).toMatchObject({ zh: '邮政', zhSource: 'opencc', en: 'Post', enSource: 'osm' });
  });

  it('prefers name:zh-Hans to name:zh and name, and takes a Chinese tag over a Latin name', () => {
    expect(namesOf({ name: 'Bund School', 'name:zh': '外灘學校', 'name:zh-Hans': '外滩学校' }, school)).toMatchObject({ zh: '外滩学校', zhSource: 'osm', en: 'Bund School' });
  });

  it('calls a place known only by a Latin name by its category in Chinese, with its street, never by the Latin name', () => {
    const names = namesOf({ name: 'School cengizhan' }, school, () => ({ zh: '启新路', en: 'Qixin Road' }));
    expect(names).toEqual({ name: 'School cengizhan', zh: '学校（启新路）', en: 'School cengizhan', zhSource: 'category', enSource: 'osm' });
    expect(namesOf({ name: 'School cengizhan' }, school).zh).toBe('学校');
    expect(namesOf({ name: 'DongChang kindergarten' }, placeTerm('school', 'amenity=kindergarten')).zh).toBe('幼儿园');
    expect(namesOf({ name: 'Shanghai World Financial Center' }, buildingTerm('office')).zh).toBe('办公楼');
  });

  it('names a feature in another script by its category in English', () => {
    expect(namesOf({ name: '서울학교' }, school)).toMatchObject({ zh: '学校', en: 'School', zhSource: 'category', enSource: 'category' });
  });

  it('keeps a code that reads the same in any language, and leaves an unnamed feature unnamed', () => {
    expect(namesOf({ name: 'S2' }, buildingTerm('commercial'))).toMatchObject({ zh: 'S2', en: 'S2', zhSource: 'osm', enSource: 'osm' });
    expect(namesOf({ amenity: 'school' }, school)).toEqual({ name: null, zh: null, en: null, zhSource: null, enSource: null });
  });
});
