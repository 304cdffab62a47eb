import { describe, expect, it } from 'vitest';
import { timelineTicks } from './timeline-ticks';

const MIDNIGHT = Date.parse('2014-06-12T00:00:00+08:00');

describe('timelineTicks', () => {
  it('labels a replayed day every three local hours, midnight to midnight', () => {
    const ticks = timelineTicks({ startMs: MIDNIGHT, endMs: MIDNIGHT + 86_400_000 }, 'Asia/Shanghai');
    expect(ticks.map((tick) => tick.label)).toEqual(['00:00', '03:00', '06:00', '09:00', '12:00', '15:00', '18:00', '21:00', '00:00']);
    expect(ticks[4]!.fraction).toBe(0.5);
  });

  it('labels a narrow bar every six hours', () => {
    const ticks = timelineTicks({ startMs: MIDNIGHT, endMs: MIDNIGHT + 86_400_000 }, 'Asia/Shanghai', 5);
    expect(ticks.map((tick) => tick.label)).toEqual(['00:00', '06:00', '12:00', '18:00', '00:00']);
  });

  it('starts at the first whole local hour of a recording that begins mid-hour', () => {
    const start = MIDNIGHT + 90 * 60_000;
    const ticks = timelineTicks({ startMs: start, endMs: start + 3 * 3_600_000 }, 'Asia/Shanghai');
    expect(ticks.map((tick) => tick.label)).toEqual(['02:00', '03:00', '04:00']);
    expect(ticks[0]!.t).toBe(MIDNIGHT + 2 * 3_600_000);
  });

  it('labels a long replay by local date', () => {
    const ticks = timelineTicks({ startMs: MIDNIGHT, endMs: MIDNIGHT + 30 * 86_400_000 }, 'Asia/Shanghai');
    expect(ticks.length).toBeLessThanOrEqual(9);
    expect(ticks[0]!.label).toBe('06-12');
    expect(ticks[1]!.label).toBe('06-16');
  });
});
