import { describe, expect, it } from 'vitest';
import { buildingHeight, estimateLevels, METRES_PER_LEVEL, parseLength, useClassOf } from './building-rules.js';

describe('buildingHeight', () => {
  it('takes the height tag first, in metres or feet', () => {
    expect(buildingHeight({ height: '45' }, 'office', 500, 'way/1')).toMatchObject({ height: 45, source: 'height', minHeight: 0 });
    expect(buildingHeight({ height: '30 m', 'building:levels': '9' }, 'office', 500, 'way/1')).toMatchObject({ height: 30, levels: 9, source: 'height' });
    expect(buildingHeight({ height: "100'" }, 'office', 500, 'way/1').height).toBeCloseTo(30.48, 6);
  });

  it('derives height from levels × 3.2 m plus the roof', () => {
    expect(buildingHeight({ 'building:levels': '12', 'roof:height': '2' }, 'residential', 500, 'way/1')).toMatchObject({ height: 12 * METRES_PER_LEVEL + 2, levels: 12, source: 'levels' });
    expect(buildingHeight({ 'building:levels': '20', 'roof:levels': '1' }, 'office', 500, 'way/1').height).toBeCloseTo(21 * METRES_PER_LEVEL, 9);
  });

  it('lifts building parts to min_height or building:min_level', () => {
    expect(buildingHeight({ height: '20', min_height: '8' }, 'other', 100, 'way/1')).toMatchObject({ height: 20, minHeight: 8 });
    expect(buildingHeight({ 'building:levels': '10', 'building:min_level': '2' }, 'other', 100, 'way/1')).toMatchObject({ minHeight: 2 * METRES_PER_LEVEL });
  });

  it('ignores unusable tags and falls through to the next rule', () => {
    expect(buildingHeight({ height: 'tall', 'building:levels': '3' }, 'residential', 100, 'way/1').source).toBe('levels');
    expect(buildingHeight({ 'building:levels': 'many' }, 'residential', 100, 'way/1').source).toBe('estimate');
  });

  it('estimates from footprint area and use class, deterministically and never one flat height', () => {
    const a = buildingHeight({ building: 'yes' }, 'office', 2000, 'way/7');
    expect(a.source).toBe('estimate');
    expect(buildingHeight({ building: 'yes' }, 'office', 2000, 'way/7')).toEqual(a);
    const heights = new Set<number>();
    for (let i = 0; i < 50; i++) heights.add(buildingHeight({ building: 'yes' }, 'residential', 100 + i * 200, `way/${i}`).height);
    expect(heights.size).toBeGreaterThan(5);
    // A large office block stands taller than a small one, and industry stays low.
    expect(estimateLevels('office', 10_000, 'yes', 'way/9')).toBeGreaterThan(estimateLevels('office', 100, 'yes', 'way/9'));
    expect(estimateLevels('industrial', 10_000, 'warehouse', 'way/9')).toBeLessThanOrEqual(3);
    expect(estimateLevels('commercial', 5_000, 'garage', 'way/9')).toBe(1);
  });
});

describe('parseLength', () => {
  it('reads OSM length values', () => {
    expect(parseLength('12')).toBe(12);
    expect(parseLength('12,5 m')).toBe(12.5);
    expect(parseLength('40 ft')).toBeCloseTo(12.192, 6);
    expect(parseLength('about 10')).toBeNull();
    expect(parseLength(undefined)).toBeNull();
  });
});

describe('useClassOf', () => {
  it('reads the building value, then what the building houses, then its name, then the land use around it', () => {
    expect(useClassOf({ building: 'apartments' })).toBe('residential');
    expect(useClassOf({ building: 'yes', amenity: 'hospital' })).toBe('hospital');
    expect(useClassOf({ building: 'yes', office: 'government' })).toBe('government');
    expect(useClassOf({ building: 'yes' }, { landuse: null, contained: [{ amenity: 'bank' }] })).toBe('commercial');
    expect(useClassOf({ building: 'yes', name: '环球金融中心' })).toBe('office');
    expect(useClassOf({ building: 'yes', name: 'Peace Hotel' })).toBe('commercial');
    expect(useClassOf({ building: 'yes' }, { landuse: 'residential', contained: [] })).toBe('residential');
    expect(useClassOf({ building: 'yes' })).toBe('other');
  });
});
