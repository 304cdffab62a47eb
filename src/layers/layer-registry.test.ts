import { describe, expect, it } from 'vitest';
import { LayerRegistry } from './layer-registry';
import { defineLayer } from './define-layer';
import type { LiveLayer } from './live-layer';
import type { LayerScene } from '../scene/scene-layer';
import { createAppStore } from '../store/app-store';

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

  it('reaches an attached layer that does not listen for props: it is drawn again with them, no scene rebuild', async () => {
    const drawn: number[] = [];
    const roads = defineLayer({ name: 'roads', defaults: { width: 1 }, attach: (ctx) => void drawn.push(ctx.props.width) });
    const registry = new LayerRegistry().register('roads', roads);
    const store = createAppStore();
    store.getState().declareLayer('roads', true);
    const scene = { viewer: { scene: {} }, pack: {}, signal: new AbortController().signal, labels: {} } as unknown as LayerScene;
    await registry.create('roads').attach(scene, store);
    registry.update('roads', { width: 4 });
    expect(drawn).toEqual([1, 4]);
  });
});
