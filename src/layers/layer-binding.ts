/** Helpers every live layer uses to follow its store entry and report readiness. */
import type { Scene } from 'cesium';
import type { AppStore } from '../store/app-store';

/** Calls `apply(visible)` now and whenever the layer's visibility changes; returns the unsubscribe. */
export function bindVisibility(store: AppStore, name: string, apply: (visible: boolean) => void): () => void {
  let last = store.getState().layers[name]?.visible ?? true;
  apply(last);
  return store.subscribe((state) => {
    const visible = state.layers[name]?.visible ?? true;
    if (visible !== last) {
      last = visible;
      apply(visible);
    }
  });
}

/**
 * Resolves when every primitive reports `ready` after a render; primitives build their geometry in
 * workers, so "created" is not "drawn". Returns a cancel function.
 */
export function whenPrimitivesReady(scene: Scene, primitives: { ready: boolean; isDestroyed(): boolean }[], done: () => void): () => void {
  const check = () => {
    if (primitives.some((p) => p.isDestroyed())) return remove();
    if (primitives.every((p) => p.ready)) {
      remove();
      done();
    } else {
      // Keep frames coming while workers finish, even in request-render mode.
      scene.requestRender();
    }
  };
  const remove = scene.postRender.addEventListener(check);
  scene.requestRender();
  return remove;
}

/** Calls `apply()` whenever the room's feed changes (its version bumps); returns the unsubscribe. */
export function onFeedChange(store: AppStore, apply: () => void): () => void {
  let version = store.getState().feed.version;
  return store.subscribe((state) => {
    if (state.feed.version === version) return;
    version = state.feed.version;
    apply();
  });
}
