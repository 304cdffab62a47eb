import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../src/protocol/feed.js';
import { readChunk, RecordingError } from './chunk-decode.js';
import { ChunkDecoders } from './chunk-decoders.js';
import { Recording } from './recording-reader.js';
import { RecordingWriter } from './recording-writer.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);
const TRAFFIC = new URL('../../tiles/recordings/shanghai-bund/traffic', import.meta.url).pathname;
const decoders = new ChunkDecoders(1);
// Held for the whole file, so recordings closing in between do not end its worker.
beforeAll(() => decoders.retain());
afterAll(() => decoders.release());

/** Parking updates, removals and trips at random times over a few hours. */
const eventStream = fc
  .array(fc.record({ dt: fc.integer({ min: 0, max: 40 * 60_000 }), kind: fc.constantFrom('upsert', 'remove', 'trip'), id: fc.integer({ min: 0, max: 5 }), value: fc.integer({ min: 0, max: 100 }) }), {
    maxLength: 60,
  })
  .map((steps) => {
    let t = T0;
    return steps.map((s, n): FeedEvent => {
      t += s.dt;
      const id = `urn:ngsi-ld:OffStreetParking:test:${s.id}`;
      if (s.kind === 'upsert') return { op: 'upsert', t, entity: { id, type: 'OffStreetParking', totalSpotNumber: 100, availableSpotNumber: s.value, dateObserved: new Date(t).toISOString() } };
      if (s.kind === 'remove') return { op: 'remove', t, id };
      return { op: 'trip', t, trip: { id: `trip-${n}`, category: 'car', times: [t, t + 60_000], coords: [121.5, 31.2, 121.51, 31.21] } };
    });
  });

async function record(events: FeedEvent[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rec-pool-'));
  const writer = await RecordingWriter.create(dir, { city: 'test-city', source: 'test', chunkMs: HOUR });
  await writer.write(events);
  await writer.close();
  return dir;
}

describe('decoding chunks in workers', () => {
  it('gives exactly the worlds and events of in-thread decoding', async () => {
    await fc.assert(
      fc.asyncProperty(eventStream, fc.array(fc.integer({ min: -HOUR, max: 30 * HOUR }), { minLength: 1, maxLength: 5 }), async (events, offsets) => {
        const dir = await record(events);
        const pooled = await Recording.open(dir, { decoders, inThreadMaxBytes: 0 });
        const inThread = await Recording.open(dir, { decoders: null });
        for (const offset of offsets) {
          expect(await pooled.stateAt(T0 + offset)).toStrictEqual(await inThread.stateAt(T0 + offset));
          expect(await pooled.eventsBetween(T0 + offset, T0 + offset + 3 * HOUR)).toStrictEqual(await inThread.eventsBetween(T0 + offset, T0 + offset + 3 * HOUR));
        }
        await pooled.close();
      }),
      { numRuns: 15 },
    );
  });

  it('decodes a real traffic hour identically', async () => {
    const smallest = (await Recording.open(TRAFFIC, { decoders: null })).index.chunks.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    const path = join(TRAFFIC, smallest.file);
    const decoded = await decoders.decode(path);
    expect(decoded.events).toHaveLength(smallest.events);
    expect(decoded).toStrictEqual(await readChunk(path));
  });

  it('rejects a damaged chunk with the in-thread RecordingError messages', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rec-pool-bad-'));
    await writeFile(join(dir, 'not-gzip.ndjson.gz'), 'not gzip');
    await writeFile(join(dir, 'bad-event.ndjson.gz'), gzipSync('{"keyframe":{"t":0,"entities":[],"trips":[]}}\n{"op":"upsert","t":1}\n'));
    for (const name of ['not-gzip', 'bad-event', 'missing']) {
      const path = join(dir, `${name}.ndjson.gz`);
      const inThread = await readChunk(path).then(
        () => new Error('decoded'),
        (error: unknown) => error as Error,
      );
      const pooled = decoders.decode(path);
      await expect(pooled).rejects.toBeInstanceOf(RecordingError);
      await expect(pooled).rejects.toThrow(inThread.message);
    }
    await expect(decoders.decode(join(dir, 'bad-event.ndjson.gz'))).rejects.toThrow(/line 2: /);
  });

  it('runs workers while a recording that needs them is open, and ends them when the last one closes', async () => {
    const own = new ChunkDecoders(1);
    const dir = await record([
      { op: 'upsert', t: T0, entity: { id: 'urn:ngsi-ld:OffStreetParking:test:1', type: 'OffStreetParking', totalSpotNumber: 1, availableSpotNumber: 1, dateObserved: new Date(T0).toISOString() } },
    ]);
    const small = await Recording.open(dir, { decoders: own });
    expect(own.running).toBe(false); // its one chunk is decoded in-thread
    const a = await Recording.open(dir, { decoders: own, inThreadMaxBytes: 0 });
    const b = await Recording.open(dir, { decoders: own, inThreadMaxBytes: 0 });
    expect(own.running).toBe(true);
    await a.close();
    await a.close();
    expect(own.running).toBe(true);
    expect((await b.stateAt(T0)).entities.size).toBe(1);
    await b.close();
    expect(own.running).toBe(false);
    // A closed recording still answers, in-thread.
    expect((await b.stateAt(T0)).entities.size).toBe(1);
    await small.close();
  });
});
