import { describe, expect, it } from 'vitest';
import { validateScenario, type ScenarioContext } from './scenario.js';

const day = Date.parse('2014-06-12T00:00:00+08:00');
const hour = 3_600_000;
const context: ScenarioContext = { edgeCount: 100, dayStartMs: day, dayEndMs: day + 24 * hour, placeIds: new Set(['way/7']) };
const good = {
  id: 'close-zhongshan',
  name: 'Close Zhongshan East 1st Road in the morning peak',
  window: { startMs: day + 7 * hour, endMs: day + 9 * hour },
  closures: [3, 4],
  demandScale: 1.2,
  events: [{ placeOsmId: 'way/7', startMs: day + 7 * hour, endMs: day + 8 * hour, extraTrips: 300 }],
  weather: { speedFactor: 0.8 },
};

describe('scenario validation', () => {
  it('accepts a good scenario and fills defaults', () => {
    const result = validateScenario({ id: 'a', name: 'A', window: good.window }, context);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scenario).toMatchObject({ closures: [], demandScale: 1, events: [] });
    expect(validateScenario(good, context).ok).toBe(true);
  });

  it('refuses an unknown edge, naming it', () => {
    const result = validateScenario({ ...good, closures: [3, 100, 250] }, context);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/closures: unknown graph edges 100, 250/) });
  });

  it('refuses a bad window with a clear message', () => {
    const backwards = validateScenario({ ...good, window: { startMs: day + 9 * hour, endMs: day + 7 * hour } }, context);
    expect(backwards).toEqual({ ok: false, error: 'window: window must end after it starts' });
    const outside = validateScenario({ ...good, window: { startMs: day + 23 * hour, endMs: day + 25 * hour }, events: [] }, context);
    expect(outside.ok === false && outside.error).toMatch(/outside the simulated day/);
    const long = validateScenario({ ...good, window: { startMs: day, endMs: day + 7 * hour } }, context);
    expect(long.ok === false && long.error).toMatch(/at most 6 hours/);
  });

  it('refuses events outside the window, unknown places, and malformed input', () => {
    const late = validateScenario({ ...good, events: [{ ...good.events[0]!, endMs: day + 10 * hour }] }, context);
    expect(late.ok === false && late.error).toMatch(/events\.0: the event must lie within the window/);
    const nowhere = validateScenario({ ...good, events: [{ ...good.events[0]!, placeOsmId: 'node/1' }] }, context);
    expect(nowhere.ok === false && nowhere.error).toMatch(/unknown place 'node\/1'/);
    const both = validateScenario({ ...good, events: [{ startMs: good.window.startMs, endMs: good.window.endMs, extraTrips: 5 }] }, context);
    expect(both.ok === false && both.error).toMatch(/placeOsmId or both lon and lat/);
    expect(validateScenario({ ...good, demandScale: 9 }, context).ok).toBe(false);
    expect(validateScenario({ ...good, id: 'Bad Id' }, context).ok).toBe(false);
    expect(validateScenario('nonsense', context).ok).toBe(false);
  });
});
