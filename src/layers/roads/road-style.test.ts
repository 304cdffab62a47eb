import { describe, expect, it } from 'vitest';
import { roadStyleFor } from './road-style';

describe('roadStyleFor', () => {
  it('draws main roads wider and brighter than service roads and paths', () => {
    const primary = roadStyleFor('primary');
    const service = roadStyleFor('service');
    const footway = roadStyleFor('footway');
    expect(primary.width).toBeGreaterThan(service.width);
    expect(service.width).toBeGreaterThan(footway.width);
    expect(primary.rank).toBeGreaterThan(footway.rank);
  });

  it('treats unknown classes as paths', () => {
    expect(roadStyleFor('bridleway')).toEqual(roadStyleFor('footway'));
  });
});
