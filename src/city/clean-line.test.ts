import { describe, expect, it } from 'vitest';
import { cleanLine } from './clean-line';

describe('cleanLine', () => {
  it('keeps a gently bending line whole', () => {
    const line: [number, number][] = [
      [121.5, 31.2],
      [121.501, 31.2],
      [121.502, 31.2005],
    ];
    expect(cleanLine(line)).toEqual([line]);
  });

  it('splits an out-and-back spike into two parts at its tip', () => {
    const parts = cleanLine([
      [121.5, 31.2],
      [121.5005, 31.2],
      [121.50001, 31.20001],
    ]);
    expect(parts).toEqual([
      [
        [121.5, 31.2],
        [121.5005, 31.2],
      ],
      [
        [121.5005, 31.2],
        [121.50001, 31.20001],
      ],
    ]);
  });

  it('drops repeated points and lines that collapse to one point', () => {
    expect(
      cleanLine([
        [1, 1],
        [1, 1],
        [2, 1],
      ]),
    ).toEqual([
      [
        [1, 1],
        [2, 1],
      ],
    ]);
    expect(
      cleanLine([
        [1, 1],
        [1, 1],
      ]),
    ).toEqual([]);
  });
});
