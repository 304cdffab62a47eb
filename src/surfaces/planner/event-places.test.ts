import { describe, expect, it } from 'vitest';
import type { PlaceCategory } from '../../protocol/city-pack';
import { eventPlaces } from './event-places';

const place = (osm_id: string, category: PlaceCategory, name_zh: string, name_en: string, area: number | null = null) => ({ osm_id, category, name: name_zh, name_zh, name_en, area });

describe('eventPlaces', () => {
  const places = [
    place('way/1196', 'park', '滨江公园', 'Binjiang Park', 900),
    place('way/1200', 'park', '滨江公园', 'Binjiang Park', 15_000),
    place('way/1223', 'park', '滨江公园', 'Binjiang Park', 2_000),
    place('way/1195', 'park', '黄浦公园', 'Huangpu Park', 20_000),
    place('node/18059', 'school', '学校（启新路）', 'School cengizhan'),
    place('node/1', 'bus_stop', '十六铺', 'Shiliupu'),
    { osm_id: 'way/9', category: 'park' as const, name: null, name_zh: null, name_en: null, area: 100 },
  ];

  it('lists each named place once, its largest piece standing for it, in the locale', () => {
    expect(eventPlaces(places, 'en')).toEqual([
      { osmId: 'way/1200', name: 'Binjiang Park' },
      { osmId: 'way/1195', name: 'Huangpu Park' },
      { osmId: 'node/18059', name: 'School cengizhan' },
    ]);
  });

  it('shows Chinese names in the Chinese list, never the Latin name of a place known only by one', () => {
    expect(
      eventPlaces(places, 'zh-CN')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['学校（启新路）', '滨江公园', '黄浦公园'].sort());
  });
});
