/**
 * The travel guide's HTTP API, shared by server and surfaces: the weather outlook ahead of the
 * room's clock and the fastest route under current traffic. Queries are validated with zod.
 */
import { z } from 'zod';
import { roomNameSchema } from './feed-wire.js';

/** "lon,lat" in degrees. */
export const lonLatParamSchema = z
  .string()
  .regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/, 'a point is "lon,lat" in degrees')
  .transform((text) => text.split(',').map(Number) as [number, number])
  .refine(([lon, lat]) => Math.abs(lon) <= 180 && Math.abs(lat) <= 90, 'longitude within ±180°, latitude within ±90°');

/** GET /api/weather/outlook?room=&hours= */
export const outlookQuerySchema = z
  .object({
    room: roomNameSchema.default('main'),
    hours: z.coerce.number().int().min(1).max(24).default(6),
  })
  .strict();
export type OutlookQuery = z.infer<typeof outlookQuerySchema>;

/** One hour of the outlook: the observation in force at `t` (fields of WeatherObserved). */
export const outlookHourSchema = z.object({
  t: z.number(),
  temperature: z.number().nullable(),
  relativeHumidity: z.number().nullable(),
  windSpeed: z.number().nullable(),
  windDirection: z.number().nullable(),
  precipitation: z.number().nullable(),
  pm25: z.number().nullable(),
});
export type OutlookHour = z.infer<typeof outlookHourSchema>;

/** The outlook reply, validated by the page on arrival. */
export const outlookReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), room: z.string(), t: z.number(), hours: z.array(outlookHourSchema) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type OutlookReply = z.infer<typeof outlookReplySchema>;

/** GET /api/route?room=&from=lon,lat&to=lon,lat */
export const routeQuerySchema = z
  .object({
    room: roomNameSchema.default('main'),
    from: lonLatParamSchema,
    to: lonLatParamSchema,
  })
  .strict();
export type RouteQuery = z.infer<typeof routeQuerySchema>;

/** A route: the path along the roads and its times under current traffic and in free flow. */
export const routeFoundSchema = z
  .object({
    ok: z.literal(true),
    /** Sim time whose traffic weighted the edges. */
    t: z.number().finite(),
    /** Graph nodes the two points snapped to. */
    fromNode: z.number().int().nonnegative(),
    toNode: z.number().int().nonnegative(),
    edges: z.array(z.number().int().nonnegative()),
    /** The path as [lon, lat] points. */
    coordinates: z.array(z.tuple([z.number().finite(), z.number().finite()])),
    lengthM: z.number().finite().nonnegative(),
    travelS: z.number().finite().nonnegative(),
    freeFlowS: z.number().finite().nonnegative(),
  })
  .strict();
export type RouteFound = z.infer<typeof routeFoundSchema>;

/** The route reply (GET /api/route): a route, or why there is none. */
export const routeReplySchema = z.discriminatedUnion('ok', [routeFoundSchema, z.object({ ok: z.literal(false), error: z.string() }).strict()]);
export type RouteReply = z.infer<typeof routeReplySchema>;
