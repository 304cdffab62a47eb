import { describe, expect, it } from 'vitest';
import { nextFrameDelay } from './frame-pacer';

describe('nextFrameDelay', () => {
  it('waits the budget on a fast GPU and a whole frame on a slow one', () => {
    expect(nextFrameDelay(33, 5)).toBe(33);
    expect(nextFrameDelay(33, 400)).toBe(400);
  });
});
