/**
 * The link to the hub: connects, says hello, keeps the clock and status in the store, reconnects
 * forever — calmly when the hub holds the screen back (a room not open, a kick: link-setback.ts).
 */
import { io } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import type { Surface } from '../protocol/events';
import type { Role } from '../protocol/feed-wire';
import type { ServerEventName } from '../protocol/socket-events';
import type { AppStore } from '../store/app-store';
import type { HubSocket } from './hub-socket';
import { joinSetback, kickSetback } from './link-setback';
import { request } from './request';
import { onServerEvent } from './server-event';

/** A live hub connection. */
export interface HubConnection {
  socket: HubSocket;
  /** Disconnects and removes every listener. */
  close: () => void;
}

/** Pings per offset estimate at (re)connection. */
const OFFSET_PINGS = 5;
/** How often the offset is probed again (ms), after the early probes (ms after the link starts). */
const REPROBE_MS = 60_000;
const EARLY_PROBES_MS = [2_000, 3_000, 5_000, 10_000, 20_000];

/**
 * One NTP-style sample: the server read its clock about halfway through the round trip. Times are
 * taken with performance.now() (monotonic) and turned into wall time through the page's time origin.
 */
export function offsetSample(serverTimeMs: number, sentAt: number, receivedAt: number, timeOrigin: number): { offsetMs: number; roundTripMs: number } {
  return { offsetMs: serverTimeMs - (timeOrigin + (sentAt + receivedAt) / 2), roundTripMs: receivedAt - sentAt };
}

/** Room names are short slugs; anything else falls back to the default hall. */
export function pickRoom(requested: string | null): string {
  return requested && /^[a-z0-9][a-z0-9-]{0,31}$/.test(requested) ? requested : 'main';
}

/**
 * Connects a surface to the hub of the page's own server and joins its hall's room with a token for
 * a privileged role: the planner's, or the operator's on a wall or kiosk (`role` then differs from
 * the surface, and a refused token falls back to the surface's own role so the screen still runs).
 */
