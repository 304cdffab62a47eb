/**
 * The planner's socket events: what-if scenarios (run, cancel, list, load), the room's traffic view
 * (baseline ⇄ a scenario's recording) and weather overrides: the schemas of their payloads and
 * replies (src/protocol/socket-events.ts lists the events). The server checks scenarios further
 * against the city (server/traffic/scenario.ts).
 */
import { z } from 'zod';
import { scenarioSchema, trafficKpisSchema, type ScenarioInput } from './scenario.js';
import { fileIdSchema } from './ids';

/** Weather scenarios a planner can lay over a window. */
export const WEATHER_PRESET_NAMES = ['typhoon', 'heat-wave', 'cold-snap'] as const;
export const weatherPresetSchema = z.enum(WEATHER_PRESET_NAMES);
export type WeatherPreset = z.infer<typeof weatherPresetSchema>;

/** room:weather-override: a preset over a window of sim time, or null to end it. */
export const weatherOverrideSchema = z
  .object({ preset: weatherPresetSchema, startMs: z.number().int(), endMs: z.number().int() })
  .strict()
  .refine((o) => o.endMs > o.startMs, { message: 'the override must end after it starts' })
  .refine((o) => o.endMs - o.startMs <= 7 * 86_400_000, { message: 'an override lasts at most 7 days' })
  .nullable();
export type WeatherOverride = NonNullable<z.infer<typeof weatherOverrideSchema>>;

/** room:traffic-view: which recording the room's traffic comes from inside a scenario's window. */
export const trafficViewSchema = z.object({ scenarioId: fileIdSchema('a scenario id').nullable() }).strict();

const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const windowSchema = z.object({ startMs: z.number(), endMs: z.number() });
/** scenario:run: the scenario (the server checks it further against the city) and the guide's route to compare. */
export const scenarioRunSchema = z.object({ scenario: scenarioSchema, route: z.object({ from: lonLat, to: lonLat }).strict().optional() }).strict();
export const scenarioIdSchema = z.object({ id: fileIdSchema('a scenario id') }).strict();
/** scenario:cancel: a job (default: the running one); sent without arguments it cancels the running one. */
export const scenarioCancelSchema = z
  .object({ jobId: z.string().max(64).optional() })
  .strict()
  .nullish();
/** scenario:list and planner:state take no arguments (anything sent is ignored). */
export const noArgumentsSchema = z.unknown().transform((): Record<string, never> => ({}));

/** A scenario as the planner page writes it (the server fills in defaults and checks it). */
export type ScenarioWire = ScenarioInput;

/** The guide's route travel time at the window's middle, baseline and scenario. */
export const routeChangeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), lengthM: z.number(), baselineS: z.number(), scenarioS: z.number(), freeFlowS: z.number() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type RouteChangeWire = z.infer<typeof routeChangeSchema>;

/** A what-if's outcome as the console shows it. */
export const scenarioResultSchema = z.object({
  scenarioId: z.string(),
  window: windowSchema,
  baseline: trafficKpisSchema,
  scenario: trafficKpisSchema,
  difference: trafficKpisSchema,
  /** The speed factor the scenario ran with (weather), 1 when none. */
  speedFactor: z.number(),
  route: routeChangeSchema.nullable(),
  seconds: z.number(),
  finishedAt: z.number(),
});
export type ScenarioResultWire = z.infer<typeof scenarioResultSchema>;

/** scenario:job: a job's progress or end, broadcast to the room that started it. */
export const scenarioJobSchema = z.union([
  z.object({ id: z.string(), scenarioId: z.string(), status: z.literal('running'), progress: z.object({ stage: z.string(), fraction: z.number(), message: z.string() }) }),
  z.object({ id: z.string(), scenarioId: z.string(), status: z.literal('done'), result: scenarioResultSchema }),
  z.object({ id: z.string(), scenarioId: z.string(), status: z.enum(['failed', 'cancelled']), error: z.string() }),
]);
export type ScenarioJobWire = z.infer<typeof scenarioJobSchema>;

/** A saved scenario in the list, with its last result. */
export const scenarioSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  window: windowSchema,
  closures: z.number(),
  demandScale: z.number(),
  events: z.number(),
  lastResult: scenarioResultSchema.nullable(),
  /** Whether its recording is there to flip to. */
  viewable: z.boolean(),
});
export type ScenarioSummaryWire = z.infer<typeof scenarioSummarySchema>;

/** planner:state: the room's traffic view and weather override, sent to the room on every change. */
export const plannerStateSchema = z.object({
  trafficView: z.object({ scenarioId: z.string(), window: windowSchema }).nullable(),
  weatherOverride: weatherOverrideSchema,
  /** The job running on the server, if any. */
  job: scenarioJobSchema.nullable(),
  /** Start of the simulated day scenarios are set in (epoch ms): the console's hours count from it. */
  dayStartMs: z.number(),
});
export type PlannerStateWire = z.infer<typeof plannerStateSchema>;
