/**
 * One recording chunk, file → validated world and events: gunzip, NDJSON split, JSON.parse and zod
 * validation of every line. Pure, so it runs the same in a decoding worker (chunk-worker.ts) and
 * in-thread; a worker hands the validated chunk back as JSON text (see chunk-worker.ts).
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { feedEventSchema, type FeedEvent, type WorldState } from '../../src/protocol/feed.js';
import { keyframeSchema, type Keyframe } from './recording-format.js';

/** A decoded chunk: the world at its start and its events. */
export interface DecodedChunk {
  start: WorldState;
  events: FeedEvent[];
}

/** A chunk's lines after validation, before the world's maps are built. */
export interface ValidatedChunk {
  keyframe: Keyframe;
  events: FeedEvent[];
}

/** Thrown for a recording that is missing, unreadable or not in the format. */
export class RecordingError extends Error {
  override readonly name = 'RecordingError';
}

/** Reads and decodes the chunk file at `path`; throws RecordingError naming the file (and line). */
export async function readChunk(path: string): Promise<DecodedChunk> {
  return toDecodedChunk(await readValidatedChunk(path));
}

/** Reads and validates the chunk file at `path`. */
export async function readValidatedChunk(path: string): Promise<ValidatedChunk> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new RecordingError(`cannot read chunk '${path}': ${(error as Error).message}`);
  }
  return validateChunk(bytes, path);
}

/** Gunzips and validates a chunk's bytes; `path` only names it in errors. */
export function validateChunk(bytes: Uint8Array, path: string): ValidatedChunk {
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
  return { keyframe: keyframe.data.keyframe, events };
}

/** The world at the chunk's start, keyed by id, and its events. */
export function toDecodedChunk({ keyframe: k, events }: ValidatedChunk): DecodedChunk {
  return {
    start: { t: k.t, entities: new Map(k.entities.map((e) => [e.id, e])), trips: new Map(k.trips.map((trip) => [trip.id, trip])) },
    events,
  };
}
