/** The last result of each saved scenario, kept beside it as `<dir>/<id>.result.json`, and the list the console shows. */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scenarioResultSchema, type ScenarioResultWire, type ScenarioSummaryWire } from '../../src/protocol/planner-wire.js';
import { listScenarios, loadScenario, type ScenarioContext } from '../traffic/scenario.js';

/** Where a scenario's last result is kept. */
export const resultFile = (dir: string, id: string): string => join(dir, `${id}.result.json`);

/** Where a what-if leaves a scenario's recording (runWhatIf: `<dir>/<id>/recording`). */
export const recordingDir = (dir: string, id: string): string => join(dir, id, 'recording');

/** Saves a scenario's result through a temporary file and a rename. */
export async function saveResult(dir: string, result: ScenarioResultWire): Promise<void> {
  await mkdir(dir, { recursive: true });
  const path = resultFile(dir, result.scenarioId);
  const temporary = `${path}.tmp-${process.pid}-${Date.now()}`;
  await writeFile(temporary, `${JSON.stringify(result, null, 2)}\n`);
  await rename(temporary, path);
}

/** A scenario's last result, or null (none saved, or a file that no longer validates: it is run again, not shown wrong). */
export async function loadResult(dir: string, id: string): Promise<ScenarioResultWire | null> {
  try {
    const parsed = scenarioResultSchema.safeParse(JSON.parse(await readFile(resultFile(dir, id), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The saved scenarios that still validate, most recently run first, at most `limit`. */
export async function scenarioSummaries(dir: string, context: ScenarioContext, limit: number): Promise<ScenarioSummaryWire[]> {
  const summaries: ScenarioSummaryWire[] = [];
  for (const id of await listScenarios(dir)) {
    const loaded = await loadScenario(dir, id, context);
    if (!loaded.ok) continue;
    const { scenario } = loaded;
    summaries.push({
      id,
      name: scenario.name,
      window: scenario.window,
      closures: scenario.closures.length,
      demandScale: scenario.demandScale,
      events: scenario.events.length,
      lastResult: await loadResult(dir, id),
      viewable: existsSync(join(recordingDir(dir, id), 'recording.json')),
    });
  }
  summaries.sort((a, b) => (b.lastResult?.finishedAt ?? 0) - (a.lastResult?.finishedAt ?? 0) || (a.id < b.id ? -1 : 1));
  return summaries.slice(0, limit);
}
