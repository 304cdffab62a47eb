import { describe, expect, it, vi } from 'vitest';
import type { LayerScene } from '../scene/scene-layer';
import { createAppStore, type AppStore } from '../store/app-store';
import { defineLayer, type LayerCollection, type LayerContext } from './define-layer';

/** A Cesium-like event: listeners added and removed, fired by hand. */
function fakeEvent() {
  const listeners = new Set<(...args: unknown[]) => void>();
  return {
    listeners,
    addEventListener(listener: (...args: unknown[]) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    fire: (...args: unknown[]) => [...listeners].forEach((l) => l(...args)),
  };
}

/** A primitive that says whether it was destroyed. */
class FakePrimitive {
  ready = false;
  destroyed = false;
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
  }
}

/** A Cesium-like collection; `destroyOnRemove` as PrimitiveCollection's destroyPrimitives. */
function fakeCollection<T extends object>(destroyOnRemove = true): LayerCollection<T> & { items: Set<T> } {
  const items = new Set<T>();
  return {
    items,
    add: (item) => items.add(item),
    remove(item) {
      if (destroyOnRemove) (item as { destroy?: () => void }).destroy?.();
      return items.delete(item);
    },
    isDestroyed: () => false,
  };
}

function fakeScene() {
  const primitives = fakeCollection<object>();
  const postRender = fakeEvent();
  const preRender = fakeEvent();
  const abort = new AbortController();
  const viewer = { scene: { primitives, postRender, preRender, requestRender: vi.fn() } };
  const scene = { viewer, pack: {}, signal: abort.signal, labels: {} } as unknown as LayerScene;
  return { scene, primitives, postRender, preRender, abort };
}

function declared(name: string): AppStore {
  const store = createAppStore();
  store.getState().declareLayer(name, true);
  return store;
}

