/**
 * The planner's socket events, for the planner and operator roles of a joined room: run a what-if
 * in the background (progress and end broadcast to the room as scenario:job), cancel it, list and
 * load saved scenarios, flip the room's traffic between baseline and a scenario, and lay a weather
 * preset over a window. Every request is validated; refusals come back through the acknowledgement.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Server, Socket } from 'socket.io';
import { PRIVILEGED_ROLES, type FeedAck, type Role } from '../../src/protocol/feed-wire.js';
import type { TrafficFlowObserved } from '../../src/protocol/entities.js';
import {
  scenarioCancelSchema,
  scenarioIdSchema,
  scenarioRunSchema,
  trafficViewSchema,
  weatherOverrideSchema,
  type PlannerStateWire,
  type RouteChangeWire,
  type ScenarioJobWire,
  type ScenarioResultWire,
} from '../../src/protocol/planner-wire.js';
import type { CityPack } from '../city/city-pack.js';
import { roomWeatherOf, type RoomEntry } from '../feed/feed-hub.js';
import type { Logger } from '../logger.js';
import type { FeedSource } from '../sources/feed-source.js';
import { ReplaySource } from '../sources/replay-source.js';
import { createRouteGraph, edgeTravelTimes, planRoute } from '../traffic/route-service.js';
import type { Scenario } from '../../src/protocol/scenario.js';
import { loadScenario, saveScenario, scenarioContextOf, validateScenario, type ScenarioContext } from '../traffic/scenario.js';
import type { TrafficCity } from '../traffic/traffic-city.js';
import type { WhatIfOptions } from '../traffic/what-if.js';
import { WhatIfJobs, type WhatIfJobState, type WhatIfRunner } from '../traffic/what-if-jobs.js';
import { loadResult, recordingDir, saveResult, scenarioSummaries } from './scenario-results.js';
import { WEATHER_SPEED_FACTORS } from './weather-presets.js';

/** What the planner needs. */
export interface PlannerHubDeps {
  logger: Logger;
  /** The feed's rooms (attachFeed) and how to send to one. */
  rooms: Map<string, RoomEntry>;
  emitToRoom: (room: string, event: string, payload: unknown) => void;
  pack: CityPack;
  /** Loads the city for SUMO (with its roads), once, on the first run. */
  loadCity: () => Promise<TrafficCity>;
  /** Where scenarios, their results and recordings are kept. */
  dir: string;
  /** How what-ifs run (as the baseline was built: day start, trips, seed). */
  whatIf: Omit<WhatIfOptions, 'signal' | 'dir'>;
  /** The baseline's traffic, for the guide route's baseline time. */
  baselineTraffic: FeedSource | null;
  /** Stand-in for runWhatIf in tests. */
  runner?: WhatIfRunner;
  /** How many saved scenarios the list shows (default 50). */
  maxListed?: number;
}

interface SocketData {
  room?: string;
  role?: Role;
}

const isFlow = (entity: { type: string }): entity is TrafficFlowObserved => entity.type === 'TrafficFlowObserved';

