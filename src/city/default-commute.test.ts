import { describe, expect, it } from 'vitest';
import { defaultCommute } from './default-commute';

describe('defaultCommute', () => {
  it('goes from the westernmost named park to the easternmost named mall or office', () => {
    const pair = defaultCommute([
      { lonLat: [121.49, 31.2], category: 'park', named: true },
      { lonLat: [121.48, 31.2], category: 'park', named: true },
      { lonLat: [121.47, 31.2], category: 'park', named: false },
      { lonLat: [121.5, 31.2], category: 'mall', named: true },
      { lonLat: [121.52, 31.2], category: 'government', named: true },
      { lonLat: [121.53, 31.2], category: 'school', named: true },
    ]);
    expect(pair).toEqual({ home: [121.48, 31.2], work: [121.52, 31.2] });
  });
  it('is null without a park or a workplace east of it', () => {
    expect(defaultCommute([{ lonLat: [121.5, 31.2], category: 'mall', named: true }])).toBeNull();
    expect(
      defaultCommute([
        { lonLat: [121.5, 31.2], category: 'park', named: true },
        { lonLat: [121.4, 31.2], category: 'mall', named: true },
      ]),
    ).toBeNull();
  });
});
