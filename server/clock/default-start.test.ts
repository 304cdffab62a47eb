import { describe, expect, it } from 'vitest';
import { defaultClockStart, localHourInstant } from './default-start';

// The demo day: local midnight of 2014-06-12 in Shanghai (UTC+8), for 24 hours.
const DAY = { startMs: Date.parse('2014-06-11T16:00:00Z'), endMs: Date.parse('2014-06-12T16:00:00Z') };

describe('defaultClockStart', () => {
  it('opens at 08:00 local of the recording first day', () => {
    expect(defaultClockStart(DAY, 'Asia/Shanghai')).toBe(Date.parse('2014-06-12T00:00:00Z'));
  });

  it('takes another hour when asked', () => {
    expect(defaultClockStart(DAY, 'Asia/Shanghai', 17)).toBe(Date.parse('2014-06-12T09:00:00Z'));
  });

  it('reads the hour in the city zone, not the server one', () => {
    const londonDay = { startMs: Date.parse('2014-06-11T23:00:00Z'), endMs: Date.parse('2014-06-12T23:00:00Z') };
    expect(defaultClockStart(londonDay, 'Europe/London')).toBe(Date.parse('2014-06-12T07:00:00Z'));
  });

  it('falls back to the span start when the hour is not inside the recording', () => {
    const afternoon = { startMs: Date.parse('2014-06-12T06:00:00Z'), endMs: Date.parse('2014-06-12T10:00:00Z') };
    expect(defaultClockStart(afternoon, 'Asia/Shanghai')).toBe(afternoon.startMs);
  });

  it('has no default for a live-only feed', () => {
    expect(defaultClockStart(null, 'Asia/Shanghai')).toBeNull();
  });
});

describe('localHourInstant', () => {
  it('finds the hour on a day the clocks go forward', () => {
    // Europe/Berlin springs from 02:00 to 03:00 on 2014-03-30: 08:00 that day is UTC+2.
    expect(localHourInstant('2014-03-30', 8, 'Europe/Berlin')).toBe(Date.parse('2014-03-30T06:00:00Z'));
    expect(localHourInstant('2014-03-29', 8, 'Europe/Berlin')).toBe(Date.parse('2014-03-29T07:00:00Z'));
  });
});
