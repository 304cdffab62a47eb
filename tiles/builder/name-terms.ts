/**
 * The small, documented tables of generic terms the name rules use (docs/city-pack.md, "Names"):
 * generic parts of Chinese names that English signage translates (路 → Road, 公园 → Park; the
 * name proper stays pinyin), and the category words a feature known only by a Latin name is called
 * in Chinese. Nothing here names a particular place.
 */
import type { PlaceCategory, UseClass } from '../../src/protocol/city-pack.js';
import type { Tags } from './osm-reader.js';

/** A generic term of a Chinese name and its English; `endOnly` terms count only at the end of a name. */
export interface GenericTerm {
  zh: string;
  en: string;
  endOnly?: boolean;
}

/**
 * Generic terms translated in the English of a Chinese name. Single characters other than 路 and 街
 * are end-only, since inside a name they are usually part of the name proper (江西 is not "River West").
 */
export const GENERIC_TERMS: readonly GenericTerm[] = [
  { zh: '路', en: 'Road' },
  { zh: '街', en: 'Street' },
  { zh: '大街', en: 'Street' },
  { zh: '大道', en: 'Avenue' },
  { zh: '公路', en: 'Highway' },
  { zh: '隧道', en: 'Tunnel' },
  { zh: '大桥', en: 'Bridge' },
  { zh: '桥', en: 'Bridge', endOnly: true },
  { zh: '江', en: 'River', endOnly: true },
  { zh: '河', en: 'River', endOnly: true },
  { zh: '码头', en: 'Pier' },
  { zh: '公园', en: 'Park' },
  { zh: '花园', en: 'Garden' },
  { zh: '广场', en: 'Plaza' },
  { zh: '大厦', en: 'Building' },
  { zh: '大楼', en: 'Building' },
  { zh: '酒店', en: 'Hotel' },
  { zh: '饭店', en: 'Hotel' },
  { zh: '医院', en: 'Hospital' },
  { zh: '幼儿园', en: 'Kindergarten' },
  { zh: '小学', en: 'Primary School' },
  { zh: '中学', en: 'Middle School' },
  { zh: '大学', en: 'University' },
  { zh: '学院', en: 'College' },
  { zh: '学校', en: 'School' },
  { zh: '图书馆', en: 'Library' },
  { zh: '博物馆', en: 'Museum' },
  { zh: '停车场', en: 'Car Park' },
  { zh: '停车库', en: 'Car Park' },
  { zh: '地铁站', en: 'Metro Station' },
  { zh: '公交站', en: 'Bus Stop' },
  { zh: '服务中心', en: 'Service Centre' },
  { zh: '中心', en: 'Centre', endOnly: true },
  { zh: '公安局', en: 'Public Security Bureau' },
  { zh: '派出所', en: 'Police Station' },
  { zh: '新区', en: 'New Area' },
];

/** A category in both languages. */
export interface CategoryTerm {
  zh: string;
  en: string;
}

/** Places: the tag value when it says more than the category (a kindergarten is a school here), else the category. */
const PLACE_TAG_TERMS: Record<string, CategoryTerm> = {
  'amenity=kindergarten': { zh: '幼儿园', en: 'Kindergarten' },
  'amenity=university': { zh: '大学', en: 'University' },
  'amenity=college': { zh: '学院', en: 'College' },
  'amenity=clinic': { zh: '诊所', en: 'Clinic' },
  'amenity=courthouse': { zh: '法院', en: 'Court' },
  'amenity=bus_station': { zh: '公交枢纽', en: 'Bus Station' },
  'shop=department_store': { zh: '百货商店', en: 'Department Store' },
};
const PLACE_CATEGORY_TERMS: Record<PlaceCategory, CategoryTerm> = {
  government: { zh: '政府机构', en: 'Government Office' },
  hospital: { zh: '医院', en: 'Hospital' },
  school: { zh: '学校', en: 'School' },
  mall: { zh: '商场', en: 'Mall' },
  park: { zh: '公园', en: 'Park' },
  parking: { zh: '停车场', en: 'Car Park' },
  bus_stop: { zh: '公交站', en: 'Bus Stop' },
  police: { zh: '公安机关', en: 'Police' },
  library: { zh: '图书馆', en: 'Library' },
};

/** What a place of this category, decided by this tag, is called. */
export function placeTerm(category: PlaceCategory, tag: string): CategoryTerm {
  return PLACE_TAG_TERMS[tag] ?? PLACE_CATEGORY_TERMS[category];
}

const USE_CLASS_TERMS: Record<UseClass, CategoryTerm> = {
  residential: { zh: '住宅楼', en: 'Residential Building' },
  commercial: { zh: '商业楼', en: 'Commercial Building' },
  office: { zh: '办公楼', en: 'Office Building' },
  government: { zh: '政府办公楼', en: 'Government Building' },
  school: { zh: '教学楼', en: 'School Building' },
  hospital: { zh: '医院大楼', en: 'Hospital Building' },
  industrial: { zh: '厂房', en: 'Industrial Building' },
  other: { zh: '建筑', en: 'Building' },
};

/** What a building of this use class is called. */
export function buildingTerm(useClass: UseClass): CategoryTerm {
  return USE_CLASS_TERMS[useClass];
}

/** What a road, water or green feature is called, from its tags. */
export function featureTerm(tags: Tags): CategoryTerm {
  if (tags.highway) return { zh: '道路', en: 'Road' };
  if (tags.waterway === 'river' || tags.water === 'river' || tags.waterway === 'riverbank') return { zh: '河流', en: 'River' };
  if (tags.natural === 'water' || tags.waterway) return { zh: '水域', en: 'Water' };
  if (tags.leisure === 'park') return { zh: '公园', en: 'Park' };
  if (tags.leisure === 'garden') return { zh: '花园', en: 'Garden' };
  return { zh: '绿地', en: 'Green Space' };
}
