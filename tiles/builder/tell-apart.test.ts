import { describe, expect, it } from 'vitest';
import type { PlaceCategory } from '../../src/protocol/city-pack.js';
import { createLocalFrame } from '../../src/city/local-frame.js';
import type { PlaceFeature } from './places.js';
import { clusterByDistance, tellApart } from './tell-apart.js';

const frame = createLocalFrame(121.5, 31.23);
const place = (id: string, category: PlaceCategory, zh: string, en: string, [x, y]: [number, number]): PlaceFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: frame.toLonLat(x, y) },
  properties: { osm_id: id, category, tag: '', name: zh, name_zh: zh, name_en: en, name_zh_source: 'osm', name_en_source: 'osm', capacity: null, capacity_source: null, area: null },
});

describe('clusterByDistance', () => {
  it('chains points within reach into one group', () => {
    expect(
      clusterByDistance(
        [
          [0, 0],
          [300, 0],
          [600, 0],
          [2000, 0],
        ],
        400,
      ),
    ).toEqual([[0, 1, 2], [3]]);
  });
});

describe('tellApart', () => {
  const streetAt = (lon: number) => (lon < 121.5 ? { zh: '中山东一路', en: 'East Zhongshan No.1 Road' } : { zh: '银城中路', en: 'Middle Yincheng Road' });

  it('keeps one name for pieces of one place mapped close together', () => {
    const places = [place('way/1', 'park', '滨江公园', 'Binjiang Park', [100, 0]), place('way/2', 'park', '滨江公园', 'Binjiang Park', [300, 0])];
    tellApart(places, frame, streetAt);
    expect(places.map((p) => p.properties.name_zh)).toEqual(['滨江公园', '滨江公园']);
  });

  it('adds the street to same-named places on different streets far apart, in both languages', () => {
    const places = [place('way/1', 'park', '公园', 'Park', [-1500, 0]), place('way/2', 'park', '公园', 'Park', [1500, 0]), place('way/3', 'school', '公园', 'Park', [1600, 0])];
    tellApart(places, frame, streetAt);
    expect(places.map((p) => p.properties.name_zh)).toEqual(['公园（中山东一路）', '公园（银城中路）', '公园']);
    expect(places.map((p) => p.properties.name_en)).toEqual(['Park (East Zhongshan No.1 Road)', 'Park (Middle Yincheng Road)', 'Park']);
  });

  it('leaves pieces spread along one street as one place', () => {
    const places = [place('way/1', 'park', '滨江公园', 'Binjiang Park', [100, 0]), place('way/2', 'park', '滨江公园', 'Binjiang Park', [1500, 0])];
    tellApart(places, frame, () => ({ zh: '滨江大道', en: 'Riverside Promenade' }));
    expect(places.map((p) => p.properties.name_en)).toEqual(['Binjiang Park', 'Binjiang Park']);
  });
});
