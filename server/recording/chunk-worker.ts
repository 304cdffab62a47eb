/**
 * The decoding worker's task (run by chunk-decoders.ts in piscina): one chunk file → the validated
 * chunk as JSON text, the keyframe in one string and the events in slices. Flat strings cross
 * threads almost free, where the structured clone of ten thousand small objects would cost the
 * event loop more than the decoding it saves; slices let the main thread parse with yields between.
 */
import { readValidatedChunk } from './chunk-decode.js';

/** Events per JSON slice: a few milliseconds of JSON.parse on the main thread each. */
export const EVENTS_PER_SLICE = 1000;

/** A validated chunk as JSON text. */
export interface ChunkJson {
  keyframe: string;
  /** JSON arrays of at most EVENTS_PER_SLICE events, in order. */
  events: string[];
}

/** Reads and validates the chunk at `path`, serialised from the schemas' output. */
export default async function decodeChunkTask(path: string): Promise<ChunkJson> {
  const { keyframe, events } = await readValidatedChunk(path);
  const slices: string[] = [];
  for (let i = 0; i < events.length; i += EVENTS_PER_SLICE) slices.push(JSON.stringify(events.slice(i, i + EVENTS_PER_SLICE)));
  return { keyframe: JSON.stringify(keyframe), events: slices };
}