/** Attaches the planner's events to the socket.io server; returns a stop function (cancels a running job). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function attachPlanner(io: Server<any, any, any, any>, deps: PlannerHubDeps): { stop: () => void; jobs: () => WhatIfJobs | null } {
  const context: ScenarioContext = scenarioContextOf(deps.pack, deps.whatIf.dayStartMs);
  const routeGraph = createRouteGraph(deps.pack.graph);
  let jobs: WhatIfJobs | null = null;
  let current: ScenarioJobWire | null = null;
  /** The room and request each job came from. */
  const origins = new Map<string, { room: string; scenario: Scenario; route?: { from: [number, number]; to: [number, number] } }>();
  let lastProgressAt = 0;

  const stateOf = (room: RoomEntry): PlannerStateWire => ({ ...room.roomSource.planner!.state(), job: current, dayStartMs: deps.whatIf.dayStartMs });
  const broadcastState = (name: string): void => {
    const entry = deps.rooms.get(name);
    if (entry?.roomSource.planner) deps.emitToRoom(name, 'planner:state', stateOf(entry));
  };

  /** The guide route's travel time at the window's middle under the baseline's flows and the scenario's. */
  const routeChange = async (scenarioId: string, window: { startMs: number; endMs: number }, closures: readonly number[], route: { from: [number, number]; to: [number, number] }): Promise<RouteChangeWire> => {
    try {
      const t = Math.round((window.startMs + window.endMs) / 2);
      const dir = recordingDir(deps.dir, scenarioId);
      if (!existsSync(join(dir, 'recording.json'))) return { ok: false, error: 'the scenario has no recording' };
      if (!deps.baselineTraffic) return { ok: false, error: 'the server replays no baseline traffic' };
      const scenarioSource = await ReplaySource.open(dir);
      const flows = async (source: FeedSource) => [...(await source.stateAt(t)).entities.values()].filter(isFlow);
      const baseline = planRoute(routeGraph, edgeTravelTimes(deps.pack.graph, await flows(deps.baselineTraffic)), route.from, route.to, t);
      const scenarioTimes = edgeTravelTimes(deps.pack.graph, await flows(scenarioSource));
      // A closed edge has no flows in the scenario's recording; it must not be routed over at free flow.
      for (const edge of closures) scenarioTimes[edge] = Number.POSITIVE_INFINITY;
      const scenario = planRoute(routeGraph, scenarioTimes, route.from, route.to, t);
      if (!baseline.ok) return baseline;
      if (!scenario.ok) return scenario;
      return { ok: true, lengthM: baseline.lengthM, baselineS: baseline.travelS, scenarioS: scenario.travelS, freeFlowS: baseline.freeFlowS };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  };

  const onJob = (state: WhatIfJobState): void => {
    const origin = origins.get(state.id);
    if (!origin) return;
    if (state.status === 'running') {
      // SUMO reports often; the room hears at most two updates a second (and every stage change).
      const now = Date.now();
      if (current?.status === 'running' && current.progress.stage === state.progress.stage && now - lastProgressAt < 500) return;
      lastProgressAt = now;
      current = { id: state.id, scenarioId: state.scenarioId, status: 'running', progress: state.progress };
      deps.emitToRoom(origin.room, 'scenario:job', current);
      return;
    }
    if (state.status !== 'done') {
      current = null;
      origins.delete(state.id);
      deps.emitToRoom(origin.room, 'scenario:job', { id: state.id, scenarioId: state.scenarioId, status: state.status, error: state.error } satisfies ScenarioJobWire);
      broadcastState(origin.room);
      return;
    }
    const { result } = state;
    void (async () => {
      const wire: ScenarioResultWire = {
        scenarioId: result.scenarioId,
        window: result.window,
        baseline: result.baseline.kpis,
        scenario: result.scenario.kpis,
        difference: result.difference,
        speedFactor: origin.scenario.weather?.speedFactor ?? 1,
        route: origin.route ? await routeChange(result.scenarioId, result.window, origin.scenario.closures, origin.route) : null,
        seconds: result.seconds,
        finishedAt: Date.now(),
      };
      await saveResult(deps.dir, wire).catch((error: unknown) => deps.logger.error({ err: error }, 'what-if result could not be saved'));
      current = null;
      origins.delete(state.id);
      deps.logger.info({ scenario: wire.scenarioId, seconds: Math.round(wire.seconds) }, 'what-if done');
      deps.emitToRoom(origin.room, 'scenario:job', { id: state.id, scenarioId: state.scenarioId, status: 'done', result: wire } satisfies ScenarioJobWire);
      broadcastState(origin.room);
    })();
  };

  const jobsReady = async (): Promise<WhatIfJobs> => {
    jobs ??= new WhatIfJobs(await deps.loadCity(), { ...deps.whatIf, dir: deps.dir }, onJob, ...(deps.runner ? [deps.runner] : []));
    return jobs;
  };

  io.on('connection', (socket: Socket) => {
    const data = socket.data as SocketData;
    /** The caller's room when it may plan, or an error sent back. */
    const guard = (event: string, ack: unknown): { ack: (reply: FeedAck<Record<string, unknown>>) => void; entry: RoomEntry; name: string } | null => {
      if (typeof ack !== 'function') {
        socket.emit('error:reply', { event, error: `${event} needs an acknowledgement callback` });
        return null;
      }
      const reply = ack as (reply: FeedAck<Record<string, unknown>>) => void;
      if (!data.room || !data.role) return reply({ ok: false, error: 'join a room first' }), null;
      if (!PRIVILEGED_ROLES.includes(data.role)) return reply({ ok: false, error: `the ${data.role} role may not plan scenarios` }), null;
      const entry = deps.rooms.get(data.room);
      if (!entry?.roomSource.planner) return reply({ ok: false, error: 'this room has no planner controls' }), null;
      return { ack: reply, entry, name: data.room };
    };
    const issue = (error: { issues: { message: string; path: PropertyKey[] }[] }): string => {
      const first = error.issues[0];
      return first ? `${first.path.length > 0 ? `${first.path.map(String).join('.')}: ` : ''}${first.message}` : '';
    };

    socket.on('scenario:run', async (raw: unknown, ack: unknown) => {
      const caller = guard('scenario:run', ack);
      if (!caller) return;
      const request = scenarioRunSchema.safeParse(raw);
      if (!request.success) return caller.ack({ ok: false, error: `invalid request: ${issue(request.error)}` });
      const checked = validateScenario(request.data.scenario, context);
      if (!checked.ok) return caller.ack({ ok: false, error: `invalid scenario: ${checked.error}` });
      const scenario = { ...checked.scenario };
      // A weather override over the scenario's window slows its traffic by the preset's documented factor.
      const override = caller.entry.roomSource.planner!.weatherPreset;
      if (!scenario.weather && override && override.startMs < scenario.window.endMs && override.endMs > scenario.window.startMs && WEATHER_SPEED_FACTORS[override.preset] !== 1) {
        scenario.weather = { speedFactor: WEATHER_SPEED_FACTORS[override.preset] };
      }
      try {
        const running = await jobsReady();
        if (current) return caller.ack({ ok: false, error: 'a what-if is already running; cancel it or wait for it to finish' });
        await saveScenario(deps.dir, scenario);
        const started = running.start(scenario);
        if (!started.ok) return caller.ack(started);
        origins.set(started.id, { room: caller.name, scenario, ...(request.data.route ? { route: request.data.route } : {}) });
        current ??= { id: started.id, scenarioId: scenario.id, status: 'running', progress: { stage: 'network', fraction: 0, message: 'starting' } };
        caller.ack({ ok: true, jobId: started.id, scenario });
        deps.emitToRoom(caller.name, 'scenario:job', current);
      } catch (error) {
        deps.logger.error({ err: error }, 'what-if could not start');
        caller.ack({ ok: false, error: `the what-if could not start: ${(error as Error).message}` });
      }
    });

    socket.on('scenario:cancel', (raw: unknown, ack: unknown) => {
      const caller = guard('scenario:cancel', ack);
      if (!caller) return;
      const request = scenarioCancelSchema.safeParse(raw ?? {});
      if (!request.success) return caller.ack({ ok: false, error: `invalid request: ${issue(request.error)}` });
      const id = request.data.jobId ?? current?.id;
      if (!id || !jobs?.cancel(id)) return caller.ack({ ok: false, error: 'no what-if is running' });
      caller.ack({ ok: true });
    });

    socket.on('scenario:list', async (_raw: unknown, ack: unknown) => {
      const caller = guard('scenario:list', ack);
      if (!caller) return;
      caller.ack({ ok: true, scenarios: await scenarioSummaries(deps.dir, context, deps.maxListed ?? 50) });
    });

    socket.on('scenario:load', async (raw: unknown, ack: unknown) => {
      const caller = guard('scenario:load', ack);
      if (!caller) return;
      const request = scenarioIdSchema.safeParse(raw);
      if (!request.success) return caller.ack({ ok: false, error: `invalid request: ${issue(request.error)}` });
      const loaded = await loadScenario(deps.dir, request.data.id, context);
      if (!loaded.ok) return caller.ack(loaded);
      caller.ack({ ok: true, scenario: loaded.scenario, result: await loadResult(deps.dir, request.data.id) });
    });

    socket.on('room:traffic-view', async (raw: unknown, ack: unknown) => {
      const caller = guard('room:traffic-view', ack);
      if (!caller) return;
      const request = trafficViewSchema.safeParse(raw);
      if (!request.success) return caller.ack({ ok: false, error: `invalid traffic view: give { scenarioId: "<id>" } or { scenarioId: null }` });
      const planner = caller.entry.roomSource.planner!;
      const id = request.data.scenarioId;
      if (id === null) planner.setTrafficView(null);
      else {
        const loaded = await loadScenario(deps.dir, id, context);
        if (!loaded.ok) return caller.ack({ ok: false, error: loaded.error });
        const dir = recordingDir(deps.dir, id);
        if (!existsSync(join(dir, 'recording.json'))) return caller.ack({ ok: false, error: `scenario '${id}' has no recording yet: run it first` });
        planner.setTrafficView({ scenarioId: id, window: loaded.scenario.window, recording: await ReplaySource.open(dir) });
      }
      caller.entry.room.resync();
      void caller.entry.room.tick();
      caller.ack({ ok: true, state: stateOf(caller.entry) });
      broadcastState(caller.name);
    });

    socket.on('room:weather-override', (raw: unknown, ack: unknown) => {
      const caller = guard('room:weather-override', ack);
      if (!caller) return;
      const request = weatherOverrideSchema.safeParse(raw);
      if (!request.success) return caller.ack({ ok: false, error: `invalid weather override: ${issue(request.error)}` });
      caller.entry.roomSource.planner!.setWeatherOverride(request.data);
      caller.entry.room.resync();
      void caller.entry.room.tick();
      deps.emitToRoom(caller.name, 'room:weather', roomWeatherOf(caller.entry.roomSource));
      caller.ack({ ok: true, state: stateOf(caller.entry) });
      broadcastState(caller.name);
    });

    socket.on('planner:state', (_raw: unknown, ack: unknown) => {
      const caller = guard('planner:state', ack);
      if (!caller) return;
      caller.ack({ ok: true, state: stateOf(caller.entry) });
    });
  });

  return {
    jobs: () => jobs,
    stop: () => {
      if (current) jobs?.cancel(current.id);
    },
  };
}
