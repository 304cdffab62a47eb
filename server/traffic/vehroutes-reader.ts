/** Reads SUMO's vehicle routes with edge exit times into RouteTrips on the pack's graph (streaming). */
import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';
import { tripCategorySchema, type RouteTrip, type TripCategory } from '../../src/protocol/feed.js';
import { graphEdgeIndex } from './sumo-network.js';

/** Trip category of a SUMO vehicle type (our types are named after the categories). */
export function categoryOfType(type: string): TripCategory {
  const parsed = tripCategorySchema.safeParse(type);
  return parsed.success ? parsed.data : 'car';
}

/**
 * One vehicle's route as a RouteTrip: enter[0] is the departure, enter[i] the exit time of edge
 * i − 1, end the exit of the last edge; times are epoch ms from `originMs` + SUMO seconds. Returns
 * null for a route with no edge of the graph or times that do not make a trip.
 */
export function routeTripOf(id: string, type: string, departS: number, edgeIds: string[], exitTimesS: number[], originMs: number): RouteTrip | null {
  if (edgeIds.length === 0 || exitTimesS.length !== edgeIds.length) return null;
  const edges: number[] = [];
  const enter: number[] = [];
  let previousExit = departS;
  for (let i = 0; i < edgeIds.length; i++) {
    const edge = graphEdgeIndex(edgeIds[i]!);
    // Edges that are not the pack's (none today: the network is the graph) are folded into the previous one.
    if (edge >= 0) {
      edges.push(edge);
      enter.push(originMs + Math.round(previousExit * 1000));
    }
    previousExit = Math.max(previousExit, exitTimesS[i]!);
  }
  const end = originMs + Math.round(previousExit * 1000);
  if (edges.length === 0 || end <= enter[enter.length - 1]!) return null;
  return { id, category: categoryOfType(type), edges, enter, end };
}

/** Streams a vehroutes file (written with --vehroute-output.exit-times) and returns its trips sorted by start. */
export async function readVehroutes(file: string, originMs: number): Promise<RouteTrip[]> {
  const trips: RouteTrip[] = [];
  const parser = new SaxesParser();
  let vehicle: { id: string; type: string; depart: number } | null = null;
  parser.on('opentag', (tag) => {
    if (tag.name === 'vehicle') vehicle = { id: String(tag.attributes.id), type: String(tag.attributes.type ?? 'car'), depart: Number(tag.attributes.depart) };
    else if (tag.name === 'route' && vehicle && tag.attributes.exitTimes !== undefined) {
      const edges = String(tag.attributes.edges).trim().split(/\s+/);
      const exits = String(tag.attributes.exitTimes).trim().split(/\s+/).map(Number);
      const trip = routeTripOf(vehicle.id, vehicle.type, vehicle.depart, edges, exits, originMs);
      if (trip) trips.push(trip);
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'vehicle') vehicle = null;
  });
  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) parser.write(chunk as string);
  parser.close();
  // SUMO writes vehicles as they arrive; the feed wants them as they start.
  return trips.sort((a, b) => a.enter[0]! - b.enter[0]! || (a.id < b.id ? -1 : 1));
}
