/** The city clock: date, time, zone and play rate, ticking every second; a badge when paused or not at 1×. */
import './clock-panel.css';
import { formatCityTime } from '../i18n/format-time';
import { simTimeAt } from '../protocol/clock';
import { zoneOffsetMs } from '../city/time-zone';
import { useHud } from './hud-context';
import { useAppState } from './use-app-state';
import { useNow } from './use-now';
import { useTranslate } from './use-translate';

/** Clock readout. */
export function ClockPanel() {
  const { store, manifest } = useHud();
  const clock = useAppState(store, (s) => s.clock);
  const locale = useAppState(store, (s) => s.locale);
  const now = useNow(1000);
  const t = useTranslate();
  if (!clock.sync) return <div class="clock-panel clock-panel--waiting">{t('clock.waiting')}</div>;
  const simTime = simTimeAt(clock.sync, now, clock.serverOffsetMs);
  // The city's own zone from its pack, so the offset is right across daylight saving too.
  const offset = manifest ? zoneOffsetMs(simTime, manifest.timeZone) / 3_600_000 : 0;
  const { date, time, zone } = formatCityTime(simTime, offset, locale);
  return (
    <div class="clock-panel" data-testid="clock">
      <div class="clock-panel__time">{time}</div>
      <div class="clock-panel__date">
        {date} · {zone}
      </div>
      <div class="clock-panel__rate">
        {clock.sync.playing ? t('clock.playing') : t('clock.paused')} · {t('clock.rate', { rate: clock.sync.rate })}
      </div>
      {!clock.sync.playing || clock.sync.rate !== 1 ? (
        <div class="clock-panel__badges">
          {!clock.sync.playing ? (
            <span class="clock-panel__badge clock-panel__badge--paused" data-testid="clock-paused">
              {t('clock.badge.paused')}
            </span>
          ) : null}
          {clock.sync.rate !== 1 ? (
            <span class={`clock-panel__badge${clock.sync.rate < 0 ? ' clock-panel__badge--reverse' : ''}`} data-testid="clock-rate">
              {clock.sync.rate < 0 ? t('clock.badge.reverse', { rate: -clock.sync.rate }) : t('clock.badge.rate', { rate: clock.sync.rate })}
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
