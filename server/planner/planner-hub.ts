/**
 * The planner's socket events, for the planner and operator roles of a joined room: run a what-if
 * in the background (progress and end broadcast to the room as scenario:job), cancel it, list and
 * load saved scenarios, flip the room's traffic between baseline and a scenario, and lay a weather
 * preset over a window. Every request is validated; refusals come back through the acknowledgement.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TrafficFlowObserved } from '../../src/protocol/entities.js';
import type { PlannerStateWire, RouteChangeWire, ScenarioJobWire, ScenarioResultWire } from '../../src/protocol/planner-wire.js';
import type { Scenario } from '../../src/protocol/scenario.js';
import type { AckOf, ClientEventName, ParsedPayload } from '../../src/protocol/socket-events.js';
import type { CityPack } from '../city/city-pack.js';
import type { HubServer } from '../hub/hub.js';
import { onEvent, type EventContext, type EventGuard, type HubSocket, type Joined } from '../hub/on-event.js';
import type { Logger } from '../logger.js';
import { asStoreError, unavailableReason, type Database } from '../store/database.js';
import type { FeedSource } from '../sources/feed-source.js';
import { ReplaySource } from '../sources/replay-source.js';
import { createRouteGraph, edgeTravelTimes, planRoute } from '../traffic/route-service.js';
import { checkScenario, loadScenario, saveScenario, scenarioContextOf, type ScenarioContext } from '../traffic/scenario.js';
import type { TrafficCity } from '../traffic/traffic-city.js';
import type { WhatIfOptions } from '../traffic/what-if.js';
import { WhatIfJobs, type WhatIfJobState, type WhatIfRunner } from '../traffic/what-if-jobs.js';
import type { PlannerRoomControls } from './planner-room-source.js';
import type { PlannerRooms } from './planner-rooms.js';
import { loadResult, recordingDir, saveResult, scenarioSummaries } from './scenario-results.js';
import { WEATHER_SPEED_FACTORS } from './weather-presets.js';
import { publicMessage } from '../public-message.js';

/** What the planner needs. */
export interface PlannerHubDeps {
  logger: Logger;
  /** The feed's rooms, as the composition root adapts them. */
  rooms: PlannerRooms;
  pack: CityPack;
  /** Loads the city for SUMO (with its roads), once, on the first run. */
  loadCity: () => Promise<TrafficCity>;
  /** Where saved scenarios and their last results are kept. */
  database: Database;
  /** Where what-ifs leave their recordings (`<dir>/<id>/recording`). */
  dir: string;
  /** How what-ifs run (as the baseline was built: day start, trips, seed). */
  whatIf: Omit<WhatIfOptions, 'signal' | 'dir'>;
  /** The baseline's traffic, for the guide route's baseline time. */
  baselineTraffic: FeedSource | null;
  /** Stand-in for runWhatIf in tests. */
  runner?: WhatIfRunner;
  /** How many saved scenarios the list shows (default 50). */
  maxListed?: number;
  /** Counts a refused planner message (the feed's metrics). */
  rejected?: () => void;
}

/** A planner's refusal for a failed read or write: the store's client-safe reason, or a plain "try again". */
const refusal = (what: string, error: Error): string => `${what}: ${unavailableReason(error) ?? 'the server failed; try again'}`;

const isFlow = (entity: { type: string }): entity is TrafficFlowObserved => entity.type === 'TrafficFlowObserved';

/** The room a planner event came from, with its controls. */
interface PlannedRoom {
  name: string;
  planner: PlannerRoomControls;
}

