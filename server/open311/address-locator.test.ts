import { describe, expect, it } from 'vitest';
import type { RoadGraphFile } from '../../src/protocol/city-pack.js';
import type { Place } from '../city/city-pack.js';
import { createAddressLocator, type FeatureNames } from './address-locator.js';

// A plus-shaped town: Row Road runs west–east through node 1, Column Street south–north through it too.
//   node 0 (121.40, 31.20) — node 1 (121.41, 31.20) — node 2 (121.42, 31.20);  node 3 (121.41, 31.19) | node 1 | node 4 (121.41, 31.21)
const lon = [121.4, 121.41, 121.42, 121.41, 121.41];
const lat = [31.2, 31.2, 31.2, 31.19, 31.21];
const edges: [number, number, number][] = [
  [0, 1, 0],
  [1, 2, 1],
  [3, 1, 2],
  [1, 4, 2],
];
const graph = {
  nodes: { lon, lat, osmNode: lon.map((_, i) => i) },
  edges: {
    from: edges.map((e) => e[0]),
    to: edges.map((e) => e[1]),
    road: edges.map((e) => e[2]),
    shapeStart: edges.map((_, i) => 2 * i),
    shapeCount: edges.map(() => 2),
  },
  shape: { lon: edges.flatMap((e) => [lon[e[0]]!, lon[e[1]]!]), lat: edges.flatMap((e) => [lat[e[0]]!, lat[e[1]]!]) },
} as unknown as RoadGraphFile;
const names = (name: string | null, zh: string | null, en: string | null, zhSource = 'osm'): FeatureNames => ({ name, name_zh: zh, name_en: en, name_zh_source: zhSource, name_en_source: 'osm' });
// Row Road is two OSM ways; Column Street one.
const roads = [names('Row Road', '行路', 'Row Road'), names('Row Road', '行路', 'Row Road'), names('Column Street', '列街', 'Column Street')];
const place = (at: [number, number], n: FeatureNames): Place => ({ lon: at[0], lat: at[1], properties: { ...n } as unknown as Place['properties'] });
const places = [place([121.405, 31.201], names('Corner Bank', '街角银行', 'Corner Bank')), place([121.415, 31.199], names('Bus stop', '公交站（行路）', 'Bus stop', 'category'))];
const locate = createAddressLocator({ graph, places }, roads);

describe('address locator', () => {
  it('places a named place at the place, in any of its names, whatever the case or width', () => {
    expect(locate('Corner Bank, Row Road, Grid Town')).toEqual([121.405, 31.201]);
    expect(locate('ｃｏｒｎｅｒ  bank')).toEqual([121.405, 31.201]);
    expect(locate('网格镇街角银行门口')).toEqual([121.405, 31.201]);
  });

  it('places two streets that meet at their crossing, and one street at its middle edge', () => {
    expect(locate('Row Road & Column Street')).toEqual([121.41, 31.2]);
    expect(locate('行路与列街路口')).toEqual([121.41, 31.2]);
    const middle = locate('12 Row Road');
    expect(middle).not.toBeNull();
    expect(middle![1]).toBe(31.2); // on Row Road, across both of its ways
  });

  it('finds nothing in an address the pack does not name, a name made from a category, or a name inside a longer word', () => {
    expect(locate('1600 Pennsylvania Avenue')).toBeNull();
    expect(locate('公交站（行路）')![1]).toBe(31.2); // the made-up name is no name (the stop is at 31.199); 行路 still is
    expect(locate('Narrow Roadside')).toBeNull();
    expect(locate('')).toBeNull();
  });
});
