import { describe, expect, it } from 'vitest';
import { labelTier } from './label-priority';

describe('labelTier', () => {
  it('puts the route ends first, main places before district signs, lot signs last', () => {
    const order = ['parking-lot', 'place:park', 'route-end', 'parking-district', 'place:mall', 'parking-street'] as const;
    const sorted = [...order].sort((a, b) => labelTier(a) - labelTier(b));
    expect(sorted).toEqual(['route-end', 'place:mall', 'parking-district', 'place:park', 'parking-street', 'parking-lot']);
  });
});