export function connectHub(store: AppStore, surface: Surface, room = 'main', token?: string, role: Role = surface): HubConnection {
  const socket: HubSocket = io({
    parser: msgpackParser,
    transports: ['websocket'],
    reconnection: true,
    reconnectionAttempts: Infinity,
    reconnectionDelay: 500,
    reconnectionDelayMax: 4_000,
    timeout: 8_000,
  });
  const state = () => store.getState();
  let closed = false;
  // The one pending reconnection after a pause (a failed welcome, a room not open, a kick).
  let retry: ReturnType<typeof setTimeout> | null = null;
  const reconnectAfter = (ms: number) => {
    if (retry) clearTimeout(retry);
    retry = setTimeout(() => {
      retry = null;
      if (!closed && !socket.connected) socket.connect();
    }, ms);
  };
  let kicks = 0;
  let kicked = false;

  /** A join the server refused: the setback it means (shown, and retried after its pause) is thrown as this. */
  class HeldBack extends Error {
    constructor(readonly retryInMs: number) {
      super('held back by the hub');
    }
  }

  // The offset estimate with the shortest round trip so far: its error is at most half that round trip.
  let best: { offsetMs: number; roundTripMs: number } | null = null;
  const estimateOffset = async (pings = OFFSET_PINGS) => {
    for (let i = 0; i < pings; i++) {
      const sentAt = performance.now();
      const reply = await request(socket, 'time:ping', Date.now(), { timeoutMs: 5_000 });
      if (!reply.ok) return;
      const receivedAt = performance.now();
      const sample = offsetSample(reply.serverTimeMs, sentAt, receivedAt, performance.timeOrigin);
      // A busy page (software rendering) answers late: keep the tightest sample, as NTP does.
      if (!best || sample.roundTripMs <= best.roundTripMs) best = sample;
    }
    if (best) state().setServerOffset(best.offsetMs);
  };
  // More samples soon after connecting tighten the estimate (a page busy drawing its first frames
  // answers late); then clocks drift over an all-day run, so probe again every minute, ageing the best.
  let reprobe: ReturnType<typeof setTimeout> | null = null;
  const scheduleProbe = (step: number) => {
    reprobe = setTimeout(() => {
      if (socket.connected) {
        if (best && step >= EARLY_PROBES_MS.length) best = { ...best, roundTripMs: best.roundTripMs * 1.5 };
        void estimateOffset(3).catch(() => undefined);
      }
      scheduleProbe(step + 1);
    }, EARLY_PROBES_MS[step] ?? REPROBE_MS);
  };
  scheduleProbe(0);

  // Each hall's room owns its clock: join it and take that clock as the truth.
  const joinRoom = async () => {
    let reply = await request(socket, 'feed:join', { room, role, ...(token ? { token } : {}) }, { timeoutMs: 8_000 });
    let refusal: string | null = null;
    if (!reply.ok && role !== surface) {
      refusal = reply.error;
      reply = await request(socket, 'feed:join', { room, role: surface }, { timeoutMs: 8_000 });
    }
    if (!reply.ok) {
      const setback = joinSetback(reply.error, room);
      if (!setback) throw new Error(reply.error);
      state().setSetback(setback);
      throw new HeldBack(setback.retryInMs);
    }
    state().setSetback(null);
    // The reply passed the table's ack schema: its clock, extent and weather are valid as they stand.
    state().setJoinedRole(reply.role, refusal);
    state().resetClockSync(reply.clock);
    state().setClockExtent(reply.extent);
    state().setRoomWeather(reply.weather);
  };

  socket.on('connect', () => {
    request(socket, 'hello', { surface }, { timeoutMs: 8_000 })
      .then(async (reply) => {
        if (!reply.ok) throw new Error(reply.error);
        const { welcome } = reply;
        const previous = state().connection.serverVersion;
        if (previous && previous !== welcome.serverVersion) {
          // A new server build: reload to pick up the matching front end.
          location.reload();
          return;
        }
        state().setServerVersion(welcome.serverVersion);
        best = null; // a new server may run another clock
        await estimateOffset().catch(() => undefined);
        // A restarted server starts its revisions again: the join resets the clock.
        await joinRoom();
        state().setConnectionStatus('connected');
      })
      .catch((error: unknown) => {
        // No welcome or no room: start over after a pause rather than spin against a struggling server.
        socket.disconnect();
        reconnectAfter(error instanceof HeldBack ? error.retryInMs : 2_000);
      });
  });
  socket.on('disconnect', (reason) => {
    state().setConnectionStatus('reconnecting');
    // socket.io does not come back from a server's own disconnect: after a kick, come back after its pause.
    if (kicked) {
      // A kick whose closing frame was lost reads as a lost transport, which socket.io would retry at once: stop it.
      if (reason !== 'io server disconnect') socket.disconnect();
      reconnectAfter(state().connection.setback?.retryInMs ?? 0);
    }
    kicked = false;
  });
  socket.on('connect_error', () => {
    if (state().connection.status === 'connected') state().setConnectionStatus('reconnecting');
  });
  // Each server event is parsed on arrival (server-event.ts); one that does not validate is counted in the store and dropped.
  const dropped = (event: ServerEventName) => state().countInvalidEvent(event);
  onServerEvent(socket, 'clock:sync', (sync) => state().receiveClockSync(sync), dropped);
  onServerEvent(socket, 'room:weather', (weather) => state().setRoomWeather(weather), dropped);
  onServerEvent(socket, 'feed:snapshot', (snapshot) => state().applySnapshot(snapshot, snapshot.trips), dropped);
  onServerEvent(socket, 'feed:delta', (delta) => state().applyDelta(delta), dropped);
  onServerEvent(socket, 'feed:trips', (trips) => state().setTripWindow(trips), dropped);
  // The server says why before it drops a socket that kept over an event's budget.
  onServerEvent(
    socket,
    'hub:kicked',
    (kick) => {
      kicked = true;
      state().setSetback(kickSetback(kick, ++kicks));
    },
    dropped,
  );

  return {
    socket,
    close: () => {
      closed = true;
      if (reprobe) clearTimeout(reprobe);
      if (retry) clearTimeout(retry);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
