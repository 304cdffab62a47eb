import { describe, expect, it } from 'vitest';
import { METRES_PER_DEGREE } from '../../city/local-frame';
import { offsetLine } from './offset-line';

describe('offsetLine', () => {
  it('moves an eastbound line south (to its right) by the given metres', () => {
    const [a, b] = offsetLine([121.5, 121.501], [31.2, 31.2], 0, 2, 10);
    expect(a![0]).toBeCloseTo(121.5, 9);
    expect((31.2 - a![1]) * METRES_PER_DEGREE).toBeCloseTo(10, 3);
    expect((31.2 - b![1]) * METRES_PER_DEGREE).toBeCloseTo(10, 3);
  });
  it('leaves a zero-length line where it is', () => {
    expect(offsetLine([1, 1], [2, 2], 0, 2, 5)).toEqual([
      [1, 2],
      [1, 2],
    ]);
  });
});
