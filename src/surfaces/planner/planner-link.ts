/** The console's requests over the page's hub socket, and the room's planner broadcasts into the planner store. */
import { io } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import type { HubSocket } from '../../connection/hub-socket';
import { request } from '../../connection/request';
import { onServerEvent } from '../../connection/server-event';
import type { PlannerStateWire, ScenarioJobWire, WeatherOverride } from '../../protocol/planner-wire';
import type { AppState, AppStore } from '../../store/app-store';
import { draftToScenario, scenarioId, type ClosedSegment, type PlannerStore } from './planner-store';

/** Tries the token on a short-lived socket: null when the server takes it, else the server's reason. */
export async function checkToken(room: string, token: string): Promise<string | null> {
  const socket: HubSocket = io({ parser: msgpackParser, transports: ['websocket'], reconnection: false, timeout: 8_000 });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const reply = await request(socket, 'feed:join', { room, role: 'planner', token }, { timeoutMs: 8_000 });
    return reply.ok ? null : reply.error;
  } catch (error) {
    return String(error);
  } finally {
    socket.close();
  }
}

/** What the console can ask the server. */
export interface PlannerLink {
  run: () => Promise<void>;
  rerun: (id: string) => Promise<void>;
  cancel: () => Promise<void>;
  load: (id: string) => Promise<void>;
  refresh: () => Promise<void>;
  view: (scenarioId: string | null) => Promise<void>;
  weather: (override: WeatherOverride | null) => Promise<void>;
  /** Lays a recorded day's weather under the room; resolves to the day in force, or null when refused. */
  weatherDay: (date: string | null) => Promise<string | null>;
  close: () => void;
}

/** Options of the link: the day the scenarios live in, the guide route to compare, how to label a closed edge. */
export interface PlannerLinkOptions {
  dayStartMs: number;
  route: { from: [number, number]; to: [number, number] } | null;
  describe: (edge: number) => ClosedSegment;
}

/** Binds the planner events of `socket` to the planner store. */
export function attachPlannerLink(socket: HubSocket, app: AppStore, store: PlannerStore, options: PlannerLinkOptions): PlannerLink {
  const state = () => store.getState();
  const refused = (reply: { ok: boolean; error?: string }): boolean => {
    if (reply.ok) return false;
    state().setError(reply.error ?? 'refused');
    return true;
  };
  const onJob = (job: ScenarioJobWire) => {
    state().setJob(job);
    if (job.status === 'done') state().setResult(job.result);
    // The scenario was saved when it started: a cancelled or failed run is in the list as well.
    if (job.status !== 'running') link.refresh().catch(() => undefined);
  };
  const onState = (room: PlannerStateWire) => state().setRoom(room);
  // The room's broadcasts, parsed on arrival; one that does not validate is counted in the app store and dropped.
  const dropped = (event: 'scenario:job' | 'planner:state') => app.getState().countInvalidEvent(event);
  const offJob = onServerEvent(socket, 'scenario:job', onJob, dropped);
  const offState = onServerEvent(socket, 'planner:state', onState, dropped);

  const start = async (scenario: ReturnType<typeof draftToScenario>) => {
    state().setError(null);
    const reply = await request(socket, 'scenario:run', { scenario, ...(options.route ? { route: options.route } : {}) }, { timeoutMs: 15_000 });
    if (!refused(reply)) state().setResult(null);
  };

  const link: PlannerLink = {
    run: () => start(draftToScenario(state().draft, options.dayStartMs, scenarioId(state().draft.name))),
    rerun: async (id) => {
      const reply = await request(socket, 'scenario:load', { id }, { timeoutMs: 8_000 });
      if (refused(reply) || !reply.ok) return;
      state().loadScenario(reply.scenario, options.dayStartMs, options.describe);
      await start(reply.scenario);
    },
    cancel: async () => {
      refused(await request(socket, 'scenario:cancel', {}, { timeoutMs: 8_000 }));
    },
    load: async (id) => {
      const reply = await request(socket, 'scenario:load', { id }, { timeoutMs: 8_000 });
      if (refused(reply) || !reply.ok) return;
      state().loadScenario(reply.scenario, options.dayStartMs, options.describe);
      state().setResult(reply.result);
    },
    refresh: async () => {
      const [list, room] = await Promise.all([request(socket, 'scenario:list', {}, { timeoutMs: 8_000 }), request(socket, 'planner:state', {}, { timeoutMs: 8_000 })]);
      if (list.ok) state().setSaved(list.scenarios);
      if (room.ok) {
        state().setRoom(room.state);
        if (room.state.job && !state().job) state().setJob(room.state.job);
      }
    },
    view: async (scenarioId) => {
      const reply = await request(socket, 'room:traffic-view', { scenarioId }, { timeoutMs: 15_000 });
      if (!refused(reply) && reply.ok) state().setRoom(reply.state);
    },
    weather: async (override) => {
      const reply = await request(socket, 'room:weather-override', override, { timeoutMs: 8_000 });
      if (!refused(reply) && reply.ok) state().setRoom(reply.state);
    },
    weatherDay: async (date) => {
      const reply = await request(socket, 'room:weather-day', { date }, { timeoutMs: 8_000 });
      return refused(reply) || !reply.ok ? null : reply.date;
    },
    close: () => {
      offConnected();
      offWeather();
      offJob();
      offState();
    },
  };
  // The room's weather day and override come with every (re)join and change: the console starts from them.
  const syncWeather = (weather: AppState['roomWeather']) => weather && state().syncRoomWeather(weather, options.dayStartMs);
  const offWeather = app.subscribe((s, previous) => s.roomWeather !== previous.roomWeather && syncWeather(s.roomWeather));
  syncWeather(app.getState().roomWeather);
  // Each (re)join: read the room's planner state and the saved scenarios.
  let status = app.getState().connection.status;
  const offConnected = app.subscribe((s) => {
    if (s.connection.status === status) return;
    status = s.connection.status;
    if (status === 'connected') link.refresh().catch(() => undefined);
  });
  if (status === 'connected') link.refresh().catch(() => undefined);
  return link;
}
