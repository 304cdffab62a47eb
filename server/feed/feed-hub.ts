/**
 * The feed on the socket.io server: clients join a room with a role (walls and kiosks the open
 * ones, staff may open more: feed-rooms.ts); rooms tick their clock over the source and broadcast
 * snapshots, deltas and trajectory windows; privileged roles steer the clock; kiosks send visitor
 * actions. Every message is within its budget (on-event.ts); every rejected one gets an error reply.
 */
import { timingSafeEqual } from 'node:crypto';
import type { ClockSync } from '../../src/protocol/clock.js';
import { PRIVILEGED_ROLES, type FeedSnapshot, type Role } from '../../src/protocol/feed-wire.js';
import type { WeatherOverride } from '../../src/protocol/planner-wire.js';
import type { RoomWeather } from '../../src/protocol/room-weather.js';
import type { ServerEventName, ServerPayload } from '../../src/protocol/socket-events.js';
import type { RoomClockKeeper } from '../clock/room-clocks.js';
import type { HubServer } from '../hub/hub.js';
import { onEvent, refuseMessage, refuseUnknownEvents, type EventGuard, type HubSocket } from '../hub/on-event.js';
import type { Logger } from '../logger.js';
import { unavailableReason } from '../store/database.js';
import type { FeedSource } from '../sources/feed-source.js';
import { FeedRooms } from './feed-rooms.js';
import type { FeedMetrics } from './metrics.js';
import type { Room } from './room.js';

/** What the feed needs; `S` is the rooms' source, with whatever the composition root adds to it. */
export interface FeedHubDeps<S extends RoomSource = RoomSource> {
  logger: Logger;
  metrics: FeedMetrics;
  source: FeedSource;
  /** A source of a room's own (e.g. with its own weather day); default: `source` for every room. */
  roomSource?: (room: string) => S;
  /** The city's centre, origin of trajectory offsets. */
  origin: [number, number];
  /** Tokens of the privileged roles. */
  tokens: { operator: string; planner: string };
  /** Where a new room's clock starts (default: the source's start, or now for live) and its rate. */
  startMs?: number;
  rate?: number;
  /** Keeps each room's clock across restarts (clock/room-clocks.ts); default: every room opens at `startMs`. */
  clocks?: RoomClockKeeper;
  /** Rooms open from the start that are never released (default: main); walls and kiosks join only these and the rooms staff opened. */
  halls?: readonly string[];
  /** How many rooms may be open at once (default 32). */
  maxRooms?: number;
  /** How long (ms) an empty room that is not a hall waits before it is released (default 30 s). */
  roomGraceMs?: number;
  /** The composition root's cleanup of a released room's source (e.g. the planner's open recordings). */
  onRelease?: (name: string, roomSource: S) => void | Promise<void>;
  tickMs?: number;
  clockSyncMs?: number;
  now?: () => number;
}

/** A room's view of the city, and what a privileged role may change about it. */
export interface RoomSource {
  source: FeedSource;
  /** The room's weather alone, as `source` has it (the outlook reads it); default: `source`. */
  weather?: FeedSource;
  /** Lays the weather of a given local date (YYYY-MM-DD) under the room's day; null returns to the replayed day. Returns an error text or null. */
  setWeatherDay?: (date: string | null) => string | null;
  weatherDay?: () => string | null;
  /** The weather override laid over the room's weather, if any (the planner's). */
  weatherOverride?: () => WeatherOverride | null;
}

/** What the room's weather is made of beyond its recording, as the wire carries it. */
export function roomWeatherOf(roomSource: RoomSource): RoomWeather {
  return { day: roomSource.weatherDay?.() ?? null, override: roomSource.weatherOverride?.() ?? null };
}

/** A room the feed runs, with its source. */
export interface RoomEntry<S extends RoomSource = RoomSource> {
  room: Room;
  roomSource: S;
  members: number;
  /** The tick timer, while anyone is in the room. */
  timer: NodeJS.Timeout | null;
  offClock: () => void;
}

/** Sends an event to everyone in a room. */
export type EmitToRoom = <E extends ServerEventName>(name: string, event: E, payload: ServerPayload<E>) => void;

/** The running feed: its rooms, and what the composition root hands on to the planner. */
export interface FeedHub<S extends RoomSource = RoomSource> {
  rooms: Map<string, RoomEntry<S>>;
  emitToRoom: EmitToRoom;
  /** Sends an open room its world afresh after its source changed under the clock. */
  resync: (name: string) => void;
  stop: () => void;
}

