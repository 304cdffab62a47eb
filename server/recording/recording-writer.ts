/** Writes a recording: events in time order, one gzip NDJSON chunk per period, index rewritten atomically. */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { advanceWorld, emptyWorld, type FeedEvent, type WorldState } from '../../src/protocol/feed.js';
import { Recording } from './recording-reader.js';
import { chunkFile, INDEX_FILE, RECORDING_FORMAT, RECORDING_VERSION, type Keyframe, type RecordingIndex } from './recording-format.js';

/** Options of a new recording. */
export interface NewRecordingOptions {
  city: string;
  source: string;
  /** Chunk length in ms of sim time (default one hour). */
  chunkMs?: number;
  /** Where chunk 0 starts (default: the first event's time, floored to the chunk length). */
  originMs?: number;
}

/** Appends events to a recording folder. Call close() to write the last chunk. */
export class RecordingWriter {
  private pending: FeedEvent[] = [];
  private pendingChunk = -1;
  private lastT = -Infinity;

  private constructor(
    private readonly dir: string,
    private readonly index: RecordingIndex,
    private readonly world: WorldState,
  ) {
    const last = index.chunks[index.chunks.length - 1];
    if (last) this.lastT = last.endMs - 1;
  }

  /** Starts a new recording in `dir` (which must not hold one). */
  static async create(dir: string, options: NewRecordingOptions): Promise<RecordingWriter> {
    const exists = await readFile(join(dir, INDEX_FILE)).then(
      () => true,
      () => false,
    );
    if (exists) throw new Error(`'${dir}' already holds a recording; append to it instead`);
    await mkdir(join(dir, 'chunks'), { recursive: true });
    const index: RecordingIndex = {
      format: RECORDING_FORMAT,
      version: RECORDING_VERSION,
      city: options.city,
      source: options.source,
      chunkMs: options.chunkMs ?? 3_600_000,
      originMs: options.originMs ?? Number.NaN,
      chunks: [],
    };
    return new RecordingWriter(dir, index, emptyWorld(-Infinity));
  }

  /** Opens an existing recording to add events after its end. */
  static async append(dir: string): Promise<RecordingWriter> {
    const recording = await Recording.open(dir);
    const world = await recording.stateAt(recording.endMs);
    await recording.close();
    return new RecordingWriter(dir, structuredClone(recording.index), world);
  }

  /** Adds events; they must be in time order and later than everything already written. */
  async write(events: Iterable<FeedEvent>): Promise<void> {
    for (const event of events) {
      if (event.t < this.lastT) throw new Error(`event at ${new Date(event.t).toISOString()} is earlier than the recording's end; recordings are append-only`);
      this.lastT = event.t;
      if (Number.isNaN(this.index.originMs)) this.index.originMs = Math.floor(event.t / this.index.chunkMs) * this.index.chunkMs;
      const chunk = Math.floor((event.t - this.index.originMs) / this.index.chunkMs);
      if (chunk !== this.pendingChunk) {
        await this.flush();
        this.pendingChunk = chunk;
      }
      this.pending.push(event);
    }
  }

  /** Writes the open chunk, if any, and the index. */
  async close(): Promise<RecordingIndex> {
    await this.flush();
    if (Number.isNaN(this.index.originMs)) this.index.originMs = 0; // an empty recording
    if (this.index.chunks.length === 0) await this.writeIndex();
    return this.index;
  }

  private async flush(): Promise<void> {
    if (this.pendingChunk < 0 || this.pending.length === 0) return;
    const startMs = this.index.originMs + this.pendingChunk * this.index.chunkMs;
    const endMs = startMs + this.index.chunkMs;
    // The keyframe is the world just before the chunk's first instant.
    advanceWorld(this.world, [], startMs);
    const keyframe: Keyframe = {
      t: startMs,
      entities: [...this.world.entities.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
      trips: [...this.world.trips.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    };
    const lines = [JSON.stringify({ keyframe }), ...this.pending.map((e) => JSON.stringify(e))];
    const bytes = gzipSync(`${lines.join('\n')}\n`, { level: 6 });
    const file = chunkFile(this.pendingChunk);
    await writeFile(join(this.dir, file), bytes);
    advanceWorld(this.world, this.pending, endMs - 1e-3);
    this.index.chunks.push({ file, startMs, endMs, events: this.pending.length, bytes: bytes.byteLength });
    this.pending = [];
    this.pendingChunk = -1;
    await this.writeIndex();
  }

  private async writeIndex(): Promise<void> {
    const path = join(this.dir, INDEX_FILE);
    const temporary = `${path}.tmp-${process.pid}`;
    await writeFile(temporary, `${JSON.stringify(this.index, null, 1)}\n`);
    await rename(temporary, path);
  }
}
