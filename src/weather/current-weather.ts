/** Which of a room's weather observations is the current one. */
import type { WeatherObserved } from '../protocol/entities';

/**
 * The latest observation by the instant it was made (not by its text: `+08:00` and `Z` stamps of
 * one instant sort differently), so a live station's fresh post wins over the recorded series.
 */
export function currentWeather(observations: Iterable<WeatherObserved>): WeatherObserved | null {
  let best: WeatherObserved | null = null;
  let bestAt = -Infinity;
  for (const o of observations) {
    const at = Date.parse(o.dateObserved);
    if (best === null || at > bestAt) {
      best = o;
      bestAt = at;
    }
  }
  return best;
}
