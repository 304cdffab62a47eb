import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RouteFound } from '../protocol/guide';
import { createAppStore, type AppStore } from '../store/app-store';
import { fetchRoute, startRoutePoller } from './route-poller';

const found: RouteFound = {
  ok: true,
  t: 0,
  fromNode: 1,
  toNode: 2,
  edges: [4],
  coordinates: [
    [121.49, 31.24],
    [121.5, 31.24],
  ],
  lengthM: 950,
  travelS: 120,
  freeFlowS: 90,
};

/** A fetch whose replies the test hands out one by one; records the URLs and signals it saw. */
function fakeFetch() {
  const calls: { url: string; signal: AbortSignal; respond: (status: number, body: unknown) => void; fail: (error: Error) => void }[] = [];
  const fn = ((url: string, init: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init.signal!;
      signal.addEventListener('abort', () => reject(signal.reason));
      calls.push({ url, signal, respond: (status, body) => resolve(new Response(JSON.stringify(body), { status })), fail: reject });
    })) as unknown as typeof fetch;
  return { fn, calls };
}

/** Lets pending promise callbacks run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

function synced(): AppStore {
  const store = createAppStore();
  store.getState().receiveClockSync({ simTimeMs: 1_000_000, serverTimeMs: Date.now(), rate: 60, playing: true, revision: 1 });
  return store;
}

describe('startRoutePoller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks once both ends are set, for the room, and stores the validated reply', async () => {
    const store = synced();
    const { fn, calls } = fakeFetch();
    const stop = startRoutePoller(store, { fetch: fn });
    store.getState().setGuideEnd('home', [121.49, 31.24]);
    expect(calls).toHaveLength(0);
    store.getState().setGuideEnd('destination', [121.5, 31.24]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/api/route?room=main&from=121.49,31.24&to=121.5,31.24');
    calls[0]!.respond(200, found);
    await settle();
    expect(store.getState().guide.route).toEqual(found);
    stop();
  });

  it('asks again after the refresh sim time, and at once when an end moves, not in between', async () => {
    const store = synced();
    const { fn, calls } = fakeFetch();
    const stop = startRoutePoller(store, { fetch: fn, refreshSimMs: 5 * 60_000, checkMs: 1_000 });
    store.getState().setGuideEnd('home', [121.49, 31.24]);
    store.getState().setGuideEnd('destination', [121.5, 31.24]);
    calls[0]!.respond(200, found);
    await settle();
    // At 60× five sim minutes are five real seconds.
    await vi.advanceTimersByTimeAsync(3_000);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(calls).toHaveLength(2);
    store.getState().setGuideEnd('home', [121.48, 31.23]);
    expect(calls).toHaveLength(3);
    // The newer request superseded the older one still in flight.
    expect(calls[1]!.signal.aborted).toBe(true);
    stop();
  });

  it('turns an unexpected reply into an error the panel shows, and retries it with a growing delay', async () => {
    const store = synced();
    store.getState().receiveClockSync({ simTimeMs: 1_000_000, serverTimeMs: Date.now(), rate: 60, playing: false, revision: 2 });
    const { fn, calls } = fakeFetch();
    const stop = startRoutePoller(store, { fetch: fn, checkMs: 500, retryMs: 2_000, maxRetryMs: 60_000 });
    store.getState().setGuideEnd('home', [121.49, 31.24]);
    store.getState().setGuideEnd('destination', [121.5, 31.24]);
    calls[0]!.respond(429, { statusCode: 429, message: 'slow down' });
    await settle();
    const route = store.getState().guide.route;
    expect(route?.ok).toBe(false);
    expect(route && !route.ok && route.error).toMatch(/^HTTP 429: unexpected reply/);
    // Paused clock: only the retry asks again — after 2 s, then after 4 s more.
    await vi.advanceTimersByTimeAsync(1_500);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(2);
    calls[1]!.fail(new TypeError('network down'));
    await settle();
    expect(store.getState().guide.route).toEqual({ ok: false, error: 'TypeError: network down' });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(calls).toHaveLength(3);
    calls[2]!.respond(422, { ok: false, error: 'start and destination are at the same junction' });
    await settle();
    expect(store.getState().guide.route).toEqual({ ok: false, error: 'start and destination are at the same junction' });
    // A valid answer, even a refusal, ends the retries.
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toHaveLength(3);
    stop();
  });

  it('stops: the request in flight is aborted and no reply is stored', async () => {
    const store = synced();
    const { fn, calls } = fakeFetch();
    const stop = startRoutePoller(store, { fetch: fn });
    store.getState().setGuideEnd('home', [121.49, 31.24]);
    store.getState().setGuideEnd('destination', [121.5, 31.24]);
    stop();
    expect(calls[0]!.signal.aborted).toBe(true);
    await settle();
    expect(store.getState().guide.route).toBeNull();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(calls).toHaveLength(1);
  });
});

describe('fetchRoute', () => {
  it('rejects a route with a malformed path', async () => {
    const bad = { ...found, coordinates: [[121.49]] };
    const fn = (async () => new Response(JSON.stringify(bad))) as unknown as typeof fetch;
    const { reply, valid } = await fetchRoute('/api/route', new AbortController().signal, fn);
    expect(valid).toBe(false);
    expect(reply.ok).toBe(false);
  });
});
