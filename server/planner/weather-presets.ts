/**
 * The planner's weather scenarios: what a typhoon, a heat wave or a cold snap looks like as a
 * WeatherObserved, and how much each slows traffic in a what-if (docs/planner.md, docs/traffic.md).
 */
import type { WeatherObserved } from '../../src/protocol/entities.js';
import type { WeatherPreset } from '../../src/protocol/planner-wire.js';
import type { FeedEvent, WorldState } from '../../src/protocol/feed.js';
import type { FeedSource } from '../sources/feed-source.js';

/** The observed values each preset lays over the room's weather. */
export const WEATHER_PRESETS: Record<
  WeatherPreset,
  Pick<WeatherObserved, 'temperature' | 'dewPoint' | 'relativeHumidity' | 'atmosphericPressure' | 'windSpeed' | 'windDirection' | 'precipitation'>
> = {
  // A landfalling typhoon over Shanghai: torrential rain (≥ 16 mm/h is CMA's 暴雨 hourly rate) and a storm-force wind (Beaufort 10, 24.5–28.4 m/s).
  typhoon: { temperature: 25, dewPoint: 24, relativeHumidity: 0.95, atmosphericPressure: 975, windSpeed: 25, windDirection: 90, precipitation: 40 },
  // CMA's high-temperature warning: orange at ≥ 37 °C, red at ≥ 40 °C.
  'heat-wave': { temperature: 39, dewPoint: 22, relativeHumidity: 0.38, atmosphericPressure: 1002, windSpeed: 2, windDirection: 180, precipitation: 0 },
  // A winter cold wave (寒潮) reaching Shanghai: below freezing, a dry north wind.
  'cold-snap': { temperature: -4, dewPoint: -12, relativeHumidity: 0.55, atmosphericPressure: 1038, windSpeed: 8, windDirection: 340, precipitation: 0 },
};

/**
 * Speed-limit factor a what-if applies under each preset. Heavy rain in the peak lowers urban speeds
 * by 12–15 % (Zhang et al. 2017, Beijing floating-car data; docs/traffic.md); a typhoon's 40 mm/h
 * and gale go past that class, so it takes −20 %. Dry heat and dry cold: no documented effect, none applied.
 */
export const WEATHER_SPEED_FACTORS: Record<WeatherPreset, number> = { typhoon: 0.8, 'heat-wave': 1, 'cold-snap': 1 };

/** Id of the observation an override adds when the room has none of its own. */
export const OVERRIDE_WEATHER_ID = 'urn:ngsi-ld:WeatherObserved:planner-override';

/** Whether an entity id is a weather observation. */
export const isWeatherId = (id: string): boolean => id.includes(':WeatherObserved:');

/** An observation carrying a preset's values, keeping the station's id, place and name. */
export function presetObservation(preset: WeatherPreset, t: number, station?: WeatherObserved, location?: [number, number]): WeatherObserved {
  return {
    id: station?.id ?? OVERRIDE_WEATHER_ID,
    type: 'WeatherObserved',
    ...(station?.location ? { location: station.location } : location ? { location: { type: 'Point', coordinates: location } } : {}),
    ...(station?.name ? { name: station.name } : {}),
    ...WEATHER_PRESETS[preset],
    pm25: station?.pm25 ?? null,
    dateObserved: new Date(t).toISOString(),
    provenance: 'override',
  };
}

/**
 * The room's weather restated as a preset: every WeatherObserved of the inner source carries the
 * preset's values (one is added when there is none). Constant, so it has no events.
 */
export class PresetWeatherSource implements FeedSource {
  readonly kind = 'replay' as const;

  constructor(
    private readonly inner: FeedSource,
    readonly preset: WeatherPreset,
    /** When the preset starts: its observations are dated then. */
    private readonly fromMs: number,
    private readonly location?: [number, number],
  ) {}

  span(): null {
    return null;
  }

  async stateAt(t: number): Promise<WorldState> {
    const world: WorldState = { t, entities: new Map(), trips: new Map() };
    for (const entity of (await this.inner.stateAt(t)).entities.values()) {
      if (entity.type === 'WeatherObserved') world.entities.set(entity.id, this.observation(entity));
    }
    if (world.entities.size === 0) world.entities.set(OVERRIDE_WEATHER_ID, this.observation());
    return world;
  }

  /** One observation object per station, so the override's switch events compare by identity. */
  private readonly made = new Map<string, WeatherObserved>();
  private observation(station?: WeatherObserved): WeatherObserved {
    const id = station?.id ?? OVERRIDE_WEATHER_ID;
    let entity = this.made.get(id);
    if (!entity) this.made.set(id, (entity = presetObservation(this.preset, this.fromMs, station, this.location)));
    return entity;
  }

  async eventsBetween(): Promise<FeedEvent[]> {
    return [];
  }

  async close(): Promise<void> {}
}
