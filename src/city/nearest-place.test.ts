import { describe, expect, it } from 'vitest';
import { nearestPlaceName } from './nearest-place';

const places = [
  { lonLat: [121.4925, 31.2215] as [number, number], names: { name: '古城公园', name_zh: '古城公园', name_en: 'Gucheng Park' } },
  { lonLat: [121.4935, 31.2215] as [number, number], names: { name: '十六铺', name_zh: '十六铺', name_en: 'Shiliupu' } },
  { lonLat: [121.4926, 31.2215] as [number, number], names: { name: null, name_zh: null, name_en: null } },
];

describe('nearestPlaceName', () => {
  it('names the nearest named place within reach, in the locale', () => {
    expect(nearestPlaceName(places, [121.4927, 31.2215], 'en')).toBe('Gucheng Park');
    expect(nearestPlaceName(places, [121.4933, 31.2215], 'zh-CN')).toBe('十六铺');
  });

  it('names nothing when no named place is within reach', () => {
    expect(nearestPlaceName(places, [121.51, 31.2215], 'en')).toBeNull();
  });
});
