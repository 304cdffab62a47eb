/**
 * Reads a recording: the index, chunks on demand (a few kept decoded), state at any instant.
 * Chunks are decoded in worker threads (chunk-decoders.ts), off the event loop; close() lets go of them.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { advanceWorld, cloneWorld, type FeedEvent, type WorldState } from '../../src/protocol/feed.js';
import { readChunk, RecordingError, type DecodedChunk } from './chunk-decode.js';
import { sharedChunkDecoders, type ChunkDecoders } from './chunk-decoders.js';
import { INDEX_FILE, recordingIndexSchema, type ChunkEntry, type RecordingIndex } from './recording-format.js';

export { RecordingError };

/**
 * Chunks this small (gzip bytes) are decoded in-thread: a weather day or a demo hour takes under
 * 2 ms there, about half the worker's round trip (npm run bench:recording); traffic hours go to workers.
 */
export const IN_THREAD_MAX_BYTES = 16 * 1024;

/** How a recording is read. */
export interface RecordingOptions {
  /** Decoded chunks kept (default 8). */
  cacheSize?: number;
  /** The worker pool (default: the shared one); null decodes every chunk in-thread. */
  decoders?: ChunkDecoders | null;
  /** Chunks up to this many gzip bytes are decoded in-thread (default IN_THREAD_MAX_BYTES). */
  inThreadMaxBytes?: number;
}

/** A recording opened for reading. */
export class Recording {
  private readonly cache = new Map<number, Promise<DecodedChunk>>();
  private closed = false;
  private readonly decoders: ChunkDecoders | null;

  private constructor(
    readonly dir: string,
    readonly index: RecordingIndex,
    private readonly cacheSize: number,
    decoders: ChunkDecoders | null,
    private readonly inThreadMaxBytes: number,
  ) {
    // Only a recording with a chunk too big for in-thread decoding holds (and warms) the workers.
    this.decoders = decoders && index.chunks.some((c) => c.bytes > inThreadMaxBytes) ? decoders : null;
    this.decoders?.retain();
  }

  /** Opens and validates the index of the recording in `dir`. */
  static async open(dir: string, options: RecordingOptions = {}): Promise<Recording> {
    let raw: string;
    try {
      raw = await readFile(join(dir, INDEX_FILE), 'utf8');
    } catch (error) {
      throw new RecordingError(`no recording at '${dir}' (${(error as NodeJS.ErrnoException).code ?? error})`);
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new RecordingError(`'${join(dir, INDEX_FILE)}' is not valid JSON`);
    }
    const parsed = recordingIndexSchema.safeParse(json);
    if (!parsed.success) throw new RecordingError(`'${join(dir, INDEX_FILE)}' is not a recording index: ${parsed.error.issues[0]?.message ?? ''}`);
    return new Recording(dir, parsed.data, options.cacheSize ?? 8, options.decoders === undefined ? sharedChunkDecoders : options.decoders, options.inThreadMaxBytes ?? IN_THREAD_MAX_BYTES);
  }

  /** First instant covered. */
  get startMs(): number {
    return this.index.chunks[0]?.startMs ?? 0;
  }

  /** End of the last chunk (exclusive). */
  get endMs(): number {
    return this.index.chunks[this.index.chunks.length - 1]?.endMs ?? 0;
  }

  /** Index of the last chunk starting at or before t, or -1 (binary search over the time index). */
  private chunkIndexAt(t: number): number {
    const chunks = this.index.chunks;
    let lo = 0;
    let hi = chunks.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (chunks[mid]!.startMs <= t) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  private chunk(i: number): Promise<DecodedChunk> {
    let decoded = this.cache.get(i);
    if (decoded) {
      // Refresh its place in the least-recently-used order.
      this.cache.delete(i);
      this.cache.set(i, decoded);
      return decoded;
    }
    decoded = this.decode(this.index.chunks[i]!);
    decoded.catch(() => this.cache.delete(i));
    this.cache.set(i, decoded);
    while (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
    return decoded;
  }

  private decode(entry: ChunkEntry): Promise<DecodedChunk> {
    const path = join(this.dir, entry.file);
    // A closed recording still answers (in-thread), so a read in flight at close time completes.
    if (!this.decoders || this.closed || entry.bytes <= this.inThreadMaxBytes) return readChunk(path);
    return this.decoders.decode(path).catch((error: unknown) => (this.closed ? readChunk(path) : Promise.reject(error)));
  }

  /** Lets go of the decoding workers (the last recording to close ends them). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.decoders?.release();
  }

  /** The world at sim time t: every event with time ≤ t applied. */
  async stateAt(t: number): Promise<WorldState> {
    const i = this.chunkIndexAt(t);
    if (i < 0) return { t, entities: new Map(), trips: new Map() };
    const chunk = await this.chunk(i);
    const world = cloneWorld(chunk.start);
    return advanceWorld(
      world,
      chunk.events.filter((e) => e.t <= t),
      t,
    );
  }

  /** Events with t0 < t ≤ t1, in order. */
  async eventsBetween(t0: number, t1: number): Promise<FeedEvent[]> {
    if (t1 <= t0) return [];
    const out: FeedEvent[] = [];
    for (let i = Math.max(0, this.chunkIndexAt(t0)); i < this.index.chunks.length && this.index.chunks[i]!.startMs <= t1; i++) {
      for (const event of (await this.chunk(i)).events) if (event.t > t0 && event.t <= t1) out.push(event);
    }
    return out;
  }
}
