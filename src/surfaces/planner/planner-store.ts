/**
 * The planner console's state: the scenario being drafted, the job, the last result, the saved
 * scenarios and the room's planner state. A store of its own beside the app store (which holds
 * the scene's clock, feed and layers): it is the planner page's only domain and no other surface reads it.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PlannerStateWire, ScenarioJobWire, ScenarioResultWire, ScenarioSummaryWire, ScenarioWire, WeatherPreset } from '../../protocol/planner-wire';
import type { RoomWeather } from '../../protocol/room-weather';

/** A closed segment: the graph edges it takes (both directions of a two-way road) and its label. */
export interface ClosedSegment {
  edges: number[];
  road: string | null;
  lengthM: number;
}

/** The scenario as the console edits it: hours of the demo day, a percentage, one event. */
export interface ScenarioDraft {
  name: string;
  startHour: number;
  endHour: number;
  segments: ClosedSegment[];
  demandPercent: number;
  /** At a place of the pack, or at a point clicked on the map (`point`), or none. */
  event: { placeOsmId: string | null; point: [number, number] | null; startHour: number; endHour: number; extraTrips: number };
}

/** The whole console state and its actions. */
export interface PlannerState {
  draft: ScenarioDraft;
  job: ScenarioJobWire | null;
  result: ScenarioResultWire | null;
  error: string | null;
  saved: ScenarioSummaryWire[];
  room: PlannerStateWire | null;
  /** The override as the console edits it (follows the room's override whenever that changes). */
  weather: { preset: WeatherPreset | null; startHour: number; endHour: number };
  /** The room's weather day and override, as the server last told them (null before the join). */
  roomWeather: RoomWeather | null;
  /** What the next map click does: close a segment, or place the event. */
  pickMode: 'closure' | 'event-point';
  setPickMode: (mode: PlannerState['pickMode']) => void;
  /** Counts scenarios loaded into the draft (the map looks at the closures of each). */
  loads: number;
  editDraft: (patch: Partial<ScenarioDraft>) => void;
  editEvent: (patch: Partial<ScenarioDraft['event']>) => void;
  toggleSegment: (segment: ClosedSegment) => void;
  removeSegment: (index: number) => void;
  setJob: (job: ScenarioJobWire | null) => void;
  setResult: (result: ScenarioResultWire | null) => void;
  setError: (error: string | null) => void;
  setSaved: (saved: ScenarioSummaryWire[]) => void;
  setRoom: (room: PlannerStateWire) => void;
  editWeather: (patch: Partial<PlannerState['weather']>) => void;
  /** Takes the room's weather state; a changed override also resets the override's controls to it. */
  syncRoomWeather: (weather: RoomWeather, dayStartMs: number) => void;
  loadScenario: (scenario: ScenarioWire, dayStartMs: number, describe: (edge: number) => ClosedSegment) => void;
}

export type PlannerStore = StoreApi<PlannerState>;

/** The demo day's morning peak, closed nothing, demand as recorded. */
export const INITIAL_DRAFT: ScenarioDraft = {
  name: '',
  startHour: 7,
  endHour: 9,
  segments: [],
  demandPercent: 0,
  event: { placeOsmId: null, point: null, startHour: 7, endHour: 8, extraTrips: 500 },
};

/** The override controls before the room said otherwise: none, over the morning peak. */
export const INITIAL_WEATHER: PlannerState['weather'] = { preset: null, startHour: 7, endHour: 9 };

