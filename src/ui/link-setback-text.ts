/** The words for a screen the hub holds back, in the page's language. */
import type { LinkSetback } from '../connection/link-setback';
import type { Locale } from '../i18n/strings';
import { translate } from '../i18n/translate';

/** What a setback says to the hall (shared by the wall's and kiosk's badge and the planner's console). */
export function linkSetbackText(locale: Locale, setback: LinkSetback): string {
  const seconds = Math.round(setback.retryInMs / 1000);
  return setback.kind === 'no-room' ? translate(locale, 'link.noRoom', { room: setback.room, seconds }) : translate(locale, 'link.kicked', { event: setback.event, seconds });
}
