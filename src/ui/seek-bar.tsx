/** The seek bar over the replayed extent: a tap anywhere jumps the room's clock there. */
import type { ClockExtent } from '../protocol/clock';
import { seekTime } from '../protocol/clock';
import type { NamedDay } from '../weather/named-days-file';
import { timelineTicks } from './timeline-ticks';

/** Props of the seek bar. */
export interface SeekBarProps {
  extent: ClockExtent;
  /** The room's sim time now. */
  simTimeMs: number;
  /** The city's IANA zone, for the hour labels. */
  timeZone: string;
  /** Named days inside the extent, marked on the bar. */
  namedDays: NamedDay[];
  locale: 'zh' | 'en';
  /** At most this many hour labels (fewer on a narrow bar). */
  maxTicks: number;
  /** Accessible name of the bar. */
  label: string;
  /** Readout of the current time, for assistive technology. */
  valueText: string;
  onSeek: (simTimeMs: number) => void;
}

const percent = (fraction: number): string => `${(Math.min(Math.max(fraction, 0), 1) * 100).toFixed(3)}%`;
/** Keyboard steps: a quarter of an hour, an hour with Page keys. */
const STEP_MS = 15 * 60_000;

/** The bar, its hour labels and its named-day marks. */
export function SeekBar({ extent, simTimeMs, timeZone, namedDays, locale, maxTicks, label, valueText, onSeek }: SeekBarProps) {
  const length = extent.endMs - extent.startMs;
  const fraction = (simTimeMs - extent.startMs) / length;
  const seekAt = (event: MouseEvent) => {
    const track = event.currentTarget as HTMLElement;
    const rect = track.getBoundingClientRect();
    onSeek(seekTime(extent, (event.clientX - rect.left) / rect.width));
  };
  const onKey = (event: KeyboardEvent) => {
    const steps: Record<string, number> = { ArrowLeft: -STEP_MS, ArrowRight: STEP_MS, PageDown: -4 * STEP_MS, PageUp: 4 * STEP_MS };
    const step = steps[event.key];
    if (step === undefined) return;
    event.preventDefault();
    onSeek(seekTime(extent, (simTimeMs + step - extent.startMs) / length));
  };
  return (
    <div class="seek-bar">
      <div
        class="seek-bar__track"
        data-testid="seek-bar"
        role="slider"
        tabIndex={0}
        aria-label={label}
        aria-valuemin={extent.startMs}
        aria-valuemax={extent.endMs}
        aria-valuenow={Math.round(simTimeMs)}
        aria-valuetext={valueText}
        onClick={seekAt}
        onKeyDown={onKey}
      >
        <div class="seek-bar__fill" style={{ width: percent(fraction) }} />
        {namedDays.map((day) => (
          <span key={day.id} class="seek-bar__day" data-named-day={day.id} style={{ left: percent((day.startMs - extent.startMs) / length) }} title={day.why[locale]}>
            {day.name[locale]}
          </span>
        ))}
        <div class="seek-bar__thumb" style={{ left: percent(fraction) }} />
      </div>
      <div class="seek-bar__ticks" aria-hidden="true">
        {timelineTicks(extent, timeZone, maxTicks).map((tick) => (
          <span key={tick.t} class="seek-bar__tick" style={{ left: percent(tick.fraction) }}>
            {tick.label}
          </span>
        ))}
      </div>
    </div>
  );
}