describe('defineLayer', () => {
  it('fills props from the defaults and the creation props', () => {
    const factory = defineLayer({ name: 'demo', defaults: { width: 3, colour: 'red' }, attach: () => undefined });
    expect(factory({ width: 5 }).props).toEqual({ width: 5, colour: 'red' });
    expect(factory().props).toEqual({ width: 3, colour: 'red' });
  });

  it('undoes every kind of registration on dispose and resets the ready flag', async () => {
    const { scene, primitives, preRender } = fakeScene();
    const store = declared('demo');
    const stages = fakeCollection<FakePrimitive>(false);
    const target = new EventTarget();
    const seen: string[] = [];
    const other = createAppStore();
    const primitive = new FakePrimitive();
    const stage = new FakePrimitive();
    const cleanup = vi.fn();
    const layer = defineLayer({
      name: 'demo',
      defaults: {},
      attach(ctx) {
        ctx.add(primitive);
        ctx.add(stage, stages);
        ctx.on(preRender, () => seen.push('frame'));
        ctx.on(target, 'ping', () => seen.push('ping'));
        ctx.subscribe((state, previous) => state.locale !== previous.locale && seen.push(`locale ${state.locale}`));
        ctx.subscribe(other, (state, previous) => state.locale !== previous.locale && seen.push(`other ${state.locale}`));
        ctx.visible((visible) => seen.push(`visible ${visible}`));
        ctx.onDispose(cleanup);
        ctx.ready();
      },
    })();
    await layer.attach(scene, store);
    expect(store.getState().layers.demo!.ready).toBe(true);
    preRender.fire();
    target.dispatchEvent(new Event('ping'));
    store.getState().setLocale('en');
    other.getState().setLocale('en');
    store.getState().setLayerVisible('demo', false);
    expect(seen).toEqual(['visible true', 'frame', 'ping', 'locale en', 'other en', 'visible false']);

    layer.dispose();
    seen.length = 0;
    preRender.fire();
    target.dispatchEvent(new Event('ping'));
    store.getState().setLocale('zh-CN');
    other.getState().setLocale('zh-CN');
    store.getState().setLayerVisible('demo', true);
    expect(seen).toEqual([]);
    expect(primitives.items.size).toBe(0);
    expect(stages.items.size).toBe(0);
    expect(primitive.destroyed).toBe(true);
    // A collection that only removes: the kit destroys what it added.
    expect(stage.destroyed).toBe(true);
    expect(cleanup).toHaveBeenCalledOnce();
    expect(preRender.listeners.size).toBe(0);
    expect(store.getState().layers.demo!.ready).toBe(false);
  });

  it('is harmless to dispose twice, and before attach', async () => {
    const { scene } = fakeScene();
    const store = declared('demo');
    const cleanup = vi.fn();
    const layer = defineLayer({ name: 'demo', defaults: {}, attach: (ctx) => ctx.onDispose(cleanup) })();
    layer.dispose();
    await layer.attach(scene, store);
    layer.dispose();
    layer.dispose();
    expect(cleanup).toHaveBeenCalledOnce();
  });

  it('cleans up what a failing attach added, and reports the failure', async () => {
    const { scene, primitives, preRender } = fakeScene();
    const store = declared('demo');
    const primitive = new FakePrimitive();
    const layer = defineLayer({
      name: 'demo',
      defaults: {},
      async attach(ctx) {
        ctx.add(primitive);
        ctx.on(preRender, () => undefined);
        ctx.ready();
        await Promise.resolve();
        throw new Error('bad pack');
      },
    })();
    await expect(layer.attach(scene, store)).rejects.toThrow('bad pack');
    expect(primitives.items.size).toBe(0);
    expect(primitive.destroyed).toBe(true);
    expect(preRender.listeners.size).toBe(0);
    expect(store.getState().layers.demo!.ready).toBe(false);
  });

  it('stops quietly when disposed while attach awaits, destroying what arrives late', async () => {
    const { scene, primitives } = fakeScene();
    const store = declared('demo');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const late = new FakePrimitive();
    let reachedEnd = false;
    const layer = defineLayer({
      name: 'demo',
      defaults: {},
      async attach(ctx) {
        await gate;
        ctx.add(late);
        reachedEnd = true;
        ctx.ready();
      },
    })();
    const attaching = layer.attach(scene, store);
    layer.dispose();
    release();
    await expect(attaching).resolves.toBeUndefined();
    expect(reachedEnd).toBe(false);
    expect(late.destroyed).toBe(true);
    expect(primitives.items.size).toBe(0);
    expect(store.getState().layers.demo!.ready).toBe(false);
  });

  it('aborts its signal on dispose and when the scene is torn down', async () => {
    const first = fakeScene();
    const store = declared('demo');
    const signals: AbortSignal[] = [];
    const factory = defineLayer({ name: 'demo', defaults: {}, attach: (ctx) => void signals.push(ctx.signal) });
    const a = factory();
    await a.attach(first.scene, store);
    a.dispose();
    expect(signals[0]!.aborted).toBe(true);
    const second = fakeScene();
    await factory().attach(second.scene, store);
    expect(signals[1]!.aborted).toBe(false);
    second.abort.abort();
    expect(signals[1]!.aborted).toBe(true);
  });

  it('still undoes everything when the scene aborted its signal before disposing it (as a scene teardown does)', async () => {
    const { scene, primitives, preRender, abort } = fakeScene();
    const store = declared('demo');
    const primitive = new FakePrimitive();
    const seen: string[] = [];
    const layer = defineLayer({
      name: 'demo',
      defaults: {},
      attach(ctx) {
        ctx.add(primitive);
        ctx.on(preRender, () => undefined);
        ctx.subscribe((state, previous) => state.locale !== previous.locale && seen.push(state.locale));
        ctx.ready();
      },
    })();
    await layer.attach(scene, store);
    abort.abort();
    layer.dispose();
    store.getState().setLocale('en');
    expect(seen).toEqual([]);
    expect(primitive.destroyed).toBe(true);
    expect(primitives.items.size).toBe(0);
    expect(preRender.listeners.size).toBe(0);
    expect(store.getState().layers.demo!.ready).toBe(false);
  });

  it('marks ready when its primitives are drawn, and only then', async () => {
    const { scene, postRender } = fakeScene();
    const store = declared('demo');
    const primitive = new FakePrimitive();
    const then = vi.fn();
    const layer = defineLayer({ name: 'demo', defaults: {}, attach: (ctx) => ctx.readyWhenDrawn([ctx.add(primitive)], then) })();
    await layer.attach(scene, store);
    postRender.fire();
    expect(store.getState().layers.demo!.ready).toBe(false);
    primitive.ready = true;
    postRender.fire();
    expect(then).toHaveBeenCalledOnce();
    expect(store.getState().layers.demo!.ready).toBe(true);
    expect(postRender.listeners.size).toBe(0);
  });

  it('applies updated props while attached, keeps them for the next attach, and stops applying after dispose', async () => {
    const { scene } = fakeScene();
    const store = declared('demo');
    const applied: { width: number }[] = [];
    const layer = defineLayer({ name: 'demo', defaults: { width: 3, colour: 'red' }, attach: (ctx) => ctx.onProps((props) => applied.push({ width: props.width })) })();
    layer.update({ width: 4 });
    await layer.attach(scene, store);
    layer.update({ width: 6 });
    expect(applied).toEqual([{ width: 6 }]);
    expect(layer.props).toEqual({ width: 6, colour: 'red' });
    layer.dispose();
    layer.update({ width: 8 });
    expect(applied).toEqual([{ width: 6 }]);
    expect(layer.props.width).toBe(8);
  });

  it('applies updated props in place when the layer listens for them, without attaching again', async () => {
    const { scene, primitives } = fakeScene();
    const store = declared('demo');
    const primitive = new FakePrimitive();
    const attach = vi.fn((ctx: LayerContext<{ width: number }>) => {
      ctx.add(primitive);
      ctx.onProps(() => undefined);
      ctx.ready();
    });
    const layer = defineLayer({ name: 'demo', defaults: { width: 3 }, attach })();
    await layer.attach(scene, store);
    const readiness = followReady(store, 'demo');
    layer.update({ width: 6 });
    expect(attach).toHaveBeenCalledOnce();
    expect(primitive.destroyed).toBe(false);
    expect([...primitives.items]).toEqual([primitive]);
    expect(readiness).toEqual([]);
  });

  it('attaches a layer that does not listen for props again on the same scene, with the new props', async () => {
    const { scene, primitives, preRender } = fakeScene();
    const store = declared('demo');
    const made: { primitive: FakePrimitive; width: number; scene: LayerScene; signal: AbortSignal }[] = [];
    const layer = defineLayer({
      name: 'demo',
      defaults: { width: 3, colour: 'red' },
      attach(ctx) {
        const primitive = ctx.add(new FakePrimitive());
        ctx.on(preRender, () => undefined);
        made.push({ primitive, width: ctx.props.width, scene: ctx.scene, signal: ctx.signal });
        ctx.ready();
      },
    })();
    await layer.attach(scene, store);
    const readiness = followReady(store, 'demo');
    layer.update({ width: 6 });
    expect(made.map((m) => m.width)).toEqual([3, 6]);
    expect(made[1]!.scene).toBe(scene);
    // The first attach was disposed by the kit: its primitive destroyed, its listener and signal gone.
    expect(made[0]!.primitive.destroyed).toBe(true);
    expect(made[0]!.signal.aborted).toBe(true);
    expect([...primitives.items]).toEqual([made[1]!.primitive]);
    expect(preRender.listeners.size).toBe(1);
    expect(readiness).toEqual([false, true]);
    expect(layer.props).toEqual({ width: 6, colour: 'red' });

    // An update that changes nothing attaches nothing.
    layer.update({ width: 6 });
    expect(made).toHaveLength(2);
    // The layer's dispose undoes the second attach; later updates only keep the props.
    layer.dispose();
    expect(made[1]!.primitive.destroyed).toBe(true);
    expect(store.getState().layers.demo!.ready).toBe(false);
    layer.update({ width: 8 });
    expect(made).toHaveLength(2);
    expect(layer.props.width).toBe(8);
  });

  it('re-attaches with the new props when updated while attach awaits, and not once the scene is torn down', async () => {
    const { scene, abort } = fakeScene();
    const store = declared('demo');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const finished: number[] = [];
    const layer = defineLayer({
      name: 'demo',
      defaults: { width: 3 },
      async attach(ctx) {
        const width = ctx.props.width;
        await gate;
        ctx.onDispose(() => undefined);
        finished.push(width);
        ctx.ready();
      },
    })();
    const attaching = layer.attach(scene, store);
    layer.update({ width: 6 });
    release();
    await expect(attaching).resolves.toBeUndefined();
    await vi.waitFor(() => expect(finished).toEqual([6]));
    expect(store.getState().layers.demo!.ready).toBe(true);

    abort.abort();
    layer.update({ width: 9 });
    await Promise.resolve();
    expect(finished).toEqual([6]);
  });

  it('reports a re-attach that fails and counts the layer ready, as the scene does for a first attach', async () => {
    const { scene } = fakeScene();
    const store = declared('demo');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const layer = defineLayer({
        name: 'demo',
        defaults: { width: 3 },
        attach(ctx) {
          if (ctx.props.width > 5) throw new Error('too wide');
          ctx.ready();
        },
      })();
      await layer.attach(scene, store);
      layer.update({ width: 6 });
      await vi.waitFor(() => expect(error).toHaveBeenCalledWith(expect.stringContaining('layer demo failed: Error: too wide')));
      expect(store.getState().layers.demo!.ready).toBe(true);
    } finally {
      error.mockRestore();
    }
  });
});

/** The layer's ready flag each time it changes from now on. */
function followReady(store: AppStore, name: string): boolean[] {
  const seen: boolean[] = [];
  store.subscribe((state, previous) => {
    const ready = state.layers[name]?.ready;
    if (ready !== undefined && ready !== previous.layers[name]?.ready) seen.push(ready);
  });
  return seen;
}
