/** A weather scenario over a window of the demo day: the scene, the indices and the what-if follow it. */
import { WEATHER_PRESET_NAMES, type WeatherPreset } from '../../protocol/planner-wire';
import { HourSelect } from './hour-select';
import { hourLabel, usePlannerContext, usePlannerTranslate } from './planner-context';
import { usePlanner } from './use-planner';

/** Preset, window, apply; what is in force. */
export function WeatherOverridePanel() {
  const { store, link, dayStartMs } = usePlannerContext();
  const t = usePlannerTranslate();
  const weather = usePlanner(store, (s) => s.weather);
  const active = usePlanner(store, (s) => s.roomWeather?.override ?? null);
  const edit = store.getState().editWeather;
  const at = (hour: number) => dayStartMs + hour * 3_600_000;
  const hour = (ms: number) => hourLabel(Math.round((ms - dayStartMs) / 3_600_000));
  const apply = () => void link.weather(weather.preset ? { preset: weather.preset, startMs: at(weather.startHour), endMs: at(weather.endHour) } : null);
  return (
    <section class="planner-section" data-testid="weather-override">
      <h2>{t('planner.weather')}</h2>
      <label class="planner-field">
        <select value={weather.preset ?? ''} onChange={(e) => edit({ preset: ((e.target as HTMLSelectElement).value || null) as WeatherPreset | null })}>
          <option value="">{t('planner.weather.none')}</option>
          {WEATHER_PRESET_NAMES.map((p) => (
            <option key={p} value={p}>
              {t(`planner.weather.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <div class="planner-row">
        <HourSelect label={t('planner.from')} value={weather.startHour} min={0} max={23} onChange={(h) => edit({ startHour: h, endHour: Math.max(weather.endHour, h + 1) })} />
        <HourSelect label={t('planner.to')} value={weather.endHour} min={weather.startHour + 1} max={24} onChange={(h) => edit({ endHour: h })} />
        <button type="button" onClick={apply}>
          {t('planner.weather.apply')}
        </button>
      </div>
      {active ? <p class="planner-hint">{t('planner.weather.active', { preset: t(`planner.weather.${active.preset}`), from: hour(active.startMs), to: hour(active.endMs) })}</p> : null}
    </section>
  );
}
