/**
 * Each room's clock kept in the database (table room_clocks), so a room reopens where its clock was:
 * the instant it had reached, its rate and play state (no time passes while the server is down). A
 * clock command is made durable before it takes effect; a playing clock is checkpointed about every
 * second, and every clock once more when its room empties and when the server stops.
 */
import type { ClockCommand, ClockSync } from '../../src/protocol/clock.js';
import type { Logger } from '../logger.js';
import { asStoreError, type Queryable } from '../store/database.js';
import type { CityClock, CityClockOptions } from './city-clock.js';

/** Where a room's clock was at its last checkpoint: what its clock starts from when the room opens again. */
export type SavedClock = Required<Pick<CityClockOptions, 'startSimTimeMs' | 'rate' | 'playing' | 'revision'>>;

/** What the feed asks of whoever keeps the rooms' clocks. */
export interface RoomClockKeeper {
  /** Where a room's clock was last saved, or undefined for a room never saved. */
  saved(room: string): SavedClock | undefined;
  /** Saves the state `command` gives the clock, then applies it; resolves with it. Rejects (the clock unchanged) when it cannot be saved. */
  command(room: string, clock: CityClock, command: ClockCommand): Promise<ClockSync>;
  /** Saves a room's clock as it is now, in the background; a failure is logged and counted. */
  checkpoint(room: string, clock: CityClock): void;
}

/** A saved row as it was written, to tell whether a clock moved on since. */
interface Written {
  clock: SavedClock;
  serverTimeMs: number;
}

const UPSERT_COLUMNS = 6;

/** The rooms' clocks in the database, with the latest saved state of each in memory. */
export class RoomClocks implements RoomClockKeeper {
  /** Checkpoints written and failed since start (for /metrics). */
  readonly stats = { saved: 0, failed: 0 };
  private readonly written = new Map<string, Written>();
  /** Each room's writes in order, so a command's save and apply are never interleaved with another's. */
  private readonly queues = new Map<string, Promise<unknown>>();
  private periodic: Promise<void> | null = null;

  private constructor(
    private readonly database: Queryable,
    private readonly logger: Logger,
  ) {}

  /** Reads every saved clock once (at start). */
  static async load(database: Queryable, logger: Logger): Promise<RoomClocks> {
    const clocks = new RoomClocks(database, logger);
    const rows = await database.query<{ room: string; sim_time_ms: number; rate: number; playing: boolean; revision: number; server_time_ms: number }>(
      'select room, sim_time_ms, rate, playing, revision, server_time_ms from room_clocks',
    );
    for (const row of rows) {
      clocks.written.set(row.room, { clock: { startSimTimeMs: row.sim_time_ms, rate: row.rate, playing: row.playing, revision: row.revision }, serverTimeMs: row.server_time_ms });
    }
    return clocks;
  }

  saved(room: string): SavedClock | undefined {
    return this.written.get(room)?.clock;
  }

  command(room: string, clock: CityClock, command: ClockCommand): Promise<ClockSync> {
    return this.serially(room, async () => {
      const next = clock.preview(command);
      try {
        await this.write([[room, next]]);
      } catch (error) {
        this.stats.failed++;
        throw asStoreError(error, this.logger, `saving the clock of room '${room}'`);
      }
      // The clock takes the saved instant: the few milliseconds of the write pass without sim time.
      return clock.apply({ simTimeMs: next.simTimeMs, rate: next.rate, playing: next.playing });
    });
  }

  checkpoint(room: string, clock: CityClock): void {
    void this.serially(room, () => this.write([[room, clock.snapshot()]])).catch((error: unknown) => this.failed(error));
  }

  /**
   * Checkpoints every `intervalMs` the rooms whose clock moved since its last save (playing, or changed
   * without a save); one statement for all of them. Returns the stop function.
   */
  keep(rooms: () => Iterable<[string, CityClock]>, intervalMs = 1_000): () => void {
    const timer = setInterval(() => {
      if (this.periodic) return; // the last one is still writing: skip a beat rather than pile up
      const moved = [...rooms()].map(([name, clock]): [string, ClockSync] => [name, clock.snapshot()]).filter(([name, sync]) => this.movedSince(name, sync));
      if (moved.length === 0) return;
      this.periodic = this.write(moved)
        .catch((error: unknown) => this.failed(error))
        .finally(() => (this.periodic = null));
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Saves every given clock as it is now (the server is stopping); resolves once written or failed (logged, counted). */
  async saveAll(rooms: Iterable<[string, CityClock]>): Promise<void> {
    await this.periodic;
    const all = [...rooms].map(([name, clock]): [string, ClockSync] => [name, clock.snapshot()]);
    if (all.length > 0) await this.write(all).catch((error: unknown) => this.failed(error));
  }

  private movedSince(room: string, sync: ClockSync): boolean {
    const last = this.written.get(room);
    if (!last || last.clock.revision !== sync.revision) return true;
    return sync.playing && sync.rate !== 0;
  }

  private failed(error: unknown): void {
    this.stats.failed++;
    this.logger.warn({ err: error }, 'a room clock checkpoint failed; the clock runs on and the next checkpoint tries again');
  }

  private serially<T>(room: string, work: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(room) ?? Promise.resolve()).then(work, work);
    const settled = run.catch(() => undefined);
    this.queues.set(room, settled);
    void settled.then(() => this.queues.get(room) === settled && this.queues.delete(room));
    return run;
  }

  /** Upserts the clocks; a row only moves forward (revision, then server time), so a late write never undoes a newer one. */
  private async write(clocks: [string, ClockSync][]): Promise<void> {
    const values = clocks.map((_, i) => `(${Array.from({ length: UPSERT_COLUMNS }, (_, j) => `$${i * UPSERT_COLUMNS + j + 1}`).join(', ')})`).join(', ');
    const params = clocks.flatMap(([room, sync]) => [room, Math.round(sync.simTimeMs), sync.rate, sync.playing, sync.revision, Math.round(sync.serverTimeMs)]);
    await this.database.query(
      `insert into room_clocks (room, sim_time_ms, rate, playing, revision, server_time_ms) values ${values}
       on conflict (room) do update set sim_time_ms = excluded.sim_time_ms, rate = excluded.rate, playing = excluded.playing,
         revision = excluded.revision, server_time_ms = excluded.server_time_ms, saved_at = now()
       where (room_clocks.revision, room_clocks.server_time_ms) <= (excluded.revision, excluded.server_time_ms)`,
      params,
    );
    this.stats.saved += clocks.length;
    for (const [room, sync] of clocks) {
      const last = this.written.get(room);
      const serverTimeMs = Math.round(sync.serverTimeMs);
      if (last && (last.clock.revision > sync.revision || (last.clock.revision === sync.revision && last.serverTimeMs > serverTimeMs))) continue;
      this.written.set(room, { clock: { startSimTimeMs: Math.round(sync.simTimeMs), rate: sync.rate, playing: sync.playing, revision: sync.revision }, serverTimeMs });
    }
  }
}
