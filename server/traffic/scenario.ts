/**
 * A planner's what-if scenario against the city: the protocol's schema (src/protocol/scenario.ts)
 * with the checks that need the city's graph and day layered on it, and saved as JSON, atomically,
 * one file per scenario.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scenarioSchema, type Scenario } from '../../src/protocol/scenario.js';
import { isFileId } from '../../src/protocol/ids.js';
import { publicMessage } from '../public-message.js';

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
  return checkScenario(parsed.data, context);
}

/** Checks a scenario that passed the protocol's schema against the city: known edges, window and events within the day, known places. */
export function checkScenario(scenario: Scenario, context: ScenarioContext): ScenarioResult {
  const unknown = scenario.closures.filter((edge) => edge >= context.edgeCount);
  if (unknown.length > 0)
    return { ok: false, error: `closures: unknown graph edge${unknown.length > 1 ? 's' : ''} ${unknown.slice(0, 5).join(', ')} (the graph has edges 0…${context.edgeCount - 1})` };
  const { startMs, endMs } = scenario.window;
  if (startMs < context.dayStartMs || endMs > context.dayEndMs) {
    return {
      ok: false,
      error: `window: ${new Date(startMs).toISOString()} … ${new Date(endMs).toISOString()} is outside the simulated day ${new Date(context.dayStartMs).toISOString()} … ${new Date(context.dayEndMs).toISOString()}`,
    };
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
    // The reply names the scenario, never the file it lives in.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, error: `no saved scenario '${id}'` };
    return { ok: false, error: `scenario '${id}' cannot be read: ${publicMessage(error)}` };
  }
  return validateScenario(raw, context);
}

/** Ids of the scenarios saved in a folder. */
export async function listScenarios(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -5))
    .filter(isFileId)
    .sort();
}
