/**
 * The last result of each saved scenario (planner_results, docs/storage.md), the list the console
 * shows, and where a what-if leaves its recording: files, `<dir>/<id>/recording`, beside the database.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioResultSchema, type ScenarioResultWire, type ScenarioSummaryWire } from '../../src/protocol/planner-wire.js';
import type { Queryable } from '../store/database.js';
import { validateScenario, type ScenarioContext } from '../traffic/scenario.js';

/** Where a what-if leaves a scenario's recording (runWhatIf: `<dir>/<id>/recording`). */
export const recordingDir = (dir: string, id: string): string => join(dir, id, 'recording');

/** Saves a scenario's result (its scenario must be saved), replacing the one before; resolves once committed. */
export async function saveResult(db: Queryable, result: ScenarioResultWire): Promise<void> {
  await db.query(
    'insert into planner_results (scenario_id, result, finished_at) values ($1, $2, $3) on conflict (scenario_id) do update set result = excluded.result, finished_at = excluded.finished_at, saved_at = now()',
    [result.scenarioId, JSON.stringify(result), result.finishedAt],
  );
}

/** A result as stored, or null when it no longer validates (it is run again, not shown wrong). */
const parseResult = (raw: unknown): ScenarioResultWire | null => {
  const parsed = scenarioResultSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
};

/** A scenario's last result, or null (none saved, or one that no longer validates). */
export async function loadResult(db: Queryable, id: string): Promise<ScenarioResultWire | null> {
  const [row] = await db.query<{ result: unknown }>('select result from planner_results where scenario_id = $1', [id]);
  return row ? parseResult(row.result) : null;
}

/** The saved scenarios that still validate, most recently run first, at most `limit`; `dir` holds their recordings. */
export async function scenarioSummaries(db: Queryable, dir: string, context: ScenarioContext, limit: number): Promise<ScenarioSummaryWire[]> {
  const rows = await db.query<{ id: string; scenario: unknown; result: unknown }>(
    'select s.id, s.scenario, r.result from planner_scenarios s left join planner_results r on r.scenario_id = s.id order by s.id',
  );
  const summaries: ScenarioSummaryWire[] = [];
  for (const row of rows) {
    const loaded = validateScenario(row.scenario, context);
    if (!loaded.ok) continue;
    const { scenario } = loaded;
    summaries.push({
      id: row.id,
      name: scenario.name,
      window: scenario.window,
      closures: scenario.closures.length,
      demandScale: scenario.demandScale,
      events: scenario.events.length,
      lastResult: row.result === null ? null : parseResult(row.result),
      viewable: existsSync(join(recordingDir(dir, row.id), 'recording.json')),
    });
  }
  summaries.sort((a, b) => (b.lastResult?.finishedAt ?? 0) - (a.lastResult?.finishedAt ?? 0) || (a.id < b.id ? -1 : 1));
  return summaries.slice(0, limit);
}
