import { describe, expect, it } from 'vitest';
import { isTimeZone, localDate, localMidnight, zoneForLongitude, zoneOffsetMs } from './time-zone';

describe('time zones', () => {
  it('finds local midnight and the local date in Shanghai (UTC+8, no daylight saving)', () => {
    expect(localMidnight('2014-06-12', 'Asia/Shanghai')).toBe(Date.parse('2014-06-12T00:00:00+08:00'));
    expect(localDate(Date.parse('2014-06-11T17:00:00Z'), 'Asia/Shanghai')).toBe('2014-06-12');
    expect(zoneOffsetMs(Date.parse('2014-01-01T00:00:00Z'), 'Asia/Shanghai')).toBe(8 * 3_600_000);
  });

  it('follows daylight saving where a zone has it', () => {
    expect(localMidnight('2014-07-01', 'Europe/Berlin')).toBe(Date.parse('2014-07-01T00:00:00+02:00'));
    expect(localMidnight('2014-01-01', 'Europe/Berlin')).toBe(Date.parse('2014-01-01T00:00:00+01:00'));
  });

  it('derives a fixed-offset zone from a longitude and knows real zone names', () => {
    expect(zoneForLongitude(121.5)).toBe('Etc/GMT-8');
    expect(zoneForLongitude(-74)).toBe('Etc/GMT+5');
    expect(zoneForLongitude(2)).toBe('Etc/UTC');
    expect(isTimeZone('Etc/GMT-8')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
