/**
 * A small worker pool (piscina) that decodes recording chunks off the event loop, so one room's
 * seek or a cold chunk never holds up the other rooms' ticks. One pool is shared by every open
 * recording and ended when the last of them closes; idle workers are unref'd by piscina, so a
 * script that never closes its recordings still exits.
 */
import { availableParallelism } from 'node:os';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { FeedEvent } from '../../src/protocol/feed.js';
import { RecordingError, toDecodedChunk, type DecodedChunk } from './chunk-decode.js';
import type { Keyframe } from './recording-format.js';
import type { ChunkJson } from './chunk-worker.js';

/** The worker is TypeScript: under tsx (serve, dev, scripts) it inherits the loader; elsewhere (vitest) it is given it. */
const WORKER = fileURLToPath(new URL('./chunk-worker.ts', import.meta.url));
const TSX_LOADED = process.execArgv.some((arg) => arg.includes('tsx'));

/** Decodes chunk files in worker threads. */
export class ChunkDecoders {
  private pool: Piscina | undefined;
  private users = 0;

  constructor(readonly threads = Math.max(1, Math.min(4, availableParallelism() - 1))) {}

  /** Counts a user (an open recording) and starts the first worker, so it is warm for the first seek. */
  retain(): void {
    this.users++;
    this.start();
  }

  /** Drops a user; the last one out ends the workers. */
  async release(): Promise<void> {
    this.users = Math.max(0, this.users - 1);
    if (this.users === 0) await this.close();
  }

  /** Reads and decodes the chunk at `path` in a worker; rejects with a RecordingError as in-thread decoding would. */
  async decode(path: string): Promise<DecodedChunk> {
    let json: ChunkJson;
    try {
      json = (await this.start().run(path)) as ChunkJson;
    } catch (error) {
      throw new RecordingError((error as Error).message);
    }
    // Validated in the worker and serialised from the schemas' output, so it is not checked twice;
    // parsed a slice at a time, letting other rooms' ticks run in between.
    const keyframe = JSON.parse(json.keyframe) as Keyframe;
    const events: FeedEvent[] = [];
    for (const slice of json.events) {
      await yieldToLoop();
      for (const event of JSON.parse(slice) as FeedEvent[]) events.push(event);
    }
    return toDecodedChunk({ keyframe, events });
  }

  /** Whether workers are running (or starting). */
  get running(): boolean {
    return this.pool !== undefined;
  }

  /** Ends the workers now; a later decode starts them again. */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }

  private start(): Piscina {
    this.pool ??= new Piscina({
      filename: WORKER,
      minThreads: 1,
      maxThreads: this.threads,
      // Extra workers go after a minute idle; the first stays (unref'd while idle) for the next chunk.
      idleTimeout: 60_000,
      execArgv: TSX_LOADED ? process.execArgv : [...process.execArgv, '--import', 'tsx'],
    });
    return this.pool;
  }
}

/** The pool every recording shares unless given its own. */
export const sharedChunkDecoders = new ChunkDecoders();
