import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onBothEngines } from '../../tests/support/both-engines';
import { createLogger } from '../logger';
import { openDatabase, StoreUnavailableError, type Database, type DatabaseLocation, type Queryable } from '../store/database';
import { CityClock } from './city-clock';
import { RoomClocks } from './room-clocks';

const logger = createLogger('silent');
const T0 = Date.parse('2014-06-12T07:00:00Z');

function fakeNow(start: number) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** The same behaviour on both engines. */
function clockContract(name: string, location: () => Promise<DatabaseLocation>) {
  describe(name, () => {
    let where: DatabaseLocation;
    let db: Database;
    beforeAll(async () => {
      where = await location();
      db = await openDatabase(where, logger);
    });
    afterAll(() => db?.close());

    it('saves a command before the clock takes it, and a reopened database resumes the room there', async () => {
      const time = fakeNow(1_000_000);
      const clocks = await RoomClocks.load(db, logger);
      expect(clocks.saved('hall-a')).toBeUndefined();
      const clock = new CityClock({ startSimTimeMs: T0, rate: 1, playing: true, now: time.now });
      const heard: number[] = [];
      clock.onChange((sync) => heard.push(sync.revision));
      const applied = await clocks.command('hall-a', clock, { simTimeMs: T0 + 3_600_000, rate: 60 });
      expect(applied).toMatchObject({ simTimeMs: T0 + 3_600_000, rate: 60, playing: true, revision: 1 });
      expect(heard).toEqual([1]);
      expect(await db.query('select room, sim_time_ms, rate, playing, revision from room_clocks where room = $1', ['hall-a'])).toEqual([
        { room: 'hall-a', sim_time_ms: T0 + 3_600_000, rate: 60, playing: true, revision: 1 },
      ]);
      await db.close();
      db = await openDatabase(where, logger);
      const again = await RoomClocks.load(db, logger);
      expect(again.saved('hall-a')).toEqual({ startSimTimeMs: T0 + 3_600_000, rate: 60, playing: true, revision: 1 });
      // A clock made from the saved row counts on from its revision.
      const resumed = new CityClock(again.saved('hall-a')!);
      expect(resumed.snapshot()).toMatchObject({ rate: 60, revision: 1 });
    });

    it('checkpoints a playing clock about every interval, and leaves a paused one alone', async () => {
      const clocks = await RoomClocks.load(db, logger);
      const playing = new CityClock({ startSimTimeMs: T0, rate: 600, playing: true });
      const paused = new CityClock({ startSimTimeMs: T0, rate: 1, playing: false });
      const stop = clocks.keep(
        () => [
          ['hall-playing', playing],
          ['hall-paused', paused],
        ],
        40,
      );
      try {
        await expect.poll(() => clocks.saved('hall-paused')).toBeDefined();
        const first = clocks.saved('hall-playing')!.startSimTimeMs;
        // Playing at 600×: a later checkpoint has a later instant.
        await expect.poll(() => clocks.saved('hall-playing')!.startSimTimeMs).toBeGreaterThan(first);
        const savedPaused = clocks.stats.saved;
        const pausedRow = await db.query<{ saved_at: string }>('select saved_at from room_clocks where room = $1', ['hall-paused']);
        await expect.poll(() => clocks.stats.saved).toBeGreaterThan(savedPaused + 2);
        // Only the playing room was written since: the paused one's row is as it was.
        expect(await db.query('select saved_at from room_clocks where room = $1', ['hall-paused'])).toEqual(pausedRow);
      } finally {
        stop();
      }
      const row = await db.query<{ sim_time_ms: number }>('select sim_time_ms from room_clocks where room = $1', ['hall-playing']);
      expect(row[0]!.sim_time_ms).toBeGreaterThan(T0);
    });

    it('never lets a late write undo a newer one (a row only moves forward)', async () => {
      const time = fakeNow(5_000_000);
      const clocks = await RoomClocks.load(db, logger);
      const clock = new CityClock({ startSimTimeMs: T0, rate: 1, playing: true, now: time.now });
      await clocks.command('hall-b', clock, { rate: 10 });
      await clocks.command('hall-b', clock, { simTimeMs: T0 + 60_000, playing: false });
      // Another writer still holding the clock as it was at revision 1 (a checkpoint that was slow to land).
      const stale = await RoomClocks.load(db, logger);
      const old = new CityClock({ startSimTimeMs: T0 + 5, rate: 10, playing: true, revision: 1, now: () => time.now() + 60_000 });
      stale.checkpoint('hall-b', old);
      await stale.saveAll([]);
      await expect.poll(() => stale.stats.saved).toBe(1);
      expect(await db.query('select sim_time_ms, rate, playing, revision from room_clocks where room = $1', ['hall-b'])).toEqual([{ sim_time_ms: T0 + 60_000, rate: 10, playing: false, revision: 2 }]);
      // Concurrent commands of one room are saved and applied one after the other, in order.
      const results = await Promise.all([clocks.command('hall-b', clock, { rate: 2 }), clocks.command('hall-b', clock, { rate: 3 }), clocks.command('hall-b', clock, { rate: 4 })]);
      expect(results.map((r) => [r.rate, r.revision])).toEqual([
        [2, 3],
        [3, 4],
        [4, 5],
      ]);
      expect(await db.query('select rate, revision from room_clocks where room = $1', ['hall-b'])).toEqual([{ rate: 4, revision: 5 }]);
    });
  });
}

onBothEngines('room clocks', clockContract);

describe('room clocks on a store that cannot write', () => {
  /** A database whose disk is full: reads work, writes fail as PostgreSQL reports it. */
  const fullDisk: Queryable = {
    query: async (sql) => {
      if (sql.startsWith('select')) return [];
      throw Object.assign(new Error('could not extend file "base/5/16384": No space left on device'), { code: '53100' });
    },
    exec: async () => undefined,
  };

  it('refuses a command with a clear reason and leaves the clock as it was', async () => {
    const clocks = await RoomClocks.load(fullDisk, logger);
    const clock = new CityClock({ startSimTimeMs: T0, rate: 1, playing: false });
    const error = await clocks.command('hall', clock, { rate: 60 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toBe('the database disk is full; nothing was stored');
    expect(clock.snapshot()).toMatchObject({ rate: 1, revision: 0 });
  });

  it('counts a failed checkpoint and keeps going', async () => {
    const clocks = await RoomClocks.load(fullDisk, logger);
    const clock = new CityClock({ startSimTimeMs: T0, rate: 1, playing: true });
    const stop = clocks.keep(() => [['hall', clock]], 20);
    try {
      await expect.poll(() => clocks.stats.failed).toBeGreaterThanOrEqual(2);
    } finally {
      stop();
    }
    clocks.checkpoint('hall', clock);
    await clocks.saveAll([['hall', clock]]);
    expect(clocks.stats.saved).toBe(0);
  });
});
