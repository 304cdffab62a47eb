/**
 * The staff's clock control: play/pause, the rate, a seek bar over the replayed extent with the
 * named weather days, and every refusal the server sends back. Shown on an operator's wall or
 * kiosk and in the planner's console, for the page's room.
 */
import { useState } from 'preact/hooks';
import { zoneOffsetMs } from '../city/time-zone';
import type { ClockController, ControlResult } from '../connection/clock-controller';
import { formatCityTime } from '../i18n/format-time';
import type { StringKey } from '../i18n/strings';
import { translate } from '../i18n/translate';
import { simTimeAt, type ClockCommand } from '../protocol/clock';
import type { AppStore } from '../store/app-store';
import type { NamedDay } from '../weather/named-days-file';
import './clock-control.css';
import { SeekBar } from './seek-bar';
import { useAppState } from './use-app-state';
import { useNow } from './use-now';

/** The rates offered: real time, then a day in 2.4 h, 24 min, 4.8 min and 24 s. */
export const CONTROL_RATES = [1, 10, 60, 300, 3600] as const;

/** Props of the clock control. */
export interface ClockControlProps {
  store: AppStore;
  controller: ClockController;
  /** The city's IANA zone (from the pack manifest). */
  timeZone: string;
  /** The city's named weather days (days.json); those outside the extent are listed apart. */
  namedDays: NamedDay[];
  /** Wall: sized for 5 m; planner: sized for the console. */
  variant: 'wall' | 'planner';
}

/** The control. */
export function ClockControl({ store, controller, timeZone, namedDays, variant }: ClockControlProps) {
  const clock = useAppState(store, (s) => s.clock);
  const locale = useAppState(store, (s) => s.locale);
  const now = useNow(500);
  const [error, setError] = useState<string | null>(null);
  // The room's weather day as the server tells every screen of the room, not this page's last tap.
  const weatherDay = useAppState(store, (s) => s.roomWeather?.day ?? null);
  const t = (key: StringKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const dayLocale = locale === 'en' ? 'en' : 'zh';

  const report = (result: ControlResult): boolean => {
    setError(result.ok ? null : result.error === null ? t('clockControl.noAnswer') : t('clockControl.refused', { reason: result.error }));
    return result.ok;
  };
  const send = async (command: ClockCommand) => report(await controller.command(command));
  const layWeather = async (date: string | null) => {
    if (controller.weatherDay) report(await controller.weatherDay(date));
  };

  const sync = clock.sync;
  const extent = clock.extent;
  const simTime = sync ? simTimeAt(sync, now, clock.serverOffsetMs) : null;
  const cityTime = (ms: number) => formatCityTime(ms, zoneOffsetMs(ms, timeZone) / 3_600_000, locale);
  const readout = (ms: number): string => `${cityTime(ms).date} ${cityTime(ms).time}`;
  /** "12 June 2014 00:00 – 23:59", the date said once when the replay is one local day. */
  const extentText = (from: number, to: number): string => {
    const [a, b] = [cityTime(from), cityTime(to)];
    return t('clockControl.extent', { from: `${a.date} ${a.time.slice(0, 5)}`, to: a.date === b.date ? b.time.slice(0, 5) : `${b.date} ${b.time.slice(0, 5)}` });
  };
  const inside = namedDays.filter((day) => extent && day.startMs >= extent.startMs && day.startMs < extent.endMs);
  const outside = namedDays.filter((day) => !inside.includes(day));

  return (
    <section class={`clock-control clock-control--${variant}`} data-testid="clock-control" aria-label={t('clockControl.title')}>
      <div class="clock-control__row">
        <button
          type="button"
          class="clock-control__play"
          data-testid="clock-play"
          data-playing={sync ? String(sync.playing) : undefined}
          disabled={!sync}
          onClick={() => sync && void send({ playing: !sync.playing })}
        >
          {sync?.playing === false ? t('clockControl.play') : t('clockControl.pause')}
        </button>
        <div class="clock-control__rates" role="group" aria-label={t('clockControl.rate')}>
          <span class="clock-control__label">{t('clockControl.rate')}</span>
          {CONTROL_RATES.map((rate) => (
            <button type="button" key={rate} class="clock-control__rate" data-rate={rate} aria-pressed={sync?.rate === rate} disabled={!sync} onClick={() => void send({ rate })}>
              {t('clockControl.rateOption', { rate })}
            </button>
          ))}
        </div>
      </div>
      {extent && simTime !== null ? (
        <>
          <SeekBar
            extent={extent}
            simTimeMs={simTime}
            timeZone={timeZone}
            namedDays={inside}
            // Six-hourly: an hour label at the wall's 28 px needs about 150 px of the bar.
            maxTicks={5}
            locale={dayLocale}
            label={t('clockControl.seek')}
            valueText={readout(simTime)}
            onSeek={(simTimeMs) => void send({ simTimeMs })}
          />
          <p class="clock-control__extent" data-testid="clock-extent">
            {extentText(extent.startMs, extent.endMs - 1)}
          </p>
        </>
      ) : (
        <p class="clock-control__extent">{t('clockControl.live')}</p>
      )}
      {outside.length > 0 && controller.weatherDay ? (
        <div class="clock-control__row" data-testid="clock-outside-days">
          <span class="clock-control__label">{t('clockControl.outside.wall')}</span>
          {outside.map((day) => (
            <button
              type="button"
              key={day.id}
              class="clock-control__day"
              data-named-day={day.id}
              title={day.why[dayLocale]}
              aria-pressed={weatherDay === day.date}
              onClick={() => void layWeather(day.date)}
            >
              {t('clockControl.namedDay', { name: day.name[dayLocale], date: day.date })}
            </button>
          ))}
          {weatherDay ? (
            <button type="button" class="clock-control__day" onClick={() => void layWeather(null)}>
              {t('clockControl.recordedWeather')}
            </button>
          ) : null}
        </div>
      ) : null}
      {outside.length > 0 && !controller.weatherDay ? (
        <p class="clock-control__label" data-testid="clock-outside-days">
          {t('clockControl.outside.planner', {
            days: outside.map((day) => t('clockControl.namedDay', { name: day.name[dayLocale], date: day.date })).join(locale === 'en' ? ', ' : '、'),
          })}
        </p>
      ) : null}
      {error ? (
        <p class="clock-control__error" role="alert" data-testid="clock-control-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
