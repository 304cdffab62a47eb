/**
 * A room's source with the planner's two overrides built in: the traffic layer seen through a
 * window override (a what-if's recording inside its window), and the whole room's weather through
 * another (a preset inside the planner's window).
 */
import type { FeedEvent, WorldState } from '../../src/protocol/feed.js';
import type { PlannerStateWire, WeatherOverride } from '../../src/protocol/planner-wire.js';
import type { FeedSource } from '../sources/feed-source.js';
import { LayeredSource } from '../sources/layered-source.js';
import type { LiveSource } from '../sources/live-source.js';
import { isWeatherId, PresetWeatherSource } from './weather-presets.js';
import { WindowOverrideSource } from './window-override-source.js';

/** Entities a what-if's recording replaces inside its window: the road flows (its recording has no parking lots). */
export const isTrafficFlowId = (id: string): boolean => id.includes(':TrafficFlowObserved:');

/** A source with nothing in it: stands in for a missing traffic layer, so a scenario can still be shown. */
class EmptySource implements FeedSource {
  readonly kind = 'replay' as const;
  span(): null {
    return null;
  }
  async stateAt(t: number): Promise<WorldState> {
    return { t, entities: new Map(), trips: new Map() };
  }
  async eventsBetween(): Promise<FeedEvent[]> {
    return [];
  }
  async close(): Promise<void> {}
}

/** The traffic view a room is set to: a scenario, its window and its recording. */
export interface TrafficView {
  scenarioId: string;
  window: { startMs: number; endMs: number };
  recording: FeedSource;
}

/** What the planner changes about one room. */
export class PlannerRoomControls {
  private view: TrafficView | null = null;
  private weatherOverride: WeatherOverride | null = null;

  constructor(
    readonly traffic: WindowOverrideSource,
    /** The room's whole world and its weather alone (for the outlook), both under the weather override. */
    readonly weather: WindowOverrideSource,
    readonly weatherAlone: WindowOverrideSource,
    /** The room's weather beneath the override: the stations a preset restates. */
    private readonly beneathWeather: FeedSource,
    private readonly centre?: [number, number],
  ) {}

  /** Shows a scenario's recording inside its window (null: the baseline everywhere). */
  setTrafficView(view: TrafficView | null): void {
    const previous = this.view;
    this.traffic.setOverride(view && { source: view.recording, startMs: view.window.startMs, endMs: view.window.endMs });
    this.view = view;
    // The room owns the view's recording: the one replaced is let go (a read in flight still completes).
    if (previous && previous.recording !== view?.recording) void previous.recording.close().catch(() => undefined);
  }

  /** Lets go of the recording of the traffic view in force, if any (the room is closing). */
  async close(): Promise<void> {
    const view = this.view;
    this.traffic.setOverride(null);
    this.view = null;
    await view?.recording.close();
  }

  /** Lays a weather preset over a window (null: the room's own weather again). */
  setWeatherOverride(override: WeatherOverride | null): void {
    const window = override && { source: new PresetWeatherSource(this.beneathWeather, override.preset, override.startMs, this.centre), startMs: override.startMs, endMs: override.endMs };
    this.weather.setOverride(window);
    this.weatherAlone.setOverride(window);
    this.weatherOverride = override;
  }

  /** The weather override in force, or null. */
  get weatherPreset(): WeatherOverride | null {
    return this.weatherOverride;
  }

  /** The room's planner state on the wire (without the job, which is the server's). */
  state(): Omit<PlannerStateWire, 'job' | 'dayStartMs'> {
    return { trafficView: this.view && { scenarioId: this.view.scenarioId, window: this.view.window }, weatherOverride: this.weatherOverride };
  }
}

/** A room's source with the planner's controls: the whole world, its weather alone, the controls and the override in force. */
export interface PlannerRoomSource {
  source: FeedSource;
  weather: FeedSource;
  planner: PlannerRoomControls;
  weatherOverride: () => WeatherOverride | null;
}

/**
 * Builds a room's source over its layers: the traffic layer (by index; -1 when there is none)
 * wrapped for the flip, the whole wrapped for weather; and the room's weather alone — its weather
 * layer (by index; -1: none) and the live stations under the same override — which the outlook
 * reads a thousand times faster than the whole world.
 */
export function plannerRoomSource(layers: FeedSource[], trafficIndex: number, live: LiveSource, centre?: [number, number], weatherIndex = -1): PlannerRoomSource {
  const traffic = new WindowOverrideSource(trafficIndex >= 0 ? layers[trafficIndex]! : new EmptySource(), { replaces: isTrafficFlowId, trips: true });
  const wrapped = trafficIndex >= 0 ? layers.map((layer, i) => (i === trafficIndex ? traffic : layer)) : [...layers, traffic];
  const weather = new WindowOverrideSource(new LayeredSource(wrapped, live), { replaces: isWeatherId, trips: false });
  const beneathWeather = new LayeredSource(weatherIndex >= 0 ? [layers[weatherIndex]!] : [], live);
  const weatherAlone = new WindowOverrideSource(beneathWeather, { replaces: isWeatherId, trips: false });
  const planner = new PlannerRoomControls(traffic, weather, weatherAlone, beneathWeather, centre);
  return { source: weather, weather: weatherAlone, planner, weatherOverride: () => planner.weatherPreset };
}
