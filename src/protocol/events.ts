/**
 * Typed socket.io events shared by the server hub and every surface. The protocol imports nothing
 * from server or UI; the next issue (feeds, rooms, Open311) adds events here.
 */
import { z } from 'zod';
import type { ClockCommand, ClockSync } from './clock';
import type { FeedClientEvents, FeedServerEvents } from './feed-wire';
import type { PlannerClientEvents, PlannerServerEvents } from './planner-wire';

/** Surfaces that connect to the hub; each joins a room of its name. */
export const SURFACES = ['wall', 'kiosk', 'planner'] as const;
export const surfaceSchema = z.enum(SURFACES);
export type Surface = z.infer<typeof surfaceSchema>;

/** Acknowledgement of a client request. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string };

/** The hello a client sends after connecting. */
export const helloSchema = z.object({ surface: surfaceSchema }).strict();
export type Hello = z.infer<typeof helloSchema>;

/** What the server sends back to a hello; the clock comes with joining a room (feed:join). */
export interface Welcome {
  /** The server's version string, so a client can reload after a deploy. */
  serverVersion: string;
  /** The city the server serves by default. */
  defaultCity: string;
}

/** Events the server emits. */
export interface ServerEvents extends FeedServerEvents, PlannerServerEvents {
  'clock:sync': (sync: ClockSync) => void;
}

/** Events clients emit; every one takes an acknowledgement callback. */
export interface ClientEvents extends FeedClientEvents, PlannerClientEvents {
  hello: (hello: Hello, ack: (reply: Ack<{ welcome: Welcome }>) => void) => void;
  'clock:command': (command: ClockCommand, ack: (reply: Ack<{ clock: ClockSync }>) => void) => void;
  /** Round-trip time probe used to estimate the server clock offset. */
  'time:ping': (clientTimeMs: number, ack: (reply: Ack<{ serverTimeMs: number }>) => void) => void;
}

/** Socket data the hub keeps per connection. */
export interface SocketData {
  surface?: Surface;
}

/** Public runtime config the server hands to pages at `/api/config`. */
export const publicConfigSchema = z.object({
  defaultCity: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  cities: z.array(z.string()),
  serverVersion: z.string(),
});
export type PublicConfig = z.infer<typeof publicConfigSchema>;
