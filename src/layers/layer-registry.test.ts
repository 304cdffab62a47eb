import { describe, expect, it } from 'vitest';
import { LayerRegistry } from './layer-registry';
import { defineLayer } from './define-layer';
import type { LiveLayer } from './live-layer';

function fakeLayer<Props extends object = object>(name: string, props = {} as Props): LiveLayer<Props> {
  return { name, props, update: () => undefined, attach: async () => undefined, dispose: () => undefined };
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
    const registry = new LayerRegistry().register('roads', (props?: Partial<{ width: number }>) => {
      seen = props;
      return fakeLayer('roads', { width: props?.width ?? 1 });
    });
    registry.create('roads', { width: 3 });
    expect(seen).toEqual({ width: 3 });
  });

  it("makes layers with the props registered for them, and the call site's over those", () => {
    const roads = defineLayer({ name: 'roads', defaults: { width: 1, colour: 'grey' }, attach: () => undefined });
    const registry = new LayerRegistry().register('roads', roads, { width: 2 });
    expect((registry.create('roads') as LiveLayer<{ width: number }>).props).toEqual({ width: 2, colour: 'grey' });
    expect((registry.create('roads', { colour: 'red' }) as LiveLayer<{ width: number }>).props).toEqual({ width: 2, colour: 'red' });
  });

  it('updates the layer on the scene and every layer made after', () => {
    const roads = defineLayer({ name: 'roads', defaults: { width: 1, colour: 'grey' }, attach: () => undefined });
    const registry = new LayerRegistry().register('roads', roads);
    const live = registry.create('roads') as LiveLayer<{ width: number }>;
    registry.update('roads', { width: 5 });
    expect(live.props.width).toBe(5);
    // A rebuilt scene makes the layer again: it keeps the update.
    expect((registry.create('roads') as LiveLayer<{ width: number }>).props.width).toBe(5);
    expect(() => registry.update('water' as 'roads', { width: 1 })).toThrow(/no layer/);
  });
});
