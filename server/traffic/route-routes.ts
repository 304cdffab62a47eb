/** GET /api/route: the fastest route under the room's current traffic (route-service.ts). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TrafficFlowObserved } from '../../src/protocol/entities.js';
import { routeQuerySchema, type RouteReply } from '../../src/protocol/guide.js';
import { readRoomQuery, sendJson } from '../http/room-query.js';
import type { FeedSource } from '../sources/feed-source.js';
import { edgeTravelTimes, planRoute, type RouteGraph } from './route-service.js';

/** What the route endpoint needs. */
export interface RouteDeps {
  route: RouteGraph;
  source: FeedSource;
  roomTime: (room: string) => number | null;
}

/** Travel times are recomputed at most once per sim minute: flows change every few sim minutes. */
const CACHE_MS = 60_000;

/** Creates the handler; answers GET /api/route, false for any other path. */
export function createRouteHandler(deps: RouteDeps): (request: IncomingMessage, response: ServerResponse) => Promise<boolean> {
  let cached: { minute: number; times: Float64Array } | null = null;
  const timesAt = async (t: number): Promise<Float64Array> => {
    const minute = Math.floor(t / CACHE_MS);
    if (cached?.minute === minute) return cached.times;
    const world = await deps.source.stateAt(t);
    const flows = [...world.entities.values()].filter((e): e is TrafficFlowObserved => e.type === 'TrafficFlowObserved');
    cached = { minute, times: edgeTravelTimes(deps.route.graph, flows) };
    return cached.times;
  };
  return async (request, response) => {
    const read = readRoomQuery(request, response, '/api/route', routeQuerySchema, deps.roomTime);
    if (read === undefined) return false;
    if (read === null) return true;
    const result: RouteReply = planRoute(deps.route, await timesAt(read.t), read.query.from, read.query.to, read.t);
    sendJson(response, result.ok ? 200 : 422, result);
    return true;
  };
}
