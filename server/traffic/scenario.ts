/**
 * A planner's what-if scenario against the city: the protocol's schema (src/protocol/scenario.ts)
 * with the checks that need the city's graph and day layered on it, and saved in the database
 * (planner_scenarios, docs/storage.md), validated again whenever it is read back.
 */
import { scenarioSchema, type Scenario } from '../../src/protocol/scenario.js';
import type { Database, Queryable } from '../store/database.js';

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

/** Saves a scenario (already validated), replacing one of the same id; resolves once committed. A changed scenario loses its last result, which no longer describes it. */
export async function saveScenario(db: Database, scenario: Scenario): Promise<void> {
  const document = JSON.stringify(scenario);
  await db.transaction(async (tx) => {
    await tx.query('delete from planner_results where scenario_id = $1 and exists (select 1 from planner_scenarios where id = $1 and scenario <> $2::jsonb)', [scenario.id, document]);
    await tx.query('insert into planner_scenarios (id, scenario) values ($1, $2) on conflict (id) do update set scenario = excluded.scenario, updated_at = now()', [scenario.id, document]);
  });
}

/** Loads and validates a saved scenario (against today's city: a scenario that no longer fits is refused with the reason). */
export async function loadScenario(db: Queryable, id: string, context: ScenarioContext): Promise<ScenarioResult> {
  const [row] = await db.query<{ scenario: unknown }>('select scenario from planner_scenarios where id = $1', [id]);
  if (!row) return { ok: false, error: `no saved scenario '${id}'` };
  return validateScenario(row.scenario, context);
}

/** Ids of the saved scenarios, in order. */
export async function listScenarios(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ id: string }>('select id from planner_scenarios order by id');
  return rows.map((row) => row.id);
}
