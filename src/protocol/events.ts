/**
 * The hub's greeting and the public config, shared by the server and every surface: surfaces, the
 * hello and its welcome (socket-events.ts lists the events). The protocol imports nothing from
 * server or UI.
 */
import { z } from 'zod';
import { fileIdSchema } from './ids';

/** Surfaces that connect to the hub; each joins a room of its name. */
export const SURFACES = ['wall', 'kiosk', 'planner'] as const;
export const surfaceSchema = z.enum(SURFACES);
export type Surface = z.infer<typeof surfaceSchema>;

/** The hello a client sends after connecting. */
export const helloSchema = z.object({ surface: surfaceSchema }).strict();
export type Hello = z.infer<typeof helloSchema>;

/** What the server sends back to a hello; the clock comes with joining a room (feed:join). */
export const welcomeSchema = z.object({
  /** The server's version string, so a client can reload after a deploy. */
  serverVersion: z.string(),
  /** The city the server serves by default. */
  defaultCity: z.string(),
});
export type Welcome = z.infer<typeof welcomeSchema>;

/** Public runtime config the server hands to pages at `/api/config`. */
export const publicConfigSchema = z.object({
  defaultCity: fileIdSchema('a city id'),
  cities: z.array(z.string()),
  serverVersion: z.string(),
});
export type PublicConfig = z.infer<typeof publicConfigSchema>;
