import { describe, expect, it } from 'vitest';
import { formatCityTime } from './format-time';

describe('formatCityTime', () => {
  const instant = Date.parse('2026-11-24T16:30:05Z');

  it('shows the time at the city offset on a 24-hour clock', () => {
    expect(formatCityTime(instant, 8, 'en')).toMatchObject({ time: '00:30:05', zone: 'UTC+8' });
  });

  it('rolls the date over with the offset, in the locale', () => {
    expect(formatCityTime(instant, 8, 'en').date).toMatch(/25/);
    expect(formatCityTime(instant, 8, 'zh-CN').date).toMatch(/2026年11月25日/);
    expect(formatCityTime(instant, 0, 'en').date).toMatch(/24/);
  });
});
