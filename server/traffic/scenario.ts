/**
 * A planner's what-if scenario: a time window of the demo day, road segments closed, demand scaled,
 * events that draw extra trips, and optionally weather that slows everyone down. Validated with zod
 * against the city's graph and day, and saved as JSON, atomically, one file per scenario.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

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
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'id must be lower-case letters, digits and dashes (at most 64)'),
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
export type Scenario = z.infer<typeof scenarioSchema>;
/** A scenario as written by hand, before defaults. */
export type ScenarioInput = z.input<typeof scenarioSchema>;

/** What a scenario is checked against. */
export interface ScenarioContext {
  /** Number of edges in the pack's graph. */
  edgeCount: number;
  /** The simulated day, epoch ms. */
  dayStartMs: number;
  dayEndMs: number;
  /** OSM ids of the pack's places. */
  placeIds: ReadonlySet<string>;
}

/** The context of a city pack and its simulated day (24 hours from dayStartMs). */
export function scenarioContextOf(city: { graph: { edges: { from: unknown[] } }; places: { properties: { osm_id: string } }[] }, dayStartMs: number): ScenarioContext {
  return { edgeCount: city.graph.edges.from.length, dayStartMs, dayEndMs: dayStartMs + 86_400_000, placeIds: new Set(city.places.map((p) => p.properties.osm_id)) };
}

/** The result of a validation, as acknowledgements carry it. */
export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

/** Validates a scenario against the schema and the city: known edges, window and events within the day, known places. */
export function validateScenario(raw: unknown, context: ScenarioContext): ScenarioResult {
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}` };
  }
  const scenario = parsed.data;
  const unknown = scenario.closures.filter((edge) => edge >= context.edgeCount);
  if (unknown.length > 0) return { ok: false, error: `closures: unknown graph edge${unknown.length > 1 ? 's' : ''} ${unknown.slice(0, 5).join(', ')} (the graph has edges 0…${context.edgeCount - 1})` };
  const { startMs, endMs } = scenario.window;
  if (startMs < context.dayStartMs || endMs > context.dayEndMs) {
    return { ok: false, error: `window: ${new Date(startMs).toISOString()} … ${new Date(endMs).toISOString()} is outside the simulated day ${new Date(context.dayStartMs).toISOString()} … ${new Date(context.dayEndMs).toISOString()}` };
  }
  for (const [i, event] of scenario.events.entries()) {
    if (event.startMs < startMs || event.endMs > endMs) return { ok: false, error: `events.${i}: the event must lie within the window` };
    if (event.placeOsmId !== undefined && !context.placeIds.has(event.placeOsmId)) return { ok: false, error: `events.${i}: unknown place '${event.placeOsmId}'` };
  }
  return { ok: true, scenario };
}

/** The file a scenario is saved in. */
export const scenarioFile = (dir: string, id: string): string => join(dir, `${id}.json`);

/** Saves a scenario (already validated) as `<dir>/<id>.json`, via a temporary file and a rename. */
export async function saveScenario(dir: string, scenario: Scenario): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = scenarioFile(dir, scenario.id);
  const temporary = `${path}.tmp-${process.pid}-${Date.now()}`;
  await writeFile(temporary, `${JSON.stringify(scenario, null, 2)}\n`);
  await rename(temporary, path);
  return path;
}

/** Loads and validates a saved scenario. */
export async function loadScenario(dir: string, id: string, context: ScenarioContext): Promise<ScenarioResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(scenarioFile(dir, id), 'utf8'));
  } catch (error) {
    return { ok: false, error: `cannot read scenario '${id}': ${(error as Error).message}` };
  }
  return validateScenario(raw, context);
}

/** Ids of the scenarios saved in a folder. */
export async function listScenarios(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((name) => /^[a-z0-9][a-z0-9-]*\.json$/.test(name)).map((name) => name.slice(0, -5)).sort();
}
