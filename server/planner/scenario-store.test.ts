import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onBothEngines } from '../../tests/support/both-engines';
import type { ScenarioResultWire } from '../../src/protocol/planner-wire';
import type { Scenario, TrafficKpis } from '../../src/protocol/scenario';
import { createLogger } from '../logger';
import { openDatabase, type Database, type DatabaseLocation } from '../store/database';
import { listScenarios, loadScenario, saveScenario, type ScenarioContext } from '../traffic/scenario';
import { loadResult, recordingDir, saveResult, scenarioSummaries } from './scenario-results';

const logger = createLogger('silent');
const DAY = Date.parse('2014-06-12T00:00:00+08:00');
const HOUR = 3_600_000;
const context: ScenarioContext = { edgeCount: 100, dayStartMs: DAY, dayEndMs: DAY + 24 * HOUR, placeIds: new Set(['way/7']) };
const scenario = (id: string, name: string, closures: number[]): Scenario => ({
  id,
  name,
  window: { startMs: DAY + 7 * HOUR, endMs: DAY + 9 * HOUR },
  closures,
  demandScale: 1.2,
  events: [{ placeOsmId: 'way/7', startMs: DAY + 7 * HOUR, endMs: DAY + 8 * HOUR, extraTrips: 300 }],
});
const kpis = (meanTravelTimeS: number): TrafficKpis => ({ trips: 100, arrived: 98, meanTravelTimeS, totalDelayH: 1, vehicleKm: 500, congestedRoadKm: 1, peakCongestedRoadKm: 2 });
const result = (scenarioId: string, finishedAt: number): ScenarioResultWire => ({
  scenarioId,
  window: { startMs: DAY + 7 * HOUR, endMs: DAY + 9 * HOUR },
  baseline: kpis(600),
  scenario: kpis(720),
  difference: { ...kpis(120), trips: 0 },
  speedFactor: 1,
  route: null,
  seconds: 42,
  finishedAt,
});

/** The same behaviour on both engines. */
function storeContract(name: string, location: () => Promise<DatabaseLocation>) {
  describe(name, () => {
    let where: DatabaseLocation;
    let db: Database;
    let recordings: string;
    beforeAll(async () => {
      where = await location();
      db = await openDatabase(where, logger);
      recordings = await mkdtemp(path.join(os.tmpdir(), 'sandtable-recordings-'));
    });
    afterAll(() => db?.close());

    it('keeps a saved scenario and its result across a reopen, and validates both on reading', async () => {
      const close = scenario('close-zhongshan', '中山东一路早高峰封闭', [3, 4]);
      await saveScenario(db, close);
      await saveResult(db, result('close-zhongshan', 1_000));
      await db.close();
      db = await openDatabase(where, logger);
      expect(await listScenarios(db)).toEqual(['close-zhongshan']);
      expect(await loadScenario(db, 'close-zhongshan', context)).toEqual({ ok: true, scenario: close });
      expect(await loadResult(db, 'close-zhongshan')).toEqual(result('close-zhongshan', 1_000));
      // Loading validates again: the same row against a smaller graph is refused with the reason.
      const smaller = await loadScenario(db, 'close-zhongshan', { ...context, edgeCount: 4 });
      expect(smaller.ok === false && smaller.error).toMatch(/closures: unknown graph edge 4 /);
      expect(await loadScenario(db, 'missing', context)).toEqual({ ok: false, error: "no saved scenario 'missing'" });
      expect(await loadResult(db, 'missing')).toBeNull();
    });

    it('drops the last result of a scenario saved changed, keeps it for one saved the same', async () => {
      const same = scenario('same-again', 'Same', [1]);
      await saveScenario(db, same);
      await saveResult(db, result('same-again', 2_000));
      await saveScenario(db, same);
      expect(await loadResult(db, 'same-again')).not.toBeNull();
      await saveScenario(db, { ...same, closures: [1, 2] });
      expect(await loadResult(db, 'same-again')).toBeNull();
      expect(await loadScenario(db, 'same-again', context)).toEqual({ ok: true, scenario: { ...same, closures: [1, 2] } });
    });

    it('refuses a result for a scenario never saved', async () => {
      await expect(saveResult(db, result('never-saved', 1))).rejects.toThrow(/foreign key/);
    });

    it('lists what still validates, most recently run first, with a result that no longer validates shown as none', async () => {
      await saveScenario(db, scenario('late-run', 'Late', [5]));
      await saveResult(db, result('late-run', 9_000));
      await saveScenario(db, scenario('too-big', 'Too big', [99]));
      await saveScenario(db, scenario('bad-result', 'Bad result', [6]));
      await db.query('insert into planner_results (scenario_id, result, finished_at) values ($1, $2, $3)', ['bad-result', JSON.stringify({ scenarioId: 'bad-result' }), 5]);
      await mkdir(recordingDir(recordings, 'late-run'), { recursive: true });
      await writeFile(path.join(recordingDir(recordings, 'late-run'), 'recording.json'), '{}');
      const listed = await scenarioSummaries(db, recordings, { ...context, edgeCount: 50 }, 50);
      expect(listed.map((s) => [s.id, s.lastResult?.finishedAt ?? null, s.viewable])).toEqual([
        ['late-run', 9_000, true],
        ['close-zhongshan', 1_000, false],
        ['bad-result', null, false],
        ['same-again', null, false],
      ]);
      expect(listed[1]).toMatchObject({ name: '中山东一路早高峰封闭', closures: 2, demandScale: 1.2, events: 1 });
      expect((await scenarioSummaries(db, recordings, context, 2)).map((s) => s.id)).toEqual(['late-run', 'close-zhongshan']);
    });
  });
}

onBothEngines('scenarios and results', storeContract);
