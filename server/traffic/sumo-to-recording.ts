/**
 * SUMO's outputs → a recording in the feed's format: trips (route + entry times) from the vehicle
 * routes, TrafficFlowObserved from the edge data, OffStreetParking from the simulated arrivals. Written
 * into a temporary folder beside the target and renamed into place, so a failed build leaves the
 * previous recording as it was.
 */
import { mkdir, rename, rm, stat, readdir } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FeedEvent, RouteTrip } from '../../src/protocol/feed.js';
import { RecordingWriter } from '../recording/recording-writer.js';
import { FlowEvents, readEdgeData } from './edge-data.js';
import { lotOfEdge, parkingEvents, parkingLots, parkingMovements } from './parking-occupancy.js';
import type { TrafficCity } from './traffic-city.js';
import { readVehroutes } from './vehroutes-reader.js';

/** What to convert. */
export interface RecordingInput {
  city: Pick<TrafficCity, 'id' | 'graph' | 'places' | 'manifest'>;
  vehroutesFile: string;
  edgeDataFile: string;
  /** Epoch ms of SUMO time 0. */
  originMs: number;
  /** The recording covers [fromMs, originMs + durationMs); fromMs defaults to originMs. */
  durationMs: number;
  fromMs?: number;
  /** Simulate parking occupancy (default true; a what-if window has no morning to start it from). */
  parking?: boolean;
  /** The final folder, e.g. tiles/recordings/<city>/traffic. */
  outDir: string;
  source?: string;
}

/** What was written. */
export interface RecordingSummary {
  dir: string;
  trips: number;
  flowEvents: number;
  parkingEvents: number;
  bytes: number;
  /** Recording bytes ÷ trips: what one vehicle-trip costs, flows and parking included. */
  bytesPerTrip: number;
  /** The trip events alone as gzip NDJSON (the chunks' encoding) ÷ trips: what a trajectory costs. */
  tripBytesPerTrip: number;
}

/** Merges time-ordered event lists into one (stable: earlier lists first at equal times). */
export function mergeByTime(lists: FeedEvent[][]): FeedEvent[] {
  const all = lists.flatMap((list, order) => list.map((event, i) => ({ event, order, i })));
  all.sort((a, b) => a.event.t - b.event.t || a.order - b.order || a.i - b.i);
  return all.map((x) => x.event);
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** Converts and writes the recording; returns its size and counts. */
export async function sumoToRecording(input: RecordingInput): Promise<RecordingSummary> {
  const { city, originMs } = input;
  const endMs = originMs + input.durationMs;
  const fromMs = input.fromMs ?? originMs;
  const inSpan = (t: number): boolean => t >= fromMs && t < endMs;
  // Trips already under way when the span opens are kept, so its first instant shows full roads.
  const trips = (await readVehroutes(input.vehroutesFile, originMs)).filter((trip) => trip.end > fromMs && trip.enter[0]! < endMs);
  const flows = new FlowEvents(city.id, originMs);
  await readEdgeData(input.edgeDataFile, (sample) => flows.add(sample));
  const flowEvents = flows.finish().filter((event) => inSpan(event.t));
  let parking: FeedEvent[] = [];
  if (input.parking ?? true) {
    const lots = parkingLots(city.places, city.id);
    const lotOf = lotOfEdge(city.graph, lots, city.manifest.centre);
    parking = parkingEvents(
      lots,
      parkingMovements(
        trips.filter((trip) => inSpan(trip.enter[0]!)),
        lotOf,
      ),
      fromMs,
      endMs - 1,
    );
  }
  const tripEvents: FeedEvent[] = trips.map((trip: RouteTrip) => ({ op: 'trip', t: trip.enter[0]!, trip }));
  const events = mergeByTime([parking, flowEvents, tripEvents]);

  await mkdir(dirname(input.outDir), { recursive: true });
  const temporary = join(dirname(input.outDir), `.${basename(input.outDir)}.tmp-${process.pid}-${Date.now()}`);
  const previous = `${temporary}.old`;
  try {
    const writer = await RecordingWriter.create(temporary, { city: city.id, source: input.source ?? 'sumo', chunkMs: 3_600_000 });
    await writer.write(events);
    await writer.close();
    const bytes = await folderBytes(temporary);
    // Swap: the old recording moves aside only once the new one is complete.
    const hadPrevious = await stat(input.outDir).then(
      () => true,
      () => false,
    );
    if (hadPrevious) await rename(input.outDir, previous);
    await rename(temporary, input.outDir);
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
    const tripBytes = gzipSync(tripEvents.map((e) => JSON.stringify(e)).join('\n'), { level: 6 }).byteLength;
    return {
      dir: input.outDir,
      trips: trips.length,
      flowEvents: flowEvents.length,
      parkingEvents: parking.length,
      bytes,
      bytesPerTrip: trips.length === 0 ? 0 : bytes / trips.length,
      tripBytesPerTrip: trips.length === 0 ? 0 : tripBytes / trips.length,
    };
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}
