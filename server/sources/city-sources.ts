/** The sources of one city: its recordings replayed together over a live layer, with the weather and traffic recordings found by name. */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LayeredSource } from './layered-source.js';
import { LiveSource } from './live-source.js';
import { ReplaySource } from './replay-source.js';

/** The opened sources of a city. */
export interface CitySources {
  /** Live input (ingest, MQTT, Open311 POSTs). */
  live: LiveSource;
  /** The recordings, in the order given; the first sets the span. */
  replays: ReplaySource[];
  /** All recordings over the live layer: the city as recorded, with what arrives live. */
  source: LayeredSource;
  /** Index of the weather recording in `replays`, -1 when there is none. */
  weatherIndex: number;
  /** Index of the traffic recording in `replays`, -1 when there is none. */
  trafficIndex: number;
  /** The weather as recorded with the live stations (the whole city's when there is no weather recording). */
  cityWeather: LayeredSource;
  close(): Promise<void>;
}

/** The default recordings of a city: its day (demo: the 12345 cases), its weather and its traffic, where present. */
export function defaultRecordings(tilesDir: string, city: string): string[] {
  return ['demo', 'weather', 'traffic'].map((name) => join(tilesDir, 'recordings', city, name)).filter((dir) => existsSync(join(dir, 'recording.json')));
}

/** Opens the recording folders (empty: live only) over one live source. */
export async function openCitySources(recordings: string[]): Promise<CitySources> {
  const live = new LiveSource();
  const replays = await Promise.all(recordings.map((dir) => ReplaySource.open(dir)));
  const source = new LayeredSource(replays, live);
  const weatherIndex = recordings.findIndex((dir) => basename(dir) === 'weather');
  const trafficIndex = recordings.findIndex((dir) => basename(dir) === 'traffic');
  const cityWeather = weatherIndex >= 0 ? new LayeredSource([replays[weatherIndex]!], live) : source;
  return { live, replays, source, weatherIndex, trafficIndex, cityWeather, close: () => source.close() };
}
