import { describe, expect, it } from 'vitest';
import { LayerRegistry } from './layer-registry';
import type { LiveLayer } from './live-layer';

function fakeLayer(name: string): LiveLayer {
  return { name, attach: async () => undefined, dispose: () => undefined };
}

describe('LayerRegistry', () => {
  it('creates registered layers in registration order', () => {
    const registry = new LayerRegistry().register('ground', () => fakeLayer('ground')).register('roads', () => fakeLayer('roads'));
    expect(registry.names()).toEqual(['ground', 'roads']);
    expect(registry.create('roads').name).toBe('roads');
  });

  it('throws on a duplicate name', () => {
    const registry = new LayerRegistry().register('roads', () => fakeLayer('roads'));
    expect(() => registry.register('roads', () => fakeLayer('roads'))).toThrow(/already registered/);
  });

  it('throws on an unknown name and on a factory that lies about its name', () => {
    const registry = new LayerRegistry().register('roads', () => fakeLayer('ground'));
    expect(() => registry.create('water')).toThrow(/no layer/);
    expect(() => registry.create('roads')).toThrow(/named "ground"/);
  });

  it('passes props through to the factory', () => {
    let seen: unknown;
    const registry = new LayerRegistry().register<{ width: number }>('roads', (props) => {
      seen = props;
      return fakeLayer('roads');
    });
    registry.create('roads', { width: 3 });
    expect(seen).toEqual({ width: 3 });
  });
});
