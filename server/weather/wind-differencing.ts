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
}

/** Rounds away the float noise that subtraction adds to 2-decimal data. */
const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Hourly values of a series cumulated within runs of one direction: inside a run (same code as the
 * row one hour before, both values present) value[i] = sum[i] − sum[i−1]; on the first row of a run —
 * a new code, or the row after a missing value or a missing hour — value[i] = sum[i].
 */
export function differenceDirectionRuns(samples: readonly CumulativeSample[]): DifferencedSeries {
  const values: (number | null)[] = [];
  let runStarts = 0;
  let restarts = 0;
  for (let i = 0; i < samples.length; i++) {
    const here = samples[i]!;
    const before = samples[i - 1];
    if (here.value === null || here.windCode === null) {
      values.push(null);
      continue;
    }
    const continues = before !== undefined && before.value !== null && before.windCode === here.windCode && here.t - before.t === HOUR_MS;
    if (!continues) {
      runStarts++;
      values.push(round2(here.value));
    } else if (here.value < before.value!) {
      restarts++;
      values.push(round2(here.value));
    } else values.push(round2(here.value - before.value!));
  }
  return { values, runStarts, restarts };
}

/**
 * Hourly amounts of a running total (e.g. precipitation since a rain began): the increase over the
 * row one hour before; the value itself after a gap, a missing value or a drop (the total restarted).
 */
export function differenceRunningTotal(samples: readonly { t: number; value: number | null }[]): (number | null)[] {
  return samples.map((here, i) => {
    const before = samples[i - 1];
    if (here.value === null) return null;
    if (!before || before.value === null || here.t - before.t !== HOUR_MS || here.value < before.value) return round2(here.value);
    return round2(here.value - before.value);
  });
}
