/**
 * A source with a window cut out and filled from another source: inside [startMs, endMs) the
 * entities it replaces (and, if asked, the trips) come from the override, everywhere else from the
 * base. At each window edge it emits the switch as ordinary events, so a room replaying across the
 * edge ends in exactly the world stateAt gives. Used for the planner's baseline ⇄ scenario flip
 * (flows and vehicles from a what-if's recording) and for weather overrides.
 */
import type { FeedEvent, Trip, WorldState } from '../../src/protocol/feed.js';
import type { FeedSource } from '../sources/feed-source.js';

/** What a window override takes from its override source. */
export interface WindowOverrideOptions {
  /** Entity ids whose state comes from the override inside the window. */
  replaces: (id: string) => boolean;
  /** Whether trips (vehicles) come from the override inside the window too. */
  trips: boolean;
}

/** The override in force: a source and the window it fills. */
export interface WindowOverride {
  source: FeedSource;
  startMs: number;
  endMs: number;
}

/** The base source, with a window filled from an override source; the override can change at any time. */
export class WindowOverrideSource implements FeedSource {
  readonly kind: 'replay' | 'live';
  private current: WindowOverride | null = null;

  constructor(
    private readonly base: FeedSource,
    private readonly options: WindowOverrideOptions,
  ) {
    this.kind = base.kind;
  }

  /** The override in force, or null. */
  get override(): WindowOverride | null {
    return this.current;
  }

  /** Sets (or clears) the override; the caller resyncs rooms that read this source. */
  setOverride(override: WindowOverride | null): void {
    if (override && !(override.endMs > override.startMs)) throw new Error('an override window must end after it starts');
    this.current = override;
  }

  /** Whether sim time t lies in the window. */
  inside(t: number): boolean {
    return this.current !== null && t >= this.current.startMs && t < this.current.endMs;
  }

  span(): { startMs: number; endMs: number } | null {
    return this.base.span();
  }

  async stateAt(t: number): Promise<WorldState> {
    const override = this.current;
    if (!override || !this.inside(t)) return this.base.stateAt(t);
    const [base, other] = await Promise.all([this.base.stateAt(t), override.source.stateAt(t)]);
    return this.merge(base, other, t);
  }

  private merge(base: WorldState, other: WorldState, t: number): WorldState {
    const { replaces } = this.options;
    const world: WorldState = { t, entities: new Map(), trips: this.options.trips ? new Map(other.trips) : new Map(base.trips) };
    for (const [id, entity] of base.entities) if (!replaces(id)) world.entities.set(id, entity);
    for (const [id, entity] of other.entities) if (replaces(id)) world.entities.set(id, entity);
    return world;
  }

  async eventsBetween(t0: number, t1: number): Promise<FeedEvent[]> {
    const override = this.current;
    if (!override) return this.base.eventsBetween(t0, t1);
    // The window's edges that fall in (t0, t1] split the span; each piece reads its own side.
    const edges = [override.startMs, override.endMs].filter((p) => p > t0 && p <= t1);
    const events: FeedEvent[] = [];
    let from = t0;
    for (const edge of edges) {
      // The side left keeps its own events up to and at the edge; then the switch.
      events.push(...(await this.sideEvents(this.inside(from), from, edge)), ...(await this.switchAt(edge)));
      from = edge;
    }
    if (t1 > from) events.push(...(await this.sideEvents(this.inside(from), from, t1)));
    return events;
  }

  /** Events of one side over (from, to]: the base's, with the replaced ones taken from the override inside. */
  private async sideEvents(inside: boolean, from: number, to: number): Promise<FeedEvent[]> {
    if (!inside) return this.base.eventsBetween(from, to);
    const { replaces, trips } = this.options;
    const [base, other] = await Promise.all([this.base.eventsBetween(from, to), this.current!.source.eventsBetween(from, to)]);
    const taken = (event: FeedEvent, fromOverride: boolean): boolean => {
      if (event.op === 'trip') return trips === fromOverride;
      return replaces(event.op === 'upsert' ? event.entity.id : event.id) === fromOverride;
    };
    return [...base.filter((e) => taken(e, false)), ...other.filter((e) => taken(e, true))].sort((a, b) => a.t - b.t);
  }

  /** The events that turn the world of the side just left into the world of the side entered, at the edge t. */
  private async switchAt(t: number): Promise<FeedEvent[]> {
    const override = this.current!;
    const entering = t === override.startMs;
    const [base, other] = await Promise.all([this.base.stateAt(t), override.source.stateAt(t)]);
    const before = entering ? base : this.merge(base, other, t);
    const after = entering ? this.merge(base, other, t) : base;
    const events: FeedEvent[] = [];
    for (const id of before.entities.keys()) if (!after.entities.has(id)) events.push({ op: 'remove', t, id });
    for (const [id, entity] of after.entities) if (before.entities.get(id) !== entity) events.push({ op: 'upsert', t, entity });
    // Trips under way on the side entered start (again) at the edge; those of the side left run out.
    if (this.options.trips) for (const trip of after.trips.values() as Iterable<Trip>) events.push({ op: 'trip', t, trip });
    return events;
  }

  onEvents(listener: (events: FeedEvent[]) => void): () => void {
    const subscribe = this.base.onEvents?.bind(this.base);
    if (!subscribe) return () => {};
    // Live input the override replaces does not reach rooms inside the window.
    return subscribe((events) => {
      const kept = events.filter((e) => !(this.inside(e.t) && e.op !== 'trip' && this.options.replaces(e.op === 'upsert' ? e.entity.id : e.id)));
      if (kept.length > 0) listener(kept);
    });
  }

  async close(): Promise<void> {
    await this.base.close();
  }
}
