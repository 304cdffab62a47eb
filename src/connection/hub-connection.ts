/** The link to the hub: connects, says hello, keeps the clock and status in the store, reconnects forever. */
import { io, type Socket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { clockExtentSchema, clockSyncSchema } from '../protocol/clock';
import { entitySchema } from '../protocol/entities';
import type { Surface } from '../protocol/events';
import type { ClientEvents, ServerEvents } from '../protocol/socket-events';
import { reviveTripWindow, type FeedDelta, type FeedSnapshot, type Role, type TripWindow } from '../protocol/feed-wire';
import { roomWeatherSchema } from '../protocol/room-weather';
import type { AppStore } from '../store/app-store';

/** A live hub connection. */
export interface HubConnection {
  socket: Socket<ServerEvents, ClientEvents>;
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

/** A trajectory window from the wire as typed arrays, or null when its parts do not fit together. */
function tripWindowFrom(raw: TripWindow): TripWindow | null {
  try {
    const window = reviveTripWindow(raw);
    const trips = window.ids.length;
    const samples = window.times.length;
    const fits = window.categories.length === trips && window.offsets.length === trips + 1 && window.offsets[trips] === samples && window.positions.length === samples * 2;
    return fits ? window : null;
  } catch {
    return null;
  }
}

/** The entities of a snapshot that pass their schema (a bad one is dropped, not the whole world). */
const validEntities = (entities: unknown[]) =>
  entities.flatMap((e) => {
    const parsed = entitySchema.safeParse(e);
    return parsed.success ? [parsed.data] : [];
  });

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
  const socket: Socket<ServerEvents, ClientEvents> = io({
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

  // The offset estimate with the shortest round trip so far: its error is at most half that round trip.
  let best: { offsetMs: number; roundTripMs: number } | null = null;
  const estimateOffset = async (pings = OFFSET_PINGS) => {
    for (let i = 0; i < pings; i++) {
      const sentAt = performance.now();
      const reply = await socket.timeout(5_000).emitWithAck('time:ping', Date.now());
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
    let reply = await socket.timeout(8_000).emitWithAck('feed:join', { room, role, ...(token ? { token } : {}) });
    let refusal: string | null = null;
    if (!reply.ok && role !== surface) {
      refusal = reply.error;
      reply = await socket.timeout(8_000).emitWithAck('feed:join', { room, role: surface });
    }
    if (!reply.ok) throw new Error(reply.error);
    state().setJoinedRole(reply.role, refusal);
    const clock = clockSyncSchema.safeParse(reply.clock);
    if (clock.success) state().resetClockSync(clock.data);
    const extent = clockExtentSchema.nullable().safeParse(reply.extent);
    state().setClockExtent(extent.success ? extent.data : null);
    takeRoomWeather(reply.weather);
  };
  /** The room's weather day and override, when they pass their schema (a bad one is reported, not taken). */
  const takeRoomWeather = (raw: unknown) => {
    const weather = roomWeatherSchema.safeParse(raw);
    if (weather.success) state().setRoomWeather(weather.data);
    else console.warn(`the room's weather state was not valid: ${weather.error.issues[0]?.message ?? ''}`);
  };

  socket.on('connect', () => {
    socket
      .timeout(8_000)
      .emitWithAck('hello', { surface })
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
      .catch(() => {
        // No welcome: start over after a pause rather than spin against a struggling server.
        socket.disconnect();
        setTimeout(() => !closed && socket.connect(), 2_000);
      });
  });
  socket.on('disconnect', () => state().setConnectionStatus('reconnecting'));
  socket.on('connect_error', () => {
    if (state().connection.status === 'connected') state().setConnectionStatus('reconnecting');
  });
  socket.on('clock:sync', (raw) => {
    const sync = clockSyncSchema.safeParse(raw);
    if (sync.success) state().receiveClockSync(sync.data);
  });
  socket.on('room:weather', takeRoomWeather);
  socket.on('feed:snapshot', (snapshot: FeedSnapshot) => {
    const trips = tripWindowFrom(snapshot.trips);
    if (!Array.isArray(snapshot.entities) || !trips) return;
    state().applySnapshot({ ...snapshot, entities: validEntities(snapshot.entities) }, trips);
  });
  socket.on('feed:delta', (delta: FeedDelta) => {
    if (!Array.isArray(delta.events)) return;
    const events = delta.events.filter((e) => (e.op === 'remove' ? typeof e.id === 'string' : entitySchema.safeParse(e.entity).success));
    state().applyDelta({ ...delta, events });
  });
  socket.on('feed:trips', (raw: TripWindow) => {
    const trips = tripWindowFrom(raw);
    if (trips) state().setTripWindow(trips);
  });

  return {
    socket,
    close: () => {
      closed = true;
      if (reprobe) clearTimeout(reprobe);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
