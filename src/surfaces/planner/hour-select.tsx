/** A select of the demo day's whole hours. */
import { hourLabel } from './planner-context';

/** Props of an hour select. */
export interface HourSelectProps {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (hour: number) => void;
}

/** An hour of the day, `min`…`max`. */
export function HourSelect({ label, value, min, max, onChange }: HourSelectProps) {
  const hours = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <label class="planner-field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(Number((e.target as HTMLSelectElement).value))}>
        {hours.map((h) => (
          <option key={h} value={h}>
            {hourLabel(h)}
          </option>
        ))}
      </select>
    </label>
  );
}
