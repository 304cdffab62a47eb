/**
 * The travel guide (出行指南): weather now and in the next hours — temperature, feels-like, humidity,
 * wind with a vane, precipitation, the dressing index with its advice and the umbrella note — and the
 * smart route home → destination under current traffic. Reads the store only, so the kiosk can mount it too.
 */
import { effectiveWeather } from '../weather/effective-weather';
import type { OutlookHour } from '../protocol/guide';
import { zoneOffsetMs } from '../city/time-zone';
import { entitiesOfType } from '../store/feed-slice';
import { guideSummary } from '../weather/guide-summary';
import { weatherEffects } from '../weather/weather-effects';
import './guide-panel.css';
import { GuideRoute } from './guide-route';
import { DressingIcon, SkyIcon, WindVane } from './guide-icons';
import { useHud } from './hud-context';
import { useAppState } from './use-app-state';
import { useTranslate } from './use-translate';
import { useWeatherOutlook } from './use-weather-outlook';

/** Sky glyph of an hour. */
export function skyOf(hour: Pick<OutlookHour, 'precipitation' | 'temperature' | 'relativeHumidity'>): 'sun' | 'cloud' | 'rain' | 'snow' {
  if ((hour.precipitation ?? 0) > 0) return hour.temperature != null && hour.temperature <= 1 ? 'snow' : 'rain';
  return (hour.relativeHumidity ?? 0) > 0.8 ? 'cloud' : 'sun';
}

const round = (x: number) => Math.round(x);

/** The guide panel. */
export function GuidePanel({ hours = 6 }: { hours?: number }) {
  const { store, manifest } = useHud();
  const t = useTranslate();
  const locale = useAppState(store, (s) => s.locale);
  const weather = useAppState(store, (s) => effectiveWeather(entitiesOfType(s.feed, 'WeatherObserved')));
  const outlook = useWeatherOutlook(store, hours);
  const localHour = (t: number): number => new Date(t + (manifest ? zoneOffsetMs(t, manifest.timeZone) : 0)).getUTCHours();
  const lang = locale === 'en' ? 'en' : 'zh';

  const now = weather
    ? guideSummary({
        temperature: weather.temperature ?? null,
        relativeHumidity: weather.relativeHumidity ?? null,
        windSpeed: weather.windSpeed ?? null,
        windDirection: weather.windDirection ?? null,
        precipitation: weather.precipitation ?? null,
      })
    : null;
  const wind = weather ? weatherEffects(weather).wind : null;

  return (
    <section class="panel guide-panel" data-testid="guide-panel" aria-label={t('guide.title')}>
      <h2 class="panel__title">{t('guide.title')}</h2>
      {!now ? (
        <p class="guide-panel__waiting">{t('guide.noWeather')}</p>
      ) : (
        <div class="guide-panel__now">
          <div class="guide-panel__headline">
            {now.dressing && <DressingIcon level={now.dressing.level} />}
            <div>
              <div class="guide-panel__temperature">{now.temperature != null ? `${round(now.temperature)}°` : '–'}</div>
              {now.feelsLike != null && <div class="guide-panel__feels">{t('guide.feelsLike', { value: round(now.feelsLike) })}</div>}
            </div>
            <WindVane fromDegrees={now.wind.fromDegrees} intensity={wind?.intensity ?? 0} />
          </div>
          <div class="guide-panel__facts">
            {now.humidityPercent != null && <span>{t('guide.humidity', { value: now.humidityPercent })}</span>}
            <span>{now.wind.from ? t('guide.wind', { direction: t(`compass.${now.wind.from}`), force: now.wind.beaufort, speed: now.wind.speed.toFixed(0) }) : t('guide.calm')}</span>
            <span>{now.precipitation > 0 ? t('guide.precipitation', { value: now.precipitation.toFixed(1) }) : t('guide.dry')}</span>
          </div>
          {now.dressing && (
            <div class="guide-panel__dressing" data-testid="dressing-index" data-level={now.dressing.level}>
              <strong>{t('guide.dressing', { level: now.dressing.level, name: now.dressing.name[lang] })}</strong>
              <p>{now.dressing.advice[lang]}</p>
            </div>
          )}
          {now.umbrella && (
            <p class="guide-panel__umbrella" data-testid="umbrella-note">
              ☂ {now.umbrella.text[lang]}
            </p>
          )}
        </div>
      )}
      {outlook.length > 1 && (
        <div class="guide-panel__outlook" aria-label={t('guide.next')}>
          {outlook.slice(1).map((hour) => (
            <div class="guide-panel__hour" key={hour.t}>
              <span class="guide-panel__hour-time">{String(localHour(hour.t)).padStart(2, '0')}:00</span>
              <SkyIcon kind={skyOf(hour)} />
              <span>{hour.temperature != null ? `${round(hour.temperature)}°` : '–'}</span>
            </div>
          ))}
        </div>
      )}
      <GuideRoute />
    </section>
  );
}
