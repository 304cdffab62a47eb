/** The named days of a city's weather series as the page's server serves them (days.json beside the recording). */
import { namedDaysFileSchema, type NamedDay } from '../weather/named-days-file';

/** The city's named days; none when it has no weather series or the file does not validate. */
export async function fetchNamedDays(city: string): Promise<NamedDay[]> {
  const response = await fetch(`/tiles/recordings/${city}/weather/days.json`).catch(() => null);
  if (!response?.ok) return [];
  const parsed = namedDaysFileSchema.safeParse(await response.json().catch(() => null));
  return parsed.success ? parsed.data.days : [];
}
