/** Lays any recorded day's weather under the room's replay: a bookmarked named day, or any date of the series. */
import { useState } from 'preact/hooks';
import { usePlannerContext, usePlannerTranslate } from './planner-context';
import { usePlanner } from './use-planner';

/** The day picker: named days as buttons, any date in a field, and back to the replayed day. */
export function WeatherDayPicker() {
  const { link, namedDays, app, store } = usePlannerContext();
  const t = usePlannerTranslate();
  // The room's day as the server says (after a reload too); the server tells the whole room when it changes.
  const day = usePlanner(store, (s) => s.roomWeather?.day ?? null);
  const [date, setDate] = useState('');
  const locale = app.getState().locale === 'en' ? 'en' : 'zh';
  const choose = (next: string | null) => void link.weatherDay(next);
  return (
    <section class="planner-section" data-testid="weather-day">
      <h2>{t('planner.weatherDay')}</h2>
      <div class="planner-row">
        {namedDays.map((d) => (
          <button type="button" key={d.id} title={d.why[locale]} aria-pressed={day === d.date} onClick={() => choose(d.date)}>
            {d.name[locale]} · {d.date}
          </button>
        ))}
      </div>
      <div class="planner-row">
        <input type="date" value={date} aria-label={t('planner.weatherDay.date')} onInput={(e) => setDate((e.target as HTMLInputElement).value)} />
        <button type="button" disabled={!date} onClick={() => choose(date)}>
          {t('planner.weatherDay.apply')}
        </button>
        <button type="button" disabled={day === null} onClick={() => choose(null)}>
          {t('planner.weatherDay.reset')}
        </button>
      </div>
      <p class="planner-hint" data-testid="weather-day-state" data-day={day ?? ''}>
        {day ? t('planner.weatherDay.active', { date: day }) : t('planner.weatherDay.recorded')}
      </p>
    </section>
  );
}
