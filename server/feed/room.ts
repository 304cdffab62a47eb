/**
 * A room (one exhibition hall): its own clock over a feed source. Every tick it sends the room the
 * entity events since the last tick (a delta), a fresh snapshot after a jump of the clock, and a
 * trajectory window ahead of the clock before the current one runs out.
 */
import type { ClockSync } from '../../src/protocol/clock.js';
import type { FeedEvent, RouteTrip, SampledTrip, Trip, WorldState } from '../../src/protocol/feed.js';
import { encodeTripWindow, type FeedDelta, type FeedSnapshot, type TripWindow } from '../../src/protocol/feed-wire.js';
import type { CityClock } from '../clock/city-clock.js';
import type { FeedSource } from '../sources/feed-source.js';

/** What a room sends; the hub turns it into socket.io emits to the room. */
export interface RoomOutput {
  snapshot(snapshot: FeedSnapshot): void;
  delta(delta: FeedDelta): void;
  trips(window: TripWindow): void;
  /** Sim-time lag of the events just sent, in real ms: how late they left after their instant. */
  lag(ms: number): void;
}

/** Options of a room. */
export interface RoomOptions {
  name: string;
  source: FeedSource;
  clock: CityClock;
  /** The city's centre, origin of trajectory offsets. */
  origin: [number, number];
  /** Real seconds of motion each trajectory window covers (more at higher rates, up to maxWindowMs). */
  windowRealSeconds?: number;
  minWindowMs?: number;
  maxWindowMs?: number;
  /** Whether a replay starts again at its end. */
  loop?: boolean;
}

/** A room: clock + source + what has been sent. */
export class Room {
  private sentT: number | null = null;
  private sentRevision = -1;
  private window: { t0: number; t1: number } | null = null;
  private busy: Promise<void> | null = null;
  private offLive: (() => void) | null = null;
  /** Bumped whenever the world at the sent instant changes without a tick (a live event, a resync). */
  private generation = 0;
  /** The snapshot at the sent instant, read once and shared by every client joining then. */
  private shared: { key: string; snapshot: Promise<FeedSnapshot> } | null = null;

  constructor(
    readonly options: RoomOptions,
    private readonly output: RoomOutput,
  ) {}

  /** Starts passing live events to the room as they arrive. */
  start(): void {
    this.offLive ??=
      this.options.source.onEvents?.((events) => {
        const entityEvents = events.filter((e): e is Exclude<FeedEvent, { op: 'trip' }> => e.op !== 'trip');
        const t = this.sentT ?? this.clock.snapshot().simTimeMs;
        this.generation++;
        if (entityEvents.length > 0) this.output.delta({ room: this.options.name, from: t, to: t, events: entityEvents });
        if (entityEvents.length < events.length) this.window = null; // a live trip: send a fresh window next tick
      }) ?? null;
  }

  /** Stops what start() began. */
  dispose(): void {
    this.offLive?.();
    this.offLive = null;
  }

  /** The room's clock. */
  get clock(): CityClock {
    return this.options.clock;
  }

  /** The room's sim time now, kept inside the source's span. */
  private now(): { t: number; sync: ClockSync } {
    const sync = this.clock.snapshot();
    const span = this.options.source.span();
    if (span && (sync.simTimeMs >= span.endMs || sync.simTimeMs < span.startMs)) {
      const wrapped =
        this.options.loop === false
          ? Math.min(Math.max(sync.simTimeMs, span.startMs), span.endMs - 1)
          : sync.simTimeMs >= span.endMs
            ? sync.rate >= 0
              ? span.startMs
              : span.endMs - 1
            : sync.rate < 0
              ? span.endMs - 1
              : span.startMs;
      const next = this.clock.apply({ simTimeMs: wrapped, ...(this.options.loop === false ? { playing: false } : {}) });
      return { t: next.simTimeMs, sync: next };
    }
    return { t: sync.simTimeMs, sync };
  }

  /** The whole world at the room's instant, with the current trajectory window (for a joining client). */
  async snapshot(): Promise<FeedSnapshot> {
    const { t, sync } = this.now();
    const world = await this.options.source.stateAt(t);
    return { room: this.options.name, t, entities: sortedEntities(world), trips: await this.tripWindow(t, sync) };
  }

  /**
   * The world at the instant the room last sent, for a client joining now: the room's deltas go on
   * from there. Read once per instant and shared by every client joining at it (the same promise
   * until the next tick, live event or resync); null when the room sends everyone the whole world
   * at its next tick anyway (it has not sent yet, or its clock was set since).
   */
  joinSnapshot(): Promise<FeedSnapshot> | null {
    const sentT = this.sentT;
    const sync = this.clock.snapshot();
    if (sentT === null || sync.revision !== this.sentRevision) return null;
    const key = `${this.sentRevision}:${sentT}:${this.generation}`;
    if (this.shared?.key === key) return this.shared.snapshot;
    const span = this.window ?? this.windowSpan(sentT, sync);
    const snapshot = (async (): Promise<FeedSnapshot> => {
      const world = await this.options.source.stateAt(sentT);
      return { room: this.options.name, t: sentT, entities: sortedEntities(world), trips: await this.tripWindowOver(span) };
    })();
    const shared = { key, snapshot };
    this.shared = shared;
    // A failed read is not kept for the next joiner.
    snapshot.catch(() => this.shared === shared && (this.shared = null));
    return snapshot;
  }

