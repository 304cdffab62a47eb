import { describe, expect, it } from 'vitest';
import { placesToLabel } from './place-style';

describe('placesToLabel', () => {
  it('keeps the more important of two names that would collide', () => {
    const places = [
      { lonLat: [121.4868, 31.2366] as [number, number], category: 'police' as const, named: true },
      { lonLat: [121.4869, 31.2367] as [number, number], category: 'government' as const, named: true },
      { lonLat: [121.5, 31.24] as [number, number], category: 'park' as const, named: true },
    ];
    expect(placesToLabel(places)).toEqual([1, 2]);
  });

  it('never labels unnamed places or bus stops', () => {
    const places = [
      { lonLat: [121.5, 31.24] as [number, number], category: 'hospital' as const, named: false },
      { lonLat: [121.51, 31.24] as [number, number], category: 'bus_stop' as const, named: true },
    ];
    expect(placesToLabel(places)).toEqual([]);
  });
});
