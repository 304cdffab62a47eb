/**
 * The planner's socket events: what-if scenarios (run, cancel, list, load), the room's traffic view
 * (baseline ⇄ a scenario's recording) and weather overrides. The scenario's schema is the protocol's
 * (scenario.ts); the server checks it further against the city (server/traffic/scenario.ts).
 */
import { z } from 'zod';
import type { ScenarioInput, TrafficKpis } from './scenario.js';

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
export const trafficViewSchema = z.object({ scenarioId: z.string().min(1).max(64).nullable() }).strict();

const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
/** scenario:run: the scenario (checked by the server against the city) and the guide's route to compare. */
export const scenarioRunSchema = z.object({ scenario: z.unknown(), route: z.object({ from: lonLat, to: lonLat }).strict().optional() }).strict();
export const scenarioIdSchema = z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a scenario id is lower-case letters, digits and dashes') }).strict();
export const scenarioCancelSchema = z.object({ jobId: z.string().max(64).optional() }).strict();

/** A scenario as the planner page writes it (the server fills in defaults and checks it). */
export type ScenarioWire = ScenarioInput;

/** The guide's route travel time at the window's middle, baseline and scenario. */
export type RouteChangeWire = { ok: true; lengthM: number; baselineS: number; scenarioS: number; freeFlowS: number } | { ok: false; error: string };

/** A what-if's outcome as the console shows it. */
export interface ScenarioResultWire {
  scenarioId: string;
  window: { startMs: number; endMs: number };
  baseline: TrafficKpis;
  scenario: TrafficKpis;
  difference: TrafficKpis;
  /** The speed factor the scenario ran with (weather), 1 when none. */
  speedFactor: number;
  route: RouteChangeWire | null;
  seconds: number;
  finishedAt: number;
}

/** scenario:job: a job's progress or end, broadcast to the room that started it. */
export type ScenarioJobWire =
  | { id: string; scenarioId: string; status: 'running'; progress: { stage: string; fraction: number; message: string } }
  | { id: string; scenarioId: string; status: 'done'; result: ScenarioResultWire }
  | { id: string; scenarioId: string; status: 'failed' | 'cancelled'; error: string };

/** A saved scenario in the list, with its last result. */
export interface ScenarioSummaryWire {
  id: string;
  name: string;
  window: { startMs: number; endMs: number };
  closures: number;
  demandScale: number;
  events: number;
  lastResult: ScenarioResultWire | null;
  /** Whether its recording is there to flip to. */
  viewable: boolean;
}

/** planner:state: the room's traffic view and weather override, sent to the room on every change. */
export interface PlannerStateWire {
  trafficView: { scenarioId: string; window: { startMs: number; endMs: number } } | null;
  weatherOverride: WeatherOverride | null;
  /** The job running on the server, if any. */
  job: ScenarioJobWire | null;
  /** Start of the simulated day scenarios are set in (epoch ms): the console's hours count from it. */
  dayStartMs: number;
}

type Ack<T extends object = object> = (reply: ({ ok: true } & T) | { ok: false; error: string }) => void;

/** Planner events a client emits (planner and operator roles only). */
export interface PlannerClientEvents {
  'scenario:run': (request: { scenario: ScenarioWire; route?: { from: [number, number]; to: [number, number] } }, ack: Ack<{ jobId: string; scenario: ScenarioWire }>) => void;
  'scenario:cancel': (request: { jobId?: string }, ack: Ack) => void;
  'scenario:list': (request: Record<string, never>, ack: Ack<{ scenarios: ScenarioSummaryWire[] }>) => void;
  'scenario:load': (request: { id: string }, ack: Ack<{ scenario: ScenarioWire; result: ScenarioResultWire | null }>) => void;
  'room:traffic-view': (request: { scenarioId: string | null }, ack: Ack<{ state: PlannerStateWire }>) => void;
  'room:weather-override': (request: WeatherOverride | null, ack: Ack<{ state: PlannerStateWire }>) => void;
  'planner:state': (request: Record<string, never>, ack: Ack<{ state: PlannerStateWire }>) => void;
}

/** Planner events the server emits to a room. */
export interface PlannerServerEvents {
  'scenario:job': (job: ScenarioJobWire) => void;
  'planner:state': (state: PlannerStateWire) => void;
}