/** A slug id from a name and the time, as the server's schema wants it. */
export function scenarioId(name: string, now = Date.now()): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${slug || 'scenario'}-${now.toString(36)}`;
}

/** The draft as the scenario the server runs. */
export function draftToScenario(draft: ScenarioDraft, dayStartMs: number, id: string): ScenarioWire {
  const at = (hour: number) => dayStartMs + hour * 3_600_000;
  const { event } = draft;
  return {
    id,
    name: draft.name.trim() || id,
    window: { startMs: at(draft.startHour), endMs: at(draft.endHour) },
    closures: [...new Set(draft.segments.flatMap((s) => s.edges))],
    demandScale: 1 + draft.demandPercent / 100,
    events:
      event.placeOsmId || event.point
        ? [
            {
              ...(event.point ? { lon: event.point[0], lat: event.point[1] } : { placeOsmId: event.placeOsmId! }),
              startMs: at(Math.max(event.startHour, draft.startHour)),
              endMs: at(Math.min(event.endHour, draft.endHour)),
              extraTrips: event.extraTrips,
            },
          ]
        : [],
  };
}

/**
 * The event moved inside a new window: its length kept where the window allows, its start kept where
 * that still fits. Without this, narrowing or shifting the window past the event leaves an event the
 * server refuses ("an event must end after it starts") once it is clipped to the window.
 */
export function fitEventToWindow(event: ScenarioDraft['event'], startHour: number, endHour: number): ScenarioDraft['event'] {
  const hours = Math.max(1, Math.min(event.endHour - event.startHour, endHour - startHour));
  const start = Math.max(startHour, Math.min(event.startHour, endHour - hours));
  return start === event.startHour && start + hours === event.endHour ? event : { ...event, startHour: start, endHour: start + hours };
}

/** Creates the console's store. */
export function createPlannerStore(): PlannerStore {
  /** The room's override the controls last took, as they show it. */
  let syncedOverride: string | null = null;
  return createStore<PlannerState>()((set) => ({
    draft: INITIAL_DRAFT,
    job: null,
    result: null,
    error: null,
    saved: [],
    room: null,
    weather: INITIAL_WEATHER,
    roomWeather: null,
    loads: 0,
    pickMode: 'closure',
    setPickMode: (pickMode) => set({ pickMode }),
    editDraft: (patch) =>
      set((s) => {
        const draft = { ...s.draft, ...patch };
        return { draft: { ...draft, event: fitEventToWindow(draft.event, draft.startHour, draft.endHour) } };
      }),
    editEvent: (patch) => set((s) => ({ draft: { ...s.draft, event: { ...s.draft.event, ...patch } } })),
    toggleSegment: (segment) =>
      set((s) => {
        const existing = s.draft.segments.findIndex((x) => x.edges.some((e) => segment.edges.includes(e)));
        const segments = existing >= 0 ? s.draft.segments.filter((_, i) => i !== existing) : [...s.draft.segments, segment];
        return { draft: { ...s.draft, segments } };
      }),
    removeSegment: (index) => set((s) => ({ draft: { ...s.draft, segments: s.draft.segments.filter((_, i) => i !== index) } })),
    setJob: (job) => set({ job }),
    setResult: (result) => set({ result }),
    setError: (error) => set({ error }),
    setSaved: (saved) => set({ saved }),
    setRoom: (room) => set({ room }),
    editWeather: (patch) => set((s) => ({ weather: { ...s.weather, ...patch } })),
    syncRoomWeather: (roomWeather, dayStartMs) =>
      set((s) => {
        const { override } = roomWeather;
        const hour = (ms: number) => Math.round((ms - dayStartMs) / 3_600_000);
        const controls = override ? { preset: override.preset, startHour: hour(override.startMs), endHour: hour(override.endMs) } : { ...s.weather, preset: null };
        // Only a new override (or a new day to count its hours from) moves the controls, so a day change keeps an edit in progress.
        const key = JSON.stringify(override && controls);
        if (key === syncedOverride) return { roomWeather };
        syncedOverride = key;
        return { roomWeather, weather: controls };
      }),
    loadScenario: (scenario, dayStartMs, describe) => {
      const hour = (ms: number) => Math.round((ms - dayStartMs) / 3_600_000);
      const segments: ClosedSegment[] = [];
      for (const edge of scenario.closures ?? []) if (!segments.some((s) => s.edges.includes(edge))) segments.push(describe(edge));
      const event = scenario.events?.[0];
      set((s) => ({
        loads: s.loads + 1,
        draft: {
          name: scenario.name,
          startHour: hour(scenario.window.startMs),
          endHour: hour(scenario.window.endMs),
          segments,
          demandPercent: Math.round(((scenario.demandScale ?? 1) - 1) * 100),
          event: event
            ? {
                placeOsmId: event.placeOsmId ?? null,
                point: event.lon !== undefined && event.lat !== undefined ? [event.lon, event.lat] : null,
                startHour: hour(event.startMs),
                endHour: hour(event.endMs),
                extraTrips: event.extraTrips,
              }
            : INITIAL_DRAFT.event,
        },
      }));
    },
  }));
}
