/**
 * What a screen does when the hub holds it back rather than merely dropping it: a room that is not
 * open on the server, or a kick for flooding. Neither is retried in a tight loop — a wall set up
 * before staff open its room looks again every half minute, and a kicked page comes back only after
 * a calm pause that doubles with each kick (a page kicked again and again has a bug; it must not
 * become the flood it was dropped for).
 */
import { isNoRoomRefusal } from '../protocol/feed-wire';

/** Why the link to the hub is held back, and when it tries again (ms from now). */
export type LinkSetback = { kind: 'no-room'; room: string; retryInMs: number } | { kind: 'kicked'; event: string; reason: string; retryInMs: number };

/** How often a screen asks again for a room that is not open (ms). */
export const NO_ROOM_RETRY_MS = 30_000;
/** The pause after the first kick (ms); each further kick doubles it, up to KICK_BACKOFF_MAX_MS. */
export const KICK_BACKOFF_MS = 60_000;
/** The longest pause after a kick (ms). */
export const KICK_BACKOFF_MAX_MS = 600_000;

/** The pause before reconnecting after the `kicks`-th kick of this page (1 for the first). */
export function kickBackoffMs(kicks: number): number {
  return Math.min(KICK_BACKOFF_MAX_MS, KICK_BACKOFF_MS * 2 ** Math.max(0, kicks - 1));
}

/** The setback a refused join means: a room that is not open, or null for any other refusal (retried as a lost link is). */
export function joinSetback(error: string, room: string): LinkSetback | null {
  return isNoRoomRefusal(error) ? { kind: 'no-room', room, retryInMs: NO_ROOM_RETRY_MS } : null;
}

/** The setback of the `kicks`-th kick, from the server's hub:kicked. */
export function kickSetback(kick: { event: string; reason: string }, kicks: number): LinkSetback {
  return { kind: 'kicked', event: kick.event, reason: kick.reason, retryInMs: kickBackoffMs(kicks) };
}
