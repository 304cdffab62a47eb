/**
 * The one rule for which of a room's weather observations is in force. "Now" in the guide panel,
 * the scene's weather effects and the server's outlook all call it, so they cannot disagree
 * (docs/weather.md, "Which weather a room shows").
 */
import type { WeatherObserved } from '../protocol/entities';

/** Where an observation came from; the server stamps it, a missing stamp is the recording. */
export type WeatherProvenance = NonNullable<WeatherObserved['provenance']>;

/**
 * Strongest first. The planner's override and the room's weather day are choices made for the
 * room, so they hide everything below them; a live station and the recording are both
 * observations of the present, so the fresher of the two wins (the live post on a tie).
 */
export const WEATHER_PRECEDENCE: readonly (readonly WeatherProvenance[])[] = [['override'], ['weather-day'], ['live', 'recording']];

const tierOf = (o: WeatherObserved): number => WEATHER_PRECEDENCE.findIndex((tier) => tier.includes(o.provenance ?? 'recording'));

/** Whether `a` outranks `b`: a stronger tier, then the later instant, then live over recorded. */
function outranks(a: WeatherObserved, b: WeatherObserved): boolean {
  const tierA = tierOf(a);
  const tierB = tierOf(b);
  if (tierA !== tierB) return tierA < tierB;
  // By the instant, not the text: `+08:00` and `Z` stamps of one instant sort differently.
  const atA = Date.parse(a.dateObserved);
  const atB = Date.parse(b.dateObserved);
  if (atA !== atB) return atA > atB;
  const liveA = a.provenance === 'live';
  if (liveA !== (b.provenance === 'live')) return liveA;
  return a.id < b.id; // any fixed order, so every reader picks the same one
}

/** The observation in force among a room's WeatherObserved entities, or null when it has none. */
export function effectiveWeather(observations: Iterable<WeatherObserved>): WeatherObserved | null {
  let best: WeatherObserved | null = null;
  for (const o of observations) if (best === null || outranks(o, best)) best = o;
  return best;
}
