/**
 * The travel guide's route from the server (GET /api/route): asked again when home or destination
 * moves and every `refreshSimMs` of sim time, so it follows the traffic. Replies are validated on
 * arrival and stored in the guide slice, where the route layer draws them. A newer request aborts an
 * older one still in flight; a request that gets no valid reply is retried after a growing delay.
 */
import { simTimeAt } from '../protocol/clock';
import { routeReplySchema, type RouteReply } from '../protocol/guide';
import type { AppStore } from '../store/app-store';

/** Options of the route poller. */
export interface RoutePollerOptions {
  /** Ask again after this much sim time (ms): sim 5 minutes, the feed's flow interval. */
  refreshSimMs: number;
  /** How often (real ms) to look whether a refresh is due: sim time moves without store changes. */
  checkMs: number;
  /** First and longest real delay (ms) before retrying a request that got no valid reply. */
  retryMs: number;
  maxRetryMs: number;
  /** The fetch to use (tests pass their own). */
  fetch: typeof fetch;
}

/** Defaults of the route poller. */
export const ROUTE_POLLER_DEFAULTS: Omit<RoutePollerOptions, 'fetch'> = { refreshSimMs: 5 * 60_000, checkMs: 2_000, retryMs: 2_000, maxRetryMs: 60_000 };

/** The reply of one request, validated; a network failure or an unexpected body becomes an error reply. */
export async function fetchRoute(url: string, signal: AbortSignal, fetchFn: typeof fetch = fetch): Promise<{ reply: RouteReply; valid: boolean }> {
  let status = 0;
  try {
    const response = await fetchFn(url, { signal });
    status = response.status;
    const parsed = routeReplySchema.safeParse(await response.json());
    if (parsed.success) return { reply: parsed.data, valid: true };
    const issue = parsed.error.issues[0];
    return { reply: { ok: false, error: `HTTP ${status}: unexpected reply (${issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid'})` }, valid: false };
  } catch (error) {
    if (signal.aborted) throw error;
    return { reply: { ok: false, error: status ? `HTTP ${status}: ${String(error)}` : String(error) }, valid: false };
  }
}

/** Starts following the guide's ends for `store`'s room; returns the stop function. */
export function startRoutePoller(store: AppStore, options: Partial<RoutePollerOptions> = {}): () => void {
  const { refreshSimMs, checkMs, retryMs, maxRetryMs, fetch: fetchFn } = { ...ROUTE_POLLER_DEFAULTS, fetch: globalThis.fetch.bind(globalThis), ...options };
  let asked = { home: null as [number, number] | null, destination: null as [number, number] | null, simTime: -Infinity };
  let inFlight: AbortController | null = null;
  let failures = 0;
  let retryAt = 0;
  let stopped = false;

  const refresh = async () => {
    const { guide, clock, feed } = store.getState();
    if (stopped || !guide.home || !guide.destination || !clock.sync) return;
    const simTime = simTimeAt(clock.sync, Date.now(), clock.serverOffsetMs);
    const moved = guide.home !== asked.home || guide.destination !== asked.destination;
    const retryDue = failures > 0 && inFlight === null && Date.now() >= retryAt;
    if (!moved && !retryDue && Math.abs(simTime - asked.simTime) < refreshSimMs) return;
    asked = { home: guide.home, destination: guide.destination, simTime };
    inFlight?.abort();
    const mine = (inFlight = new AbortController());
    const room = feed.room ?? 'main';
    const query = `room=${encodeURIComponent(room)}&from=${guide.home.join(',')}&to=${guide.destination.join(',')}`;
    try {
      const { reply, valid } = await fetchRoute(`/api/route?${query}`, mine.signal, fetchFn);
      if (mine !== inFlight || stopped) return;
      inFlight = null;
      failures = valid ? 0 : failures + 1;
      retryAt = Date.now() + Math.min(maxRetryMs, retryMs * 2 ** Math.max(0, failures - 1));
      store.getState().setGuideRoute(reply);
    } catch {
      // Aborted: a newer request or the stop superseded it.
    }
  };

  let heldGuide = store.getState().guide;
  const unsubscribe = store.subscribe((state) => {
    if (state.guide === heldGuide) return;
    heldGuide = state.guide;
    void refresh();
  });
  const timer = setInterval(() => void refresh(), checkMs);
  void refresh();

  return () => {
    stopped = true;
    clearInterval(timer);
    unsubscribe();
    inFlight?.abort();
  };
}