  /** Makes the next tick send the whole world again (after the room's view of the city changed). */
  resync(): void {
    this.sentRevision = -1;
    this.window = null;
    this.generation++;
    this.shared = null;
  }

  /** Advances the room to its clock's instant; never runs twice at once. */
  tick(): Promise<void> {
    this.busy ??= this.advance().finally(() => (this.busy = null));
    return this.busy;
  }

  private async advance(): Promise<void> {
    const { t, sync } = this.now();
    const source = this.options.source;
    if (this.sentT === null || sync.revision !== this.sentRevision) {
      // First tick, or the clock was set: everyone gets the whole world at the new instant.
      const world = await source.stateAt(t);
      const trips = await this.tripWindow(t, sync);
      const snapshot: FeedSnapshot = { room: this.options.name, t, entities: sortedEntities(world), trips };
      this.output.snapshot(snapshot);
      this.sentT = t;
      this.sentRevision = sync.revision;
      // What everyone just got is what a client joining before the next tick gets.
      this.shared = { key: `${this.sentRevision}:${t}:${this.generation}`, snapshot: Promise.resolve(snapshot) };
      return;
    }
    if (t !== this.sentT) {
      const events = t > this.sentT ? await source.eventsBetween(this.sentT, t) : await this.reverseEvents(this.sentT, t);
      const entityEvents = events.filter((e): e is Exclude<FeedEvent, { op: 'trip' }> => e.op !== 'trip');
      if (entityEvents.length > 0) {
        this.output.delta({ room: this.options.name, from: this.sentT, to: t, events: entityEvents });
        if (sync.rate !== 0 && t > this.sentT) this.output.lag((t - entityEvents[0]!.t) / Math.abs(sync.rate));
      }
      this.sentT = t;
    }
    if (this.needsWindow(t, sync)) this.output.trips(await this.tripWindow(t, sync));
  }

  /** Playing backwards: the events that turn the world at `from` into the world at `to` (< from). */
  private async reverseEvents(from: number, to: number): Promise<FeedEvent[]> {
    const [before, after] = await Promise.all([this.options.source.stateAt(to), this.options.source.stateAt(from)]);
    const events: FeedEvent[] = [];
    for (const [id, entity] of before.entities) if (after.entities.get(id) !== entity) events.push({ op: 'upsert', t: to, entity });
    for (const id of after.entities.keys()) if (!before.entities.has(id)) events.push({ op: 'remove', t: to, id });
    return events;
  }

  private windowSpan(t: number, sync: ClockSync): { t0: number; t1: number } {
    const { windowRealSeconds = 20, minWindowMs = 60_000, maxWindowMs = 15 * 60_000 } = this.options;
    const length = Math.min(maxWindowMs, Math.max(minWindowMs, Math.abs(sync.rate) * windowRealSeconds * 1000));
    const margin = Math.min(length / 4, 30_000);
    return sync.rate >= 0 ? { t0: t - margin, t1: t + length } : { t0: t - length, t1: t + margin };
  }

  private needsWindow(t: number, sync: ClockSync): boolean {
    if (!this.window) return true;
    const { t0, t1 } = this.window;
    const half = (t1 - t0) / 2;
    return sync.rate >= 0 ? t > t1 - half || t < t0 : t < t0 + half || t > t1;
  }

  /** A fresh trajectory window for the room's instant, which the room then counts as sent. */
  private async tripWindow(t: number, sync: ClockSync): Promise<TripWindow> {
    const span = this.windowSpan(t, sync);
    this.window = span;
    return this.tripWindowOver(span);
  }

  /** Every trip under way at some instant of the span: those running at its start, and those starting in it. */
  private async tripWindowOver(span: { t0: number; t1: number }): Promise<TripWindow> {
    const source = this.options.source;
    const trips = new Map<string, Trip>((await source.stateAt(span.t0)).trips);
    for (const event of await source.eventsBetween(span.t0, span.t1)) if (event.op === 'trip') trips.set(event.trip.id, event.trip);
    // Route trips go as routes (edges + entry times) that each client places on the pack's graph: 2.7× fewer bytes than samples (bench:feed).
    const sampled: SampledTrip[] = [];
    const routes: RouteTrip[] = [];
    for (const trip of [...trips.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if ('times' in trip) sampled.push(trip);
      else routes.push(trip);
    }
    return encodeTripWindow(sampled, span.t0, span.t1, this.options.origin, routes);
  }
}

function sortedEntities(world: WorldState) {
  return [...world.entities.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}
