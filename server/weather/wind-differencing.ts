/**
 * Undoing cumulative columns. Some series publish a running sum instead of the hour's value: the
 * UCI "PM2.5 Data of Five Chinese Cities" wind speed `Iws` adds the hourly speed up while the
 * direction `cbwd` stays the same and starts again when it changes (or after a missing value).
 */

const HOUR_MS = 3_600_000;

/** What differencing needs from a row. */
export interface CumulativeSample {
  t: number;
  /** The run key: the direction code as written (null: missing). */
  windCode: string | null;
  /** The cumulative value (null: missing). */
  value: number | null;
}

/** Hourly speeds and how many rows started a new run. */
export interface DifferencedSeries {
  values: (number | null)[];
  /** Rows whose value was taken as is, because a run started there. */
  runStarts: number;
  /** Rows inside a run whose sum went down: the source restarted the count, so the value is taken as is. */
  restarts: number;
  /** Rows right after missing hours: their speed is unknown (null), see `differenceDirectionRuns`. */
  gaps: number;
}

/** Rounds away the float noise that subtraction adds to 2-decimal data. */
const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Hourly values of a series cumulated within runs of one direction: inside a run (same code as the
 * row one hour before, both values present) value[i] = sum[i] − sum[i−1]; on the first row of a run —
 * the file's first row, a new code or the row after a missing value — value[i] = sum[i].
 *
 * The row after missing hours gets null, not a guess. Its sum may have kept adding up through the
 * hours that are not there (then it is a running total, not a speed), or the run may have started
 * again inside them (a direction change and back, or a missing value, both reset the count) — the
 * row cannot tell which. Spreading the difference over the hours it covers would state a speed for
 * this hour that the data do not give, and would be wrong whenever the run restarted in the gap. The
 * next row, one hour on, differences against this row's sum again, so only the one hour is lost.
 */
export function differenceDirectionRuns(samples: readonly CumulativeSample[]): DifferencedSeries {
  const values: (number | null)[] = [];
  let runStarts = 0;
  let restarts = 0;
  let gaps = 0;
  for (let i = 0; i < samples.length; i++) {
    const here = samples[i]!;
    const before = samples[i - 1];
    if (here.value === null || here.windCode === null) {
      values.push(null);
      continue;
    }
    if (before !== undefined && here.t - before.t !== HOUR_MS) {
      gaps++;
      values.push(null);
      continue;
    }
    const continues = before !== undefined && before.value !== null && before.windCode === here.windCode;
    if (!continues) {
      runStarts++;
      values.push(round2(here.value));
    } else if (here.value < before.value!) {
      restarts++;
      values.push(round2(here.value));
    } else values.push(round2(here.value - before.value!));
  }
  return { values, runStarts, restarts, gaps };
}

/**
 * Hourly amounts of a running total (e.g. precipitation since a rain began): the increase over the
 * row one hour before; the value itself on the first row, after a missing value or a drop (the total
 * restarted); null on the row after missing hours, for the reason `differenceDirectionRuns` gives.
 */
export function differenceRunningTotal(samples: readonly { t: number; value: number | null }[]): (number | null)[] {
  return samples.map((here, i) => {
    const before = samples[i - 1];
    if (here.value === null) return null;
    if (before && here.t - before.t !== HOUR_MS) return null;
    if (!before || before.value === null || here.value < before.value) return round2(here.value);
    return round2(here.value - before.value);
  });
}
