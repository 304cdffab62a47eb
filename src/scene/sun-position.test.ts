import { describe, expect, it } from 'vitest';
import { nightFactor, sunElevationDeg } from './sun-position';

const bund = { lon: 121.49, lat: 31.24 };

describe('sunElevationDeg', () => {
  it('puts the sun high over Shanghai at local noon in June', () => {
    const elevation = sunElevationDeg(Date.parse('2026-06-21T04:00:00Z'), bund.lon, bund.lat);
    expect(elevation).toBeGreaterThan(78);
    expect(elevation).toBeLessThan(83);
  });

  it('puts the sun well below the horizon at local midnight', () => {
    expect(sunElevationDeg(Date.parse('2026-11-24T16:00:00Z'), bund.lon, bund.lat)).toBeLessThan(-40);
  });

  it('crosses the horizon around sunrise (about 06:35 in late November)', () => {
    expect(sunElevationDeg(Date.parse('2026-11-23T22:05:00Z'), bund.lon, bund.lat)).toBeLessThan(0);
    expect(sunElevationDeg(Date.parse('2026-11-23T23:05:00Z'), bund.lon, bund.lat)).toBeGreaterThan(0);
  });
});

describe('nightFactor', () => {
  it('is 0 by day, 1 by night and blends through dusk', () => {
    expect(nightFactor(30)).toBe(0);
    expect(nightFactor(-20)).toBe(1);
    expect(nightFactor(0)).toBeCloseTo(0.5);
  });
});
