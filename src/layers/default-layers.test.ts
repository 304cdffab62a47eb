import { describe, expect, it } from 'vitest';
import { createDefaultLayerRegistry } from './default-layers';
import type { RoadsLayerProps } from './roads/roads-layer';

describe('createDefaultLayerRegistry', () => {
  it('registers the city layers in draw order', () => {
    expect(createDefaultLayerRegistry().names()).toEqual(['ground', 'roads', 'congestion', 'buildings', 'vehicles', 'places', 'service-requests', 'parking', 'route', 'weather']);
  });

  it('makes each layer with the props the surface chose, over its defaults, and keeps updates for a rebuilt scene', () => {
    const registry = createDefaultLayerRegistry({ roads: { widthScale: 2 } });
    expect(registry.create('roads').props).toEqual({ height: 1.5, widthScale: 2, hidePaths: false } satisfies RoadsLayerProps);
    registry.update('roads', { hidePaths: true });
    expect(registry.create('roads').props).toEqual({ height: 1.5, widthScale: 2, hidePaths: true });
  });
});
