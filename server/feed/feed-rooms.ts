/**
 * The feed's rooms and their lifetime: the configured halls are open from the start and stay;
 * any other room is opened by an operator or a planner, ticks while someone is in it, and is
 * released a short while after it empties (timers stopped, room disposed, the owner's cleanup run),
 * so the cap on rooms bounds how many run at once and can never be used up for good.
 */
import type { ClockSync } from '../../src/protocol/clock.js';
import { noRoomRefusal } from '../../src/protocol/feed-wire.js';
import { CityClock } from '../clock/city-clock.js';
import type { EmitToRoom, FeedHubDeps, RoomEntry, RoomSource } from './feed-hub.js';
import { Room } from './room.js';

/** The default cap on rooms open at once. */
export const DEFAULT_MAX_ROOMS = 32;
/** The default grace (ms) an empty room that is not a hall waits for someone before it is released. */
export const DEFAULT_ROOM_GRACE_MS = 30_000;

/** Opens, ticks and releases the feed's rooms. */
export class FeedRooms<S extends RoomSource = RoomSource> {
  /** The open rooms by name. */
  readonly rooms = new Map<string, RoomEntry<S>>();
  private readonly halls: ReadonlySet<string>;
  private readonly releases = new Map<string, NodeJS.Timeout>();
  private readonly tickMs: number;
  private readonly maxRooms: number;

  constructor(
    private readonly deps: FeedHubDeps<S>,
    private readonly emit: EmitToRoom,
  ) {
    this.tickMs = deps.tickMs ?? 250;
    this.maxRooms = deps.maxRooms ?? DEFAULT_MAX_ROOMS;
    this.halls = new Set(deps.halls ?? ['main']);
    if (this.halls.size > this.maxRooms) throw new Error(`${this.halls.size} halls do not fit under the cap of ${this.maxRooms} rooms`);
    for (const hall of this.halls) this.create(hall);
  }

  /** Whether a room is one of the configured halls (never released). */
  isHall(name: string): boolean {
    return this.halls.has(name);
  }

  /** The room to join: an open one, or a new one when the joiner may open rooms; otherwise the refusal to send. */
  open(name: string, mayCreate: boolean): RoomEntry<S> | string {
    const existing = this.rooms.get(name);
    if (existing) return existing;
    if (!mayCreate) return noRoomRefusal(name, [...this.halls]);
    if (this.rooms.size >= this.maxRooms) return `too many rooms on this server (${this.maxRooms}); an empty room is released after ${Math.round(this.graceMs / 1000)} s`;
    return this.create(name);
  }

  /** Counts a member in; the room ticks while anyone is in it. */
  enter(entry: RoomEntry<S>): void {
    entry.members++;
    const release = this.releases.get(entry.room.options.name);
    if (release) clearTimeout(release);
    this.releases.delete(entry.room.options.name);
    this.startTicking(entry);
  }

  /** Counts a member out; an empty room stops ticking, and one that is not a hall is released after the grace. */
  exit(entry: RoomEntry<S>): void {
    if (--entry.members > 0) return;
    entry.members = 0;
    if (entry.timer) clearInterval(entry.timer);
    entry.timer = null;
    // Its clock keeps its place (saved, for a restart too); whoever comes next gets the world there from the first tick.
    entry.room.resync();
    const name = entry.room.options.name;
    this.deps.clocks?.checkpoint(name, entry.room.clock);
    if (this.halls.has(name) || this.releases.has(name)) return;
    const timer = setTimeout(() => {
      this.releases.delete(name);
      if (this.rooms.get(name) === entry && entry.members === 0) this.release(entry);
    }, this.graceMs);
    timer.unref();
    this.releases.set(name, timer);
  }

  /** Stops every room (the feed is closing); the owner's per-room cleanup is its own to run. */
  stop(): void {
    for (const timer of this.releases.values()) clearTimeout(timer);
    this.releases.clear();
    for (const entry of this.rooms.values()) this.dispose(entry);
    this.rooms.clear();
  }

  private get graceMs(): number {
    return this.deps.roomGraceMs ?? DEFAULT_ROOM_GRACE_MS;
  }

  private create(name: string): RoomEntry<S> {
    const deps = this.deps;
    // Without a factory S is the plain RoomSource.
    const roomSource = deps.roomSource?.(name) ?? ({ source: deps.source } as S);
    const span = roomSource.source.span();
    const clock = new CityClock({
      startSimTimeMs: deps.startMs ?? span?.startMs ?? (deps.now ?? Date.now)(),
      rate: deps.rate ?? 1,
      playing: true,
      // A room saved before resumes where its clock was.
      ...deps.clocks?.saved(name),
      ...(deps.now ? { now: deps.now } : {}),
    });
    const room = new Room(
      { name, source: roomSource.source, clock, origin: deps.origin, loop: true },
      {
        snapshot: (snapshot) => this.emit(name, 'feed:snapshot', snapshot),
        delta: (delta) => this.emit(name, 'feed:delta', delta),
        trips: (window) => this.emit(name, 'feed:trips', window),
        lag: (ms) => deps.metrics.lag(ms),
      },
    );
    room.start();
    const offClock = clock.onChange((sync: ClockSync) => this.emit(name, 'clock:sync', sync));
    const entry: RoomEntry<S> = { room, roomSource, members: 0, timer: null, offClock };
    this.rooms.set(name, entry);
    return entry;
  }

  private release(entry: RoomEntry<S>): void {
    const name = entry.room.options.name;
    this.dispose(entry);
    this.rooms.delete(name);
    this.deps.metrics.roomsReleased++;
    this.deps.logger.info({ room: name }, 'an empty room was released');
    Promise.resolve()
      .then(() => this.deps.onRelease?.(name, entry.roomSource))
      .catch((error: unknown) => this.deps.logger.error({ err: error, room: name }, 'releasing a room failed'));
  }

  private dispose(entry: RoomEntry<S>): void {
    if (entry.timer) clearInterval(entry.timer);
    entry.timer = null;
    entry.offClock();
    entry.room.dispose();
  }

  private startTicking(entry: RoomEntry<S>): void {
    if (entry.timer) return;
    const syncTicks = () => Math.max(1, Math.round((this.deps.clockSyncMs ?? 10_000) / this.tickMs));
    let syncEvery = syncTicks();
    entry.timer = setInterval(() => {
      this.tick(entry);
      if (--syncEvery === 0) {
        syncEvery = syncTicks();
        this.emit(entry.room.options.name, 'clock:sync', entry.room.clock.snapshot());
      }
    }, this.tickMs);
    entry.timer.unref();
  }

  /** Ticks a room at once (after its clock or source changed); a failure is logged as the timer's are. */
  tick(entry: RoomEntry<S>): void {
    entry.room.tick().catch((error: unknown) => this.deps.logger.error({ err: error, room: entry.room.options.name }, 'room tick failed'));
  }
}
