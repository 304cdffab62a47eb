/** The room's weather outlook from the server (`/api/weather/outlook`), validated on arrival. */
import { outlookReplySchema, type OutlookHour } from '../protocol/guide';

/** Now and the next `hours` hours of a room; null when the server did not answer or the reply does not validate. */
export async function fetchWeatherOutlook(room: string, hours: number, signal?: AbortSignal): Promise<OutlookHour[] | null> {
  const response = await fetch(`/api/weather/outlook?room=${encodeURIComponent(room)}&hours=${hours}`, { signal }).catch(() => null);
  if (!response?.ok) return null;
  const reply = outlookReplySchema.safeParse(await response.json().catch(() => null));
  return reply.success && reply.data.ok ? reply.data.hours : null;
}
