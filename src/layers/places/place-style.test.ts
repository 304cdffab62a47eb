import { describe, expect, it } from 'vitest';
import { isLabelled, placeStyleFor } from './place-style';

describe('place labels', () => {
  it('labels named places of the labelled categories only', () => {
    expect(isLabelled('government', true)).toBe(true);
    expect(isLabelled('hospital', false)).toBe(false);
    expect(isLabelled('bus_stop', true)).toBe(false);
    expect(isLabelled('parking', true)).toBe(false);
  });

  it('keeps the labels of important places visible from farther away', () => {
    expect(placeStyleFor('government').labelRange).toBeGreaterThan(placeStyleFor('park').labelRange);
  });
});
