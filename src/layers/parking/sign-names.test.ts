import { describe, expect, it } from 'vitest';
import { districtName, lotName, nearestStreet } from './sign-names';

// Two streets meeting at node 1: a primary road (0–1–2, east–west) and a side street (1–3, north).
const graph = {
  nodes: { lon: [121.49, 121.5, 121.51, 121.5], lat: [31.24, 31.24, 31.24, 31.25], osmNode: [1, 2, 3, 4] },
  edges: { from: [0, 1, 1], to: [1, 2, 3], lengthM: [950, 950, 1100], freeFlowS: [1, 1, 1], speedKph: [50, 50, 30], lanes: [2, 2, 1], road: [0, 0, 1], shapeStart: [0, 0, 0], shapeCount: [2, 2, 2] },
};
const edgeClass = ['primary', 'primary', 'residential'];
const century = { name: '世纪大道', name_zh: '世纪大道', name_en: 'Century Avenue' };
const lane = { name: '小路', name_zh: '小路', name_en: null };
const edgeNames = [century, century, lane];
const city = { name_zh: '外滩–陆家嘴', name_en: 'The Bund & Lujiazui' };

describe('district sign names', () => {
  it('names a district after its largest named lot', () => {
    const name = districtName('en', {
      lots: [
        { name: 'Small', total: 20 },
        { name: null, total: 900 },
        { name: 'Big', total: 300 },
      ],
      street: century,
      place: null,
      city,
    });
    expect(name).toBe('Big');
  });

  it('falls back to the street the sign stands on, in the locale, when no lot has a name', () => {
    const street = nearestStreet(graph, edgeClass, edgeNames, 121.5, 31.24);
    expect(street).toBe(century);
    expect(districtName('en', { lots: [{ name: null, total: 56 }], street, place: null, city })).toBe('Century Avenue');
    expect(districtName('zh-CN', { lots: [{ name: null, total: 56 }], street, place: null, city })).toBe('世纪大道');
  });

  it('then to the nearest place, then to the city, so no sign goes without a name', () => {
    expect(districtName('en', { lots: [], street: null, place: { name: '陆家嘴图书馆', name_en: 'Lujiazui Library' }, city })).toBe('Lujiazui Library');
    expect(districtName('zh-CN', { lots: [{ name: null, total: 5 }], street: null, place: null, city })).toBe('外滩–陆家嘴');
  });

  it('prefers the main road at a junction, and finds no street beyond the range', () => {
    // Right beside the side street, 30 m up it: the main road 30 m away still wins by its bonus.
    expect(nearestStreet(graph, edgeClass, edgeNames, 121.5, 31.24027)).toBe(century);
    expect(nearestStreet(graph, edgeClass, edgeNames, 121.5, 31.248)).toBe(lane);
    expect(nearestStreet(graph, edgeClass, edgeNames, 121.6, 31.3)).toBeNull();
  });
});

describe('lotName', () => {
  const places = [{ lon: 121.488, lat: 31.2352, names: { name: '外滩', name_zh: '外滩', name_en: 'The Bund' } }];
  it("takes the pack place's name in the locale, else the feed's", () => {
    expect(lotName('en', { lon: 121.4881, lat: 31.2352, name: '外滩' }, places)).toBe('The Bund');
    expect(lotName('en', { lon: 121.5, lat: 31.24, name: '停车楼' }, places)).toBe('停车楼');
    expect(lotName('en', { lon: 121.5, lat: 31.24, name: null }, places)).toBeNull();
  });
});