function tokenMatches(given: string | undefined, expected: string): boolean {
  if (!given || expected.length === 0) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Attaches the feed to the hub's socket.io server (and to sockets already connected); returns the rooms and a stop function. */
export function attachFeed<S extends RoomSource = RoomSource>(io: HubServer, deps: FeedHubDeps<S>): FeedHub<S> {
  const channel = (name: string): string => `room:${name}`;
  const guard: EventGuard = { logger: deps.logger, rejected: () => deps.metrics.rejected.add(), received: () => deps.metrics.messagesIn.add() };

  const emitToRoom: EmitToRoom = (name, event, payload) => {
    const size = io.sockets.adapter.rooms.get(channel(name))?.size ?? 0;
    deps.metrics.messagesOut.add(size);
    // socket.io cannot pair a generic event with its payload; the signature above does.
    (io.to(channel(name)) as unknown as { emit(event: string, payload: unknown): void }).emit(event, payload);
  };
  const feedRooms = new FeedRooms(deps, emitToRoom);
  const rooms = feedRooms.rooms;

  const leave = (socket: HubSocket): void => {
    const data = socket.data;
    if (!data.room) return;
    const entry = rooms.get(data.room);
    void socket.leave(channel(data.room));
    deps.metrics.client(data.role ?? 'unjoined', -1);
    if (entry) feedRooms.exit(entry);
    data.room = undefined;
    data.role = undefined;
  };

  const joinReply = (entry: RoomEntry<S>, role: Role) => {
    // The extent lets the operator's seek bar span the replayed day (live only: none).
    const span = entry.roomSource.source.span();
    const { name: room } = entry.room.options;
    return { ok: true as const, room, role, clock: entry.room.clock.snapshot(), extent: span && { startMs: span.startMs, endMs: span.endMs }, weather: roomWeatherOf(entry.roomSource) };
  };

  /** The world as the room last sent it, shared by everyone joining at that instant; null when the room's next tick sends everyone one. */
  const joinSnapshot = async (room: Room): Promise<FeedSnapshot | null> => {
    // A tick or a live event while it was read makes it stale: read the newer one (the room's deltas go on from where it stands).
    for (let tries = 0; ; tries++) {
      const pending = room.joinSnapshot();
      if (!pending) return null;
      const snapshot = await pending;
      if (room.joinSnapshot() === pending || tries === 2) return snapshot;
    }
  };

  const onConnection = (socket: HubSocket): void => {
    const data = socket.data;
    refuseUnknownEvents(socket, guard);

    onEvent(socket, guard, 'feed:join', async ({ room: name, role, token }, { ack, refuse }) => {
      const privileged = PRIVILEGED_ROLES.includes(role);
      if (privileged && !tokenMatches(token, deps.tokens[role as 'operator' | 'planner'])) return refuse(`the ${role} role needs a valid token`);
      const current = data.room === name ? rooms.get(name) : undefined;
      if (current) {
        // Already in the room: its ticks keep this socket current, so no second snapshot (a new clock revision brings everyone one).
        if (data.role !== role) {
          deps.metrics.client(data.role ?? 'unjoined', -1);
          deps.metrics.client(role, 1);
          data.role = role;
        }
        return ack(joinReply(current, role));
      }
      // Walls and kiosks join the halls and the rooms staff opened; only the operator and planner open new ones.
      const entry = feedRooms.open(name, privileged);
      if (typeof entry === 'string') return refuse(entry);
      leave(socket);
      feedRooms.enter(entry);
      data.room = name;
      data.role = role;
      deps.metrics.client(role, 1);
      ack(joinReply(entry, role));
      try {
        const snapshot = await joinSnapshot(entry.room);
        if (data.room !== name || socket.disconnected) return;
        // Into the room's channel and the snapshot out in one go, so no delta after its instant can slip in between.
        void socket.join(channel(name));
        if (!snapshot) return;
        socket.emit('feed:snapshot', snapshot);
        deps.metrics.messagesOut.add();
      } catch (error) {
        deps.logger.error({ err: error, room: name }, 'snapshot failed');
        refuseMessage(socket, guard, 'feed:join', 'the room could not be read; try again');
      }
    });

    onEvent(socket, guard, 'clock:command', async (command, { ack, refuse, joined }) => {
      const entry = rooms.get(joined.room)!;
      let clock: ClockSync;
      try {
        // Acknowledged only once durable: the keeper saves the new state before the clock takes it.
        clock = deps.clocks ? await deps.clocks.command(joined.room, entry.room.clock, command) : entry.room.clock.apply(command);
      } catch (error) {
        return refuse(`the clock was not changed: ${unavailableReason(error) ?? 'it could not be saved; try again'}`);
      }
      ack({ ok: true, clock });
      feedRooms.tick(entry);
    });

    onEvent(socket, guard, 'room:weather-day', ({ date }, { ack, refuse, joined }) => {
      const entry = rooms.get(joined.room)!;
      if (!entry.roomSource.setWeatherDay) return refuse('this server has no weather series');
      const error = entry.roomSource.setWeatherDay(date);
      if (error) return refuse(error);
      entry.room.resync();
      emitToRoom(joined.room, 'room:weather', roomWeatherOf(entry.roomSource));
      ack({ ok: true, date });
      feedRooms.tick(entry);
    });

    // The budget of visitor:action (the table's) keeps a kiosk's taps to what a wall can show.
    onEvent(socket, guard, 'visitor:action', (action, { ack, joined }) => {
      ack({ ok: true });
      emitToRoom(joined.room, 'visitor:action', { ...action, from: joined.role });
    });

    socket.on('disconnect', () => leave(socket));
  };
  io.on('connection', onConnection);
  // A socket that connected while the city was opening gets the feed now, not after a reconnect.
  for (const socket of io.sockets.sockets.values()) onConnection(socket);

  return {
    rooms,
    emitToRoom,
    resync: (name) => {
      const entry = rooms.get(name);
      if (!entry) return;
      entry.room.resync();
      feedRooms.tick(entry);
    },
    stop: () => feedRooms.stop(),
  };
}
