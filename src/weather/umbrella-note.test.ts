import { describe, expect, it } from 'vitest';
import { umbrellaNote, UMBRELLA_NOTES } from './umbrella-note.js';

describe('umbrella note', () => {
  it('says nothing when it is dry or unknown', () => {
    expect(umbrellaNote(0, 20)).toBeNull();
    expect(umbrellaNote(null, 20)).toBeNull();
    expect(umbrellaNote(undefined)).toBeNull();
  });

  it.each([
    [0.1, 'light-rain'],
    [2.4, 'light-rain'],
    [2.5, 'moderate-rain'],
    [7.9, 'moderate-rain'],
    [8, 'heavy-rain'],
    [15.9, 'heavy-rain'],
    [16, 'torrential-rain'],
    [61.6, 'torrential-rain'],
  ])('%s mm in the hour is %s', (mm, kind) => {
    expect(umbrellaNote(mm, 15)?.kind).toBe(kind);
  });

  it('turns to sleet/snow at 1 °C and below', () => {
    expect(umbrellaNote(0.5, 1)?.kind).toBe('snow');
    expect(umbrellaNote(0.5, 1.1)?.kind).toBe('light-rain');
    expect(umbrellaNote(0.5, null)?.kind).toBe('light-rain');
  });

  it('tells people to take an umbrella, in both languages', () => {
    for (const note of UMBRELLA_NOTES) {
      expect(note.text.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(note.text.en.length).toBeGreaterThan(10);
    }
    expect(umbrellaNote(1, 20)?.text).toEqual({ zh: '有小雨，出门记得带伞。', en: 'Light rain: take an umbrella.' });
  });
});