/** Attaches the planner's events to the hub's socket.io server; returns a stop function (cancels a running job). */
export function attachPlanner(io: HubServer, deps: PlannerHubDeps): { stop: () => void; jobs: () => WhatIfJobs | null } {
  const context: ScenarioContext = scenarioContextOf(deps.pack, deps.whatIf.dayStartMs);
  const routeGraph = createRouteGraph(deps.pack.graph);
  let jobs: WhatIfJobs | null = null;
  let current: ScenarioJobWire | null = null;
  /** The room and request each job came from. */
  const origins = new Map<string, { room: string; scenario: Scenario; route?: { from: [number, number]; to: [number, number] } }>();
  let lastProgressAt = 0;

  const guard: EventGuard = { logger: deps.logger, ...(deps.rejected ? { rejected: deps.rejected } : {}) };
  const stateOf = (planner: PlannerRoomControls): PlannerStateWire => ({ ...planner.state(), job: current, dayStartMs: deps.whatIf.dayStartMs });
  const broadcastState = (name: string): void => {
    const planner = deps.rooms.controls(name);
    if (planner) deps.rooms.emit(name, 'planner:state', stateOf(planner));
  };

  /** The guide route's travel time at the window's middle under the baseline's flows and the scenario's. */
  const routeChange = async (
    scenarioId: string,
    window: { startMs: number; endMs: number },
    closures: readonly number[],
    route: { from: [number, number]; to: [number, number] },
  ): Promise<RouteChangeWire> => {
    let scenarioSource: ReplaySource | null = null;
    try {
      const t = Math.round((window.startMs + window.endMs) / 2);
      const dir = recordingDir(deps.dir, scenarioId);
      if (!existsSync(join(dir, 'recording.json'))) return { ok: false, error: 'the scenario has no recording' };
      if (!deps.baselineTraffic) return { ok: false, error: 'the server replays no baseline traffic' };
      scenarioSource = await ReplaySource.open(dir);
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
      return { ok: false, error: publicMessage(error) };
    } finally {
      // Read once for this answer: let go of its files and decoding workers.
      await scenarioSource?.close().catch(() => undefined);
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
      deps.rooms.emit(origin.room, 'scenario:job', current);
      return;
    }
    if (state.status !== 'done') {
      current = null;
      origins.delete(state.id);
      deps.rooms.emit(origin.room, 'scenario:job', { id: state.id, scenarioId: state.scenarioId, status: state.status, error: state.error } satisfies ScenarioJobWire);
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
      // The room still sees the result; only the list after a restart lacks it.
      await saveResult(deps.database, wire).catch((error: unknown) => asStoreError(error, deps.logger, 'saving a what-if result'));
      current = null;
      origins.delete(state.id);
      deps.logger.info({ scenario: wire.scenarioId, seconds: Math.round(wire.seconds) }, 'what-if done');
      deps.rooms.emit(origin.room, 'scenario:job', { id: state.id, scenarioId: state.scenarioId, status: 'done', result: wire } satisfies ScenarioJobWire);
      broadcastState(origin.room);
    })();
  };

  const jobsReady = async (): Promise<WhatIfJobs> => {
    jobs ??= new WhatIfJobs(await deps.loadCity(), { ...deps.whatIf, dir: deps.dir }, onJob, ...(deps.runner ? [deps.runner] : []));
    return jobs;
  };

  /** Handles a planner event of a room with planner controls; other rooms are refused. */
  const onPlannerEvent = <E extends ClientEventName>(socket: HubSocket, event: E, handle: (payload: ParsedPayload<E>, context: EventContext<E>, room: PlannedRoom) => void | Promise<void>): void =>
    onEvent(socket, guard, event, (payload, context) => {
      // Every planner event is a room event (the table's roles), so the guard has seen a joined room.
      const name = (context.joined as Joined).room;
      const planner = deps.rooms.controls(name);
      if (!planner) return context.refuse('this room has no planner controls');
      return handle(payload, context, { name, planner });
    });
  const replyState = (room: PlannedRoom, ack: (reply: AckOf<'planner:state'>) => void): void => ack({ ok: true, state: stateOf(room.planner) });

  const onConnection = (socket: HubSocket): void => {
    onPlannerEvent(socket, 'scenario:run', async (request, { ack, refuse }, room) => {
      const checked = checkScenario(request.scenario, context);
      if (!checked.ok) return refuse(`invalid scenario: ${checked.error}`);
      const scenario = { ...checked.scenario };
      // A weather override over the scenario's window slows its traffic by the preset's documented factor.
      const override = room.planner.weatherPreset;
      if (!scenario.weather && override && override.startMs < scenario.window.endMs && override.endMs > scenario.window.startMs && WEATHER_SPEED_FACTORS[override.preset] !== 1) {
        scenario.weather = { speedFactor: WEATHER_SPEED_FACTORS[override.preset] };
      }
      try {
        const running = await jobsReady();
        if (current) return refuse('a what-if is already running; cancel it or wait for it to finish');
        // Saved (committed) before the run starts and the planner hears it started.
        const saved = await saveScenario(deps.database, scenario).then(
          () => null,
          (error: unknown) => asStoreError(error, deps.logger, 'saving a scenario'),
        );
        if (saved) return refuse(refusal('the scenario could not be saved', saved));
        const started = running.start(scenario);
        if (!started.ok) return refuse(started.error);
        origins.set(started.id, { room: room.name, scenario, ...(request.route ? { route: request.route } : {}) });
        current ??= { id: started.id, scenarioId: scenario.id, status: 'running', progress: { stage: 'network', fraction: 0, message: 'starting' } };
        ack({ ok: true, jobId: started.id, scenario });
        deps.rooms.emit(room.name, 'scenario:job', current);
      } catch (error) {
        deps.logger.error({ err: error }, 'what-if could not start');
        refuse(`the what-if could not start: ${publicMessage(error)}`);
      }
    });

    onPlannerEvent(socket, 'scenario:cancel', (request, { ack, refuse }) => {
      const id = request?.jobId ?? current?.id;
      if (!id || !jobs?.cancel(id)) return refuse('no what-if is running');
      ack({ ok: true });
    });

    onPlannerEvent(socket, 'scenario:list', async (_request, { ack, refuse }) => {
      const listed = await scenarioSummaries(deps.database, deps.dir, context, deps.maxListed ?? 50).catch((error: unknown) => asStoreError(error, deps.logger, 'listing scenarios'));
      if (listed instanceof Error) return refuse(refusal('the saved scenarios could not be read', listed));
      ack({ ok: true, scenarios: listed });
    });

    onPlannerEvent(socket, 'scenario:load', async ({ id }, { ack, refuse }) => {
      const read = await Promise.all([loadScenario(deps.database, id, context), loadResult(deps.database, id)]).catch((error: unknown) => asStoreError(error, deps.logger, 'loading a scenario'));
      if (read instanceof Error) return refuse(refusal(`scenario '${id}' could not be read`, read));
      const [loaded, result] = read;
      if (!loaded.ok) return refuse(loaded.error);
      ack({ ok: true, scenario: loaded.scenario, result });
    });

    onPlannerEvent(socket, 'room:traffic-view', async ({ scenarioId: id }, { ack, refuse }, room) => {
      if (id === null) room.planner.setTrafficView(null);
      else {
        const loaded = await loadScenario(deps.database, id, context).catch((error: unknown) => asStoreError(error, deps.logger, 'loading a scenario'));
        if (loaded instanceof Error) return refuse(refusal(`scenario '${id}' could not be read`, loaded));
        if (!loaded.ok) return refuse(loaded.error);
        const dir = recordingDir(deps.dir, id);
        if (!existsSync(join(dir, 'recording.json'))) return refuse(`scenario '${id}' has no recording yet: run it first`);
        room.planner.setTrafficView({ scenarioId: id, window: loaded.scenario.window, recording: await ReplaySource.open(dir) });
      }
      deps.rooms.resync(room.name);
      replyState(room, ack);
      broadcastState(room.name);
    });

    onPlannerEvent(socket, 'room:weather-override', (override, { ack }, room) => {
      room.planner.setWeatherOverride(override);
      deps.rooms.resync(room.name);
      deps.rooms.emit(room.name, 'room:weather', deps.rooms.weather(room.name));
      replyState(room, ack);
      broadcastState(room.name);
    });

    onPlannerEvent(socket, 'planner:state', (_request, { ack }, room) => replyState(room, ack));
  };
  io.on('connection', onConnection);
  // A socket that connected while the city was opening gets the planner's events now.
  for (const socket of io.sockets.sockets.values()) onConnection(socket);

  return {
    jobs: () => jobs,
    stop: () => {
      if (current) jobs?.cancel(current.id);
    },
  };
}
