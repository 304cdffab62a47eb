import { describe, expect, it } from 'vitest';
import { toUseClass } from './use-class';

describe('toUseClass', () => {
  it('maps unknown use classes to other', () => {
    expect(toUseClass('office')).toBe('office');
    expect(toUseClass('castle')).toBe('other');
    expect(toUseClass(undefined)).toBe('other');
  });
});
