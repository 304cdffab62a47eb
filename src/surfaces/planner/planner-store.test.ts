import { describe, expect, it } from 'vitest';
import { createPlannerStore, draftToScenario, fitEventToWindow, INITIAL_DRAFT, scenarioId } from './planner-store';

const DAY = Date.parse('2014-06-12T00:00:00+08:00');
const HOUR = 3_600_000;

describe('the planner draft', () => {
  it('becomes the scenario the server runs: window in the demo day, closures once each, demand as a scale, the event clipped to the window', () => {
    const store = createPlannerStore();
    store.getState().editDraft({ name: 'Tunnel closed', startHour: 7, endHour: 9, demandPercent: 20 });
    store.getState().toggleSegment({ edges: [238], road: '延安东路隧道', lengthM: 626 });
    store.getState().toggleSegment({ edges: [239, 240], road: null, lengthM: 10 });
    store.getState().editEvent({ placeOsmId: 'way/1', startHour: 6, endHour: 10, extraTrips: 300 });
    const scenario = draftToScenario(store.getState().draft, DAY, 'tunnel-1');
    expect(scenario).toEqual({
      id: 'tunnel-1',
      name: 'Tunnel closed',
      window: { startMs: DAY + 7 * HOUR, endMs: DAY + 9 * HOUR },
      closures: [238, 239, 240],
      demandScale: 1.2,
      events: [{ placeOsmId: 'way/1', startMs: DAY + 7 * HOUR, endMs: DAY + 9 * HOUR, extraTrips: 300 }],
    });
  });

  it('reopens a segment picked again, and loads a saved scenario back into the console', () => {
    const store = createPlannerStore();
    store.getState().toggleSegment({ edges: [5, 6], road: null, lengthM: 1 });
    store.getState().toggleSegment({ edges: [6, 5], road: null, lengthM: 1 });
    expect(store.getState().draft.segments).toEqual([]);
    store.getState().loadScenario({ id: 'x', name: 'X', window: { startMs: DAY + 8 * HOUR, endMs: DAY + 10 * HOUR }, closures: [1, 2, 3], demandScale: 0.5 }, DAY, (edge) => ({
      edges: edge === 1 ? [1, 2] : [edge],
      road: null,
      lengthM: 1,
    }));
    const { draft, loads } = store.getState();
    expect(draft).toMatchObject({ name: 'X', startHour: 8, endHour: 10, demandPercent: -50, event: INITIAL_DRAFT.event });
    expect(draft.segments.map((s) => s.edges)).toEqual([[1, 2], [3]]);
    expect(loads).toBe(1);
  });

  it('places an event at a clicked point instead of a place', () => {
    const store = createPlannerStore();
    store.getState().editEvent({ point: [121.49, 31.24], startHour: 7, endHour: 8, extraTrips: 200 });
    expect(draftToScenario(store.getState().draft, DAY, 'p').events).toEqual([{ lon: 121.49, lat: 31.24, startMs: DAY + 7 * HOUR, endMs: DAY + 8 * HOUR, extraTrips: 200 }]);
  });

  it('keeps the event inside the window when the window moves, so the run is not refused', () => {
    const store = createPlannerStore();
    store.getState().editEvent({ point: [121.49, 31.24], startHour: 7, endHour: 8 });
    // 07:00–09:00 becomes 08:00–10:00: the event, 07:00–08:00, would be clipped to nothing.
    store.getState().editDraft({ startHour: 8, endHour: 10 });
    expect(store.getState().draft.event).toMatchObject({ startHour: 8, endHour: 9 });
    const [event] = draftToScenario(store.getState().draft, DAY, 'w').events!;
    expect(event!.endMs - event!.startMs).toBe(HOUR);
    // Any window, any event: the event always lies inside, at least an hour long.
    for (let start = 0; start < 24; start++) {
      for (let end = start + 1; end <= Math.min(24, start + 6); end++) {
        for (let from = 0; from < 24; from++) {
          for (let to = from + 1; to <= 24; to++) {
            const fitted = fitEventToWindow({ ...INITIAL_DRAFT.event, startHour: from, endHour: to }, start, end);
            expect(fitted.startHour).toBeGreaterThanOrEqual(start);
            expect(fitted.endHour).toBeLessThanOrEqual(end);
            expect(fitted.endHour - fitted.startHour).toBe(Math.max(1, Math.min(to - from, end - start)));
            if (from >= start && to <= end) expect(fitted).toMatchObject({ startHour: from, endHour: to });
          }
        }
      }
    }
  });

  it('makes ids the server accepts from any name', () => {
    for (const name of ['Tunnel closed!', '延安东路', '', '--a--']) expect(scenarioId(name, 1_700_000_000_000)).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
  });
});

describe('the room’s weather in the console', () => {
  it('starts from the room’s weather day and override, and resets the override controls only when the room’s override changes', () => {
    const store = createPlannerStore();
    expect(store.getState().roomWeather).toBeNull();
    const typhoon = { preset: 'typhoon' as const, startMs: DAY + 16 * HOUR, endMs: DAY + 18 * HOUR };
    store.getState().syncRoomWeather({ day: '2013-08-07', override: typhoon }, DAY);
    expect(store.getState().roomWeather).toEqual({ day: '2013-08-07', override: typhoon });
    expect(store.getState().weather).toEqual({ preset: 'typhoon', startHour: 16, endHour: 18 });
    // The planner starts editing; a change of the day alone leaves the edit alone.
    store.getState().editWeather({ preset: 'cold-snap' });
    store.getState().syncRoomWeather({ day: null, override: { ...typhoon } }, DAY);
    expect(store.getState().weather.preset).toBe('cold-snap');
    expect(store.getState().roomWeather!.day).toBeNull();
    // The override ended (here or in another console): the controls show none again.
    store.getState().syncRoomWeather({ day: null, override: null }, DAY);
    expect(store.getState().weather).toEqual({ preset: null, startHour: 16, endHour: 18 });
  });
});

describe('the override controls before the day is known', () => {
  it('count the override’s hours again once the day to count from arrives', () => {
    const store = createPlannerStore();
    const typhoon = { preset: 'typhoon' as const, startMs: DAY + 15 * HOUR, endMs: DAY + 17 * HOUR };
    store.getState().syncRoomWeather({ day: null, override: typhoon }, 0); // the console's first link, before planner:state brought the day
    store.getState().syncRoomWeather({ day: null, override: typhoon }, DAY);
    expect(store.getState().weather).toEqual({ preset: 'typhoon', startHour: 15, endHour: 17 });
  });
});
