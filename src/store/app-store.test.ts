import { describe, expect, it } from 'vitest';
import { createAppStore } from './app-store';

const sync = { simTimeMs: 0, serverTimeMs: 0, rate: 1, playing: true, revision: 3 };

describe('app store', () => {
  it('ignores a clock sync older than the one it holds', () => {
    const store = createAppStore();
    store.getState().receiveClockSync(sync);
    store.getState().receiveClockSync({ ...sync, revision: 2, rate: 99 });
    expect(store.getState().clock.sync?.rate).toBe(1);
    store.getState().receiveClockSync({ ...sync, revision: 3, simTimeMs: 5 });
    expect(store.getState().clock.sync?.simTimeMs).toBe(5);
  });

  it('keeps a layer visibility across a re-declare (viewer rebuild) and resets readiness', () => {
    const store = createAppStore();
    store.getState().declareLayer('roads', true);
    store.getState().setLayerVisible('roads', false);
    store.getState().setLayerReady('roads', true);
    store.getState().declareLayer('roads', true);
    expect(store.getState().layers.roads).toEqual({ visible: false, ready: false });
    store.getState().forgetLayer('roads');
    expect(store.getState().layers.roads).toBeUndefined();
  });

  it('ignores visibility changes of an unknown layer', () => {
    const store = createAppStore();
    store.getState().setLayerVisible('ghost', true);
    expect(store.getState().layers).toEqual({});
  });

  it('bumps the bookmark request so the same view can be asked for twice', () => {
    const store = createAppStore();
    store.getState().goToBookmark('bund');
    store.getState().goToBookmark('bund');
    expect(store.getState().camera).toMatchObject({ bookmarkId: 'bund', bookmarkRequest: 2 });
    store.getState().leaveBookmark();
    expect(store.getState().camera.bookmarkId).toBeNull();
  });

  it('does not notify subscribers when touring or status does not change', () => {
    const store = createAppStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.getState().setTouring(false);
    store.getState().setConnectionStatus('connecting');
    expect(calls).toBe(0);
    store.getState().setTouring(true);
    expect(calls).toBe(1);
  });

  it('forgets the tour stop when the tour stops', () => {
    const store = createAppStore();
    store.getState().setTouring(true);
    store.getState().setTourStop({ id: 'skyline', name: { zh: '天际线', en: 'Skyline' } });
    expect(store.getState().camera.tourStop?.id).toBe('skyline');
    store.getState().setTouring(false);
    expect(store.getState().camera.tourStop).toBeNull();
  });

  it('holds one selection at a time', () => {
    const store = createAppStore();
    const building = { kind: 'building' as const, osmId: 'way/1', name: 'A', nameZh: '', nameEn: '', useClass: 'office' as const, height: 30, levels: 8 };
    store.getState().select(building);
    expect(store.getState().selection).toEqual(building);
    store.getState().select(null);
    expect(store.getState().selection).toBeNull();
  });
});

describe('connection slice', () => {
  it('counts the server events dropped on arrival, by event', () => {
    const store = createAppStore();
    expect(store.getState().connection.invalidEvents).toEqual({});
    store.getState().countInvalidEvent('feed:trips');
    store.getState().countInvalidEvent('feed:trips');
    store.getState().countInvalidEvent('clock:sync');
    expect(store.getState().connection.invalidEvents).toEqual({ 'feed:trips': 2, 'clock:sync': 1 });
  });
});
