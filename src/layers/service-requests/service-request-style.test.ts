import { describe, expect, it } from 'vitest';
import { caseStyle, isNewCase, isPlaced } from './service-request-style';

describe('caseStyle', () => {
  it('marks new open cases largest, then open, then closed', () => {
    const fresh = caseStyle({ status: 'open' }, true);
    const open = caseStyle({ status: 'open' }, false);
    const closed = caseStyle({ status: 'closed' }, true);
    expect(fresh.size).toBeGreaterThan(open.size);
    expect(open.size).toBeGreaterThan(closed.size);
    expect(new Set([fresh.colour, open.colour, closed.colour]).size).toBe(3);
  });
});

describe('isNewCase', () => {
  const at = Date.parse('2014-06-12T08:00:00+08:00');
  const request = (iso: string) => ({ requested_datetime: iso });
  it('counts a case requested in the last half hour of sim time as new, an older one not', () => {
    expect(isNewCase(request('2014-06-12T07:45:00+08:00'), at, 30 * 60_000, Infinity, 20_000)).toBe(true);
    expect(isNewCase(request('2014-06-12T06:00:00+08:00'), at, 30 * 60_000, Infinity, 20_000)).toBe(false);
  });
  it('counts a case that arrived live dated outside the replay as new only while it was just seen', () => {
    expect(isNewCase(request('2026-11-24T10:00:00Z'), at, 30 * 60_000, 5_000, 20_000)).toBe(true);
    expect(isNewCase(request('2026-11-24T10:00:00Z'), at, 30 * 60_000, 60_000, 20_000)).toBe(false);
  });
});

describe('isPlaced', () => {
  it('places a case with coordinates and leaves one with only an address off the map', () => {
    const cases = [
      { id: 'a', lat: 31.23, long: 121.49 },
      { id: 'b', lat: null, long: null },
    ];
    expect(cases.filter(isPlaced).map((c) => c.id)).toEqual(['a']);
  });
});
