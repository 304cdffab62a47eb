/** The staff's clock requests over a surface's hub socket, each answered by the server's acknowledgement. */
import type { ClockCommand } from '../protocol/clock';
import type { HubSocket } from './hub-socket';
import { request } from './request';

/** How a request ended: done, refused with the server's reason, or unanswered (error null). */
export type ControlResult = { ok: true } | { ok: false; error: string | null };

/** What the clock control can ask of the room. */
export interface ClockController {
  /** Plays, pauses, sets the rate or seeks (fields applied together). */
  command: (command: ClockCommand) => Promise<ControlResult>;
  /** Lays a recorded day's weather under the room (null: the replayed day's again); absent where the page has its own weather-day picker. */
  weatherDay?: (date: string | null) => Promise<ControlResult>;
}

/** How long a request waits for its acknowledgement (ms). */
const ACK_TIMEOUT_MS = 8_000;

/** The result of an acknowledged request (validated by request()), or of one the server never answered. */
async function settle(reply: Promise<{ ok: true } | { ok: false; error: string }>): Promise<ControlResult> {
  try {
    const answer = await reply;
    return answer.ok ? { ok: true } : { ok: false, error: answer.error };
  } catch {
    return { ok: false, error: null };
  }
}

/** A controller over `socket`; `withWeatherDay` adds the weather-day request (the wall's operator has no other way to it). */
export function createClockController(socket: HubSocket, withWeatherDay: boolean): ClockController {
  return {
    command: (command) => settle(request(socket, 'clock:command', command, { timeoutMs: ACK_TIMEOUT_MS })),
    ...(withWeatherDay ? { weatherDay: (date: string | null) => settle(request(socket, 'room:weather-day', { date }, { timeoutMs: ACK_TIMEOUT_MS })) } : {}),
  };
}
