/**
 * Writes a recording from any source:
 *   npm run record -- --from synthetic --city <id> --start <ISO time> --hours <n> --out <dir> [--seed n] [--parts requests,parking,trips] [--trips-per-day n] [--requests-per-day n] [--utc-offset h]
 *   npm run record -- --from replay:<dir> --start <ISO time> --hours <n> --out <dir>
 *   npm run record -- --from live --minutes <n> --out <dir> --city <id> [--port p] [--token t] [--mqtt <url> --topic <topic>]
 * The recording is written into a temporary folder and moved into place only when complete.
 */
import { rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import type { Entity } from '../../src/protocol/entities.js';
import type { FeedEvent } from '../../src/protocol/feed.js';
import { loadCityPack } from '../city/city-pack.js';
import { createHttpApp } from '../http/http-app.js';
import { ingestEndpoint, ingestHandler } from '../ingest/http-ingest.js';
import { startMqttIngest } from '../ingest/mqtt-ingest.js';
import { Recording } from '../recording/recording-reader.js';
import { RecordingWriter } from '../recording/recording-writer.js';
import { LiveSource } from '../sources/live-source.js';
import { generateSyntheticCity, SYNTHETIC_PARTS, type SyntheticPart } from '../synthetic/synthetic-city.js';

const USAGE = `usage: npm run record -- --from synthetic|replay:<dir>|live --out <dir> [options]; see server/record/cli.ts`;
const tilesDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tiles');

class UsageError extends Error {}

function positiveNumber(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number, not '${value}'`);
  return n;
}

function instant(value: string | undefined): number {
  if (!value) throw new UsageError('--start <ISO time> is required, e.g. 2014-06-12T00:00:00+08:00');
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new UsageError(`--start '${value}' is not an ISO date-time`);
  return t;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        from: { type: 'string' },
        out: { type: 'string' },
        city: { type: 'string' },
        start: { type: 'string' },
        hours: { type: 'string' },
        minutes: { type: 'string' },
        seed: { type: 'string' },
        'trips-per-day': { type: 'string' },
        'requests-per-day': { type: 'string' },
        'utc-offset': { type: 'string' },
        'chunk-minutes': { type: 'string' },
        port: { type: 'string' },
        token: { type: 'string' },
        mqtt: { type: 'string' },
        topic: { type: 'string' },
        parts: { type: 'string' },
      },
    });
    if (!values.from || !values.out) throw new UsageError('--from and --out are required');
    const out = resolve(values.out);
    const exists = await stat(join(out, 'recording.json')).then(
      () => true,
      () => false,
    );
    if (exists) throw new UsageError(`'${out}' already holds a recording; choose another --out or remove it`);
    const chunkMs = positiveNumber(values['chunk-minutes'], 'chunk-minutes', 60) * 60_000;
    const temporary = join(dirname(out), `.${out.split('/').pop()}.tmp-${process.pid}`);
    const started = performance.now();

    let events: AsyncIterable<FeedEvent[]> | Iterable<FeedEvent[]>;
    let city: string;
    let source: string;
    if (values.from === 'synthetic') {
      city =
        values.city ??
        (() => {
          throw new UsageError('--city is required');
        })();
      const startMs = instant(values.start);
      const hours = positiveNumber(values.hours, 'hours');
      const seed = Math.round(positiveNumber(values.seed, 'seed', 1));
      const pack = await loadCityPack(tilesDir, city);
      const parts = (values.parts ?? SYNTHETIC_PARTS.join(',')).split(',').map((p) => p.trim());
      const unknownPart = parts.find((p) => !(SYNTHETIC_PARTS as readonly string[]).includes(p));
      if (unknownPart !== undefined) throw new UsageError(`--parts takes ${SYNTHETIC_PARTS.join(', ')}, not '${unknownPart}'`);
      const options = {
        parts: parts as SyntheticPart[],
        seed,
        startMs,
        endMs: startMs + hours * 3_600_000,
        tripsPerDay: positiveNumber(values['trips-per-day'], 'trips-per-day', 8000),
        requestsPerDay: positiveNumber(values['requests-per-day'], 'requests-per-day', 240),
        utcOffsetHours: Number(values['utc-offset'] ?? 8),
      };
      events = [generateSyntheticCity(pack, options)];
      source = `synthetic seed=${seed} parts=${parts.join('+')} trips/day=${options.tripsPerDay} requests/day=${options.requestsPerDay}`;
    } else if (values.from.startsWith('replay:')) {
      const recording = await Recording.open(resolve(values.from.slice('replay:'.length)));
      const startMs = instant(values.start);
      const endMs = startMs + positiveNumber(values.hours, 'hours') * 3_600_000;
      city = recording.index.city;
      source = `replay of ${recording.index.source}`;
      const world = await recording.stateAt(startMs);
      // The window opens with the world as it stood, so the new recording is complete on its own.
      const opening: FeedEvent[] = [...world.entities.values()].map((entity) => ({ op: 'upsert', t: startMs, entity }));
      events = [opening, (await recording.eventsBetween(startMs, endMs - 1)).filter((e) => e.t < endMs)];
    } else if (values.from === 'live') {
      city =
        values.city ??
        (() => {
          throw new UsageError('--city is required');
        })();
      const minutes = positiveNumber(values.minutes, 'minutes');
      const token = values.token ?? process.env.INGEST_TOKEN ?? '';
      if (!token) throw new UsageError('--token or INGEST_TOKEN is required for live recording');
      const live = new LiveSource();
      const collected: FeedEvent[] = [];
      live.onEvents((batch) => collected.push(...batch));
      const logger = pino({ level: 'warn' });
      // Recording needs no database: what arrives goes straight into the live source, and so into the recording.
      const accept = async (entities: Entity[]) => ({ ok: true as const, accepted: live.ingest(entities) });
      const http = createHttpApp({ routes: [{ method: 'POST', url: '/ingest', ...ingestEndpoint(token), handler: ingestHandler(accept) }], logger });
      await http.listen({ port: Number(values.port ?? 8081), host: '127.0.0.1' });
      const mqttIngest = values.mqtt ? startMqttIngest({ url: values.mqtt, topic: values.topic ?? `sandtable/${city}/ingest` }, accept, logger) : null;
      process.stderr.write(`recording live input for ${minutes} min: POST http://127.0.0.1:${values.port ?? 8081}/ingest${values.mqtt ? ` and MQTT ${values.mqtt}` : ''}\n`);
      await new Promise((ok) => setTimeout(ok, minutes * 60_000));
      await http.close();
      await mqttIngest?.close();
      events = [collected];
      source = 'live ingest';
    } else {
      throw new UsageError(`unknown source '${values.from}'`);
    }

    await rm(temporary, { recursive: true, force: true });
    try {
      const writer = await RecordingWriter.create(temporary, { city, source, chunkMs });
      let count = 0;
      for await (const batch of events) {
        await writer.write(batch);
        count += batch.length;
      }
      const index = await writer.close();
      await rename(temporary, out);
      const bytes = index.chunks.reduce((sum, c) => sum + c.bytes, 0);
      process.stdout.write(`recorded ${count} events in ${index.chunks.length} chunks, ${(bytes / 1e6).toFixed(2)} MB, to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    } catch (error) {
      await rm(temporary, { recursive: true, force: true });
      throw error;
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      process.stderr.write(`error: ${(error as Error).message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`error: ${(error as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
