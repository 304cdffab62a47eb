/**
 * A planner's what-if scenario on the wire and on disk: a time window of the demo day, road segments
 * closed, demand scaled, events that draw extra trips, and optionally weather that slows everyone
 * down. The checks that need the city (edges exist, window inside the day, known places) are the
 * server's, layered on this schema (server/traffic/scenario.ts).
 */
import { z } from 'zod';
import { fileIdSchema } from './ids';

/** Longest window a what-if re-simulates: longer belongs to a full rebuild. */
export const MAX_WINDOW_MS = 6 * 3_600_000;

/** An event that draws extra trips to one place during a time window (a concert, a fair, a match). */
export const scenarioEventSchema = z
  .object({
    name: z.string().max(200).optional(),
    /** A place of the pack ("node/123", "way/456") … */
    placeOsmId: z.string().min(1).max(64).optional(),
    /** … or a point. */
    lon: z.number().min(-180).max(180).optional(),
    lat: z.number().min(-90).max(90).optional(),
    /** When the extra trips depart, epoch ms. */
    startMs: z.number().int(),
    endMs: z.number().int(),
    extraTrips: z.number().int().min(1).max(20_000),
  })
  .refine((e) => (e.placeOsmId !== undefined) !== (e.lon !== undefined && e.lat !== undefined), { message: 'an event needs either placeOsmId or both lon and lat' })
  .refine((e) => e.endMs > e.startMs, { message: 'an event must end after it starts' });
export type ScenarioEvent = z.infer<typeof scenarioEventSchema>;

/** The scenario as saved and sent over the socket. */
export const scenarioSchema = z
  .object({
    id: fileIdSchema('a scenario id'),
    name: z.string().min(1).max(200),
    /** The re-simulated window, epoch ms. */
    window: z.object({ startMs: z.number().int(), endMs: z.number().int() }),
    /** Closed road segments: indices into the pack's graph edges. */
    closures: z.array(z.number().int().nonnegative()).max(2000).default([]),
    /** Multiplies the window's trips (0.5 = half the traffic, 2 = twice). */
    demandScale: z.number().min(0).max(3).default(1),
    events: z.array(scenarioEventSchema).max(20).default([]),
    /** Weather slowing traffic: every road's speed limit × speedFactor. */
    weather: z.object({ speedFactor: z.number().min(0.2).max(1.2) }).optional(),
  })
  .refine((s) => s.window.endMs > s.window.startMs, { message: 'window must end after it starts', path: ['window'] })
  .refine((s) => s.window.endMs - s.window.startMs <= MAX_WINDOW_MS, { message: `window must be at most ${MAX_WINDOW_MS / 3_600_000} hours`, path: ['window'] });
/** A scenario with its defaults filled in, as the server keeps it. */
export type Scenario = z.infer<typeof scenarioSchema>;
/** A scenario as written by hand or by the planner page, before defaults. */
export type ScenarioInput = z.input<typeof scenarioSchema>;

/** KPIs of one run over the window, computed the same way for a baseline and a scenario (server/traffic/kpi.ts). */
export const trafficKpisSchema = z.object({
  /** Trips that departed in the window. */
  trips: z.number(),
  /** Of those, how many reached their destination before the run ended. */
  arrived: z.number(),
  /** Mean door-to-door time of those trips, seconds (unfinished ones count with their time so far). */
  meanTravelTimeS: z.number(),
  /** Time lost against driving at each road's free-flow speed, summed, vehicle-hours (SUMO's timeLoss). */
  totalDelayH: z.number(),
  /** Distance driven by those trips, km. */
  vehicleKm: z.number(),
  /** Road length below half its free-flow speed, km, averaged over the window's 5-minute intervals. */
  congestedRoadKm: z.number(),
  /** The same at the worst interval. */
  peakCongestedRoadKm: z.number(),
});
/** KPIs of one run over the window. */
export type TrafficKpis = z.infer<typeof trafficKpisSchema>;
