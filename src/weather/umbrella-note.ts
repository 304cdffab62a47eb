/**
 * The comfort note for precipitation that goes with the dressing index ("take an umbrella").
 * Classes on the hour's amount follow the hourly rain-intensity classes in common use by Chinese
 * weather services (light < 2.5 mm/h, moderate 2.5–8, heavy 8–16, torrential ≥ 16 mm/h); at
 * ≤ 1 °C precipitation is treated as sleet or snow, as in weather-effects.ts. Pure; browser-safe.
 */
import type { Bilingual } from './dressing-levels.js';

/** Temperature (°C) at or below which precipitation counts as sleet/snow. */
export const SNOW_TEMPERATURE = 1;

/** A precipitation class and its note. */
export interface UmbrellaNote {
  kind: 'light-rain' | 'moderate-rain' | 'heavy-rain' | 'torrential-rain' | 'snow';
  /** The class applies from this amount (mm in the hour, inclusive). */
  minPrecipitation: number;
  text: Bilingual;
}

/** Rain classes, heaviest first, then sleet/snow. */
export const UMBRELLA_NOTES: readonly UmbrellaNote[] = [
  {
    kind: 'torrential-rain',
    minPrecipitation: 16,
    text: { zh: '有暴雨，尽量减少外出；必须出行请避开低洼积水路段和下穿通道。', en: 'Torrential rain: stay in if you can, and keep away from underpasses and flooded streets.' },
  },
  {
    kind: 'heavy-rain',
    minPrecipitation: 8,
    text: { zh: '有大雨，带伞并穿雨衣雨鞋，路面积水，出行注意安全。', en: 'Heavy rain: an umbrella and a raincoat; expect standing water on the roads.' },
  },
  {
    kind: 'moderate-rain',
    minPrecipitation: 2.5,
    text: { zh: '有中雨，出门带伞，宜穿防水的鞋。', en: 'Moderate rain: take an umbrella and wear waterproof shoes.' },
  },
  {
    kind: 'light-rain',
    minPrecipitation: 0,
    text: { zh: '有小雨，出门记得带伞。', en: 'Light rain: take an umbrella.' },
  },
  {
    kind: 'snow',
    minPrecipitation: 0,
    text: { zh: '有雨夹雪或降雪，出门带伞，穿保暖防滑的鞋，注意路面湿滑。', en: 'Sleet or snow: take an umbrella and wear warm, non-slip shoes; pavements are slippery.' },
  },
];

/** The note for an hour's precipitation (mm) at a temperature (°C); null when it is dry or unknown. */
export function umbrellaNote(precipitation: number | null | undefined, temperature?: number | null): UmbrellaNote | null {
  if (precipitation == null || !(precipitation > 0)) return null;
  if (temperature != null && temperature <= SNOW_TEMPERATURE) return UMBRELLA_NOTES.find((note) => note.kind === 'snow')!;
  return UMBRELLA_NOTES.find((note) => note.kind !== 'snow' && precipitation >= note.minPrecipitation)!;
}
