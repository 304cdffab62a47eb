/**
 * The recording format (documented in docs/feed.md): a folder holding
 *   recording.json          the index: span, chunk length, and one entry per chunk
 *   chunks/<n>.ndjson.gz    gzip NDJSON; line 1 is the keyframe (the whole world at the chunk's
 *                           start), then one FeedEvent per line, ordered by t, t in [start, end)
 * Chunks are only ever added at the end, so the format is append-only; the keyframes make a seek
 * cost one chunk, whatever the recording's length.
 */
import { z } from 'zod';
import { entitySchema } from '../../src/protocol/entities.js';
import { tripSchema } from '../../src/protocol/feed.js';
import { fileIdSchema } from '../../src/protocol/ids.js';

/** Format name and version written into every index. */
export const RECORDING_FORMAT = 'sandtable-recording';
export const RECORDING_VERSION = 1;
/** Name of the index file inside a recording folder. */
export const INDEX_FILE = 'recording.json';

export const chunkEntrySchema = z.object({
  file: z.string().regex(/^chunks\/\d{6}\.ndjson\.gz$/),
  startMs: z.number().finite(),
  endMs: z.number().finite(),
  events: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
export type ChunkEntry = z.infer<typeof chunkEntrySchema>;

export const recordingIndexSchema = z
  .object({
    format: z.literal(RECORDING_FORMAT),
    version: z.literal(RECORDING_VERSION),
    /** City pack id the recording belongs to. */
    city: fileIdSchema('a city id'),
    /** What produced it, e.g. "synthetic seed=1" or "weather import shanghai-hourly.csv". */
    source: z.string().max(512),
    /** Chunk length, ms of sim time; chunk n covers [originMs + n·chunkMs, originMs + (n+1)·chunkMs). */
    chunkMs: z.number().int().positive(),
    originMs: z.number().finite(),
    chunks: z.array(chunkEntrySchema),
  })
  .refine((index) => index.chunks.every((c, i) => c.endMs > c.startMs && (i === 0 || c.startMs >= index.chunks[i - 1]!.endMs)), {
    message: 'chunks must be ordered and must not overlap',
  });
export type RecordingIndex = z.infer<typeof recordingIndexSchema>;

/** Line 1 of a chunk: the world at the chunk's start. */
export const keyframeSchema = z.object({
  keyframe: z.object({
    t: z.number().finite(),
    entities: z.array(entitySchema),
    trips: z.array(tripSchema),
  }),
});
export type Keyframe = z.infer<typeof keyframeSchema>['keyframe'];

/** The chunk file name for chunk number n. */
export const chunkFile = (n: number): string => `chunks/${String(n).padStart(6, '0')}.ndjson.gz`;
