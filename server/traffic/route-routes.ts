/** GET /api/route: the fastest route under the room's current traffic (route-service.ts). */
import type { RouteHandlerMethod } from 'fastify';
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

/** Creates the handler of GET /api/route. */
export function createRouteHandler(deps: RouteDeps): RouteHandlerMethod {
  let cached: { minute: number; times: Float64Array } | null = null;
  const timesAt = async (t: number): Promise<Float64Array> => {
    const minute = Math.floor(t / CACHE_MS);
    if (cached?.minute === minute) return cached.times;
    const world = await deps.source.stateAt(t);
    const flows = [...world.entities.values()].filter((e): e is TrafficFlowObserved => e.type === 'TrafficFlowObserved');
    cached = { minute, times: edgeTravelTimes(deps.route.graph, flows) };
    return cached.times;
  };
  return async (request, reply) => {
    const read = readRoomQuery(request, reply, routeQuerySchema, deps.roomTime);
    if (read === null) return reply;
    const result: RouteReply = planRoute(deps.route, await timesAt(read.t), read.query.from, read.query.to, read.t);
    return sendJson(reply, result.ok ? 200 : 422, result);
  };
}
