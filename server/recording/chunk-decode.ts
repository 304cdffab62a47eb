/**
 * One recording chunk, file → validated world and events: gunzip, NDJSON split, JSON.parse and zod
 * validation of every line. Pure and synchronous, so it runs the same in a decoding worker
 * (chunk-worker.ts) and in-thread (the benchmark's baseline).
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { feedEventSchema, type FeedEvent, type WorldState } from '../../src/protocol/feed.js';
import { keyframeSchema } from './recording-format.js';

/** A decoded chunk: the world at its start and its events. */
export interface DecodedChunk {
  start: WorldState;
  events: FeedEvent[];
}

/** Thrown for a recording that is missing, unreadable or not in the format. */
export class RecordingError extends Error {
  override readonly name = 'RecordingError';
}

/** Reads and decodes the chunk file at `path`; throws RecordingError naming the file (and line). */
export async function readChunk(path: string): Promise<DecodedChunk> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new RecordingError(`cannot read chunk '${path}': ${(error as Error).message}`);
  }
  return decodeChunk(bytes, path);
}

/** Decodes a chunk's gzip bytes; `path` only names it in errors. */
export function decodeChunk(bytes: Uint8Array, path: string): DecodedChunk {
  let text: string;
  try {
    text = gunzipSync(bytes).toString('utf8');
  } catch (error) {
    throw new RecordingError(`cannot read chunk '${path}': ${(error as Error).message}`);
  }
  const lines = text.split('\n').filter((line) => line.length > 0);
  const parseLine = (line: string, n: number): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      throw new RecordingError(`'${path}' line ${n + 1} is not JSON`);
    }
  };
  const keyframe = keyframeSchema.safeParse(parseLine(lines[0] ?? '', 0));
  if (!keyframe.success) throw new RecordingError(`'${path}' does not start with a keyframe`);
  const events = lines.slice(1).map((line, n) => {
    const event = feedEventSchema.safeParse(parseLine(line, n + 1));
    if (!event.success) throw new RecordingError(`'${path}' line ${n + 2}: ${event.error.issues[0]?.message ?? 'invalid event'}`);
    return event.data;
  });
  const k = keyframe.data.keyframe;
  return {
    start: { t: k.t, entities: new Map(k.entities.map((e) => [e.id, e])), trips: new Map(k.trips.map((trip) => [trip.id, trip])) },
    events,
  };
}
