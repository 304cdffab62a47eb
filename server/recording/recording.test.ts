import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/protocol/entities.js';
import { advanceWorld, emptyWorld, type FeedEvent } from '../../src/protocol/feed.js';
import { Recording, RecordingError } from './recording-reader.js';
import { RecordingWriter } from './recording-writer.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);

const parking = (id: number, available: number, t: number): Entity => ({
  id: `urn:ngsi-ld:OffStreetParking:test:${id}`,
  type: 'OffStreetParking',
  totalSpotNumber: 100,
  availableSpotNumber: available,
  dateObserved: new Date(t).toISOString(),
});

/** A random but valid event stream: parking updates and removals, and trips of a few minutes. */
const eventStream = fc
  .array(
    fc.record({
      dt: fc.integer({ min: 0, max: 40 * 60_000 }),
      kind: fc.constantFrom('upsert', 'remove', 'trip'),
      id: fc.integer({ min: 0, max: 5 }),
      value: fc.integer({ min: 0, max: 100 }),
      duration: fc.integer({ min: 1_000, max: 2 * HOUR }),
    }),
    { maxLength: 80 },
  )
  .map((steps) => {
    let t = T0;
    return steps.map((s, n): FeedEvent => {
      t += s.dt;
      if (s.kind === 'upsert') return { op: 'upsert', t, entity: parking(s.id, s.value, t) };
      if (s.kind === 'remove') return { op: 'remove', t, id: `urn:ngsi-ld:OffStreetParking:test:${s.id}` };
      return { op: 'trip', t, trip: { id: `trip-${n}`, category: 'car', times: [t, t + s.duration], coords: [121.5, 31.2, 121.51, 31.21] } };
    });
  });

async function record(events: FeedEvent[], chunkMs = HOUR): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rec-'));
  const writer = await RecordingWriter.create(dir, { city: 'test-city', source: 'test', chunkMs });
  await writer.write(events);
  await writer.close();
  return dir;
}

/** JSON with keys in sorted order, so two worlds compare by content, not by key order. */
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : value;
const serialise = (world: { t: number; entities: Map<string, unknown>; trips: Map<string, unknown> }): string =>
  JSON.stringify(canonical({ t: world.t, entities: [...world.entities].sort(), trips: [...world.trips].sort() }));

describe('recordings', () => {
  it('seek gives the same world as a brute-force replay of every event up to that instant', async () => {
    await fc.assert(
      fc.asyncProperty(eventStream, fc.array(fc.integer({ min: -HOUR, max: 40 * HOUR }), { minLength: 1, maxLength: 8 }), async (events, seeks) => {
        const recording = await Recording.open(await record(events));
        for (const offset of seeks) {
          const t = T0 + offset;
          const expected = advanceWorld(
            emptyWorld(t),
            events.filter((e) => e.t <= t),
            t,
          );
          expect(serialise(await recording.stateAt(t))).toBe(serialise(expected));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('returns exactly the events in (t0, t1], across chunk boundaries', async () => {
    const events: FeedEvent[] = Array.from({ length: 50 }, (_, i) => ({ op: 'upsert', t: T0 + i * 10 * 60_000, entity: parking(i % 3, i, T0 + i * 10 * 60_000) }));
    const recording = await Recording.open(await record(events));
    expect(recording.index.chunks.length).toBe(9);
    const between = await recording.eventsBetween(T0 + 55 * 60_000, T0 + 185 * 60_000);
    expect(between.map((e) => e.t)).toEqual(events.filter((e) => e.t > T0 + 55 * 60_000 && e.t <= T0 + 185 * 60_000).map((e) => e.t));
  });

  it('is deterministic: the same events give byte-identical chunks and the same snapshot after a seek', async () => {
    const events: FeedEvent[] = Array.from({ length: 30 }, (_, i) => ({ op: 'upsert', t: T0 + i * 7 * 60_000, entity: parking(i % 4, i, T0) }));
    const a = await record(events);
    const b = await record(events);
    const indexA = JSON.parse(await readFile(join(a, 'recording.json'), 'utf8')) as { chunks: { file: string }[] };
    for (const chunk of indexA.chunks) expect((await readFile(join(a, chunk.file))).equals(await readFile(join(b, chunk.file)))).toBe(true);
    const t = T0 + 111 * 60_000;
    expect(serialise(await (await Recording.open(a)).stateAt(t))).toBe(serialise(await (await Recording.open(b)).stateAt(t)));
  });

  it('is append-only: reopening adds chunks after the end and refuses earlier events', async () => {
    const dir = await record([{ op: 'upsert', t: T0, entity: parking(1, 5, T0) }]);
    const writer = await RecordingWriter.append(dir);
    await expect(writer.write([{ op: 'upsert', t: T0 + 1000, entity: parking(1, 6, T0) }])).rejects.toThrow(/append-only/);
    const later = await RecordingWriter.append(dir);
    await later.write([{ op: 'upsert', t: T0 + 2 * HOUR, entity: parking(2, 7, T0) }]);
    await later.close();
    const recording = await Recording.open(dir);
    expect(recording.index.chunks).toHaveLength(2);
    expect([...(await recording.stateAt(T0 + 3 * HOUR)).entities.keys()]).toHaveLength(2);
  });

  it('rejects a missing, corrupt or foreign index, and a damaged chunk, with a clear error', async () => {
    await expect(Recording.open(join(tmpdir(), 'no-such-recording'))).rejects.toThrow(RecordingError);
    const dir = await record([{ op: 'upsert', t: T0, entity: parking(1, 5, T0) }]);
    await writeFile(join(dir, 'chunks', '000000.ndjson.gz'), 'not gzip');
    await expect((await Recording.open(dir)).stateAt(T0)).rejects.toThrow(/cannot read chunk/);
    await writeFile(join(dir, 'recording.json'), '{"format":"something-else"}');
    await expect(Recording.open(dir)).rejects.toThrow(/not a recording index/);
  });
});
