/**
 * A planner's KPIs over a window, computed the same way for a baseline and a scenario from SUMO's
 * trip info and edge data: mean travel time, total delay against free flow, vehicle-km, congested road-km.
 */
import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';
import type { TrafficKpis } from '../../src/protocol/scenario.js';
import { isCongested, readEdgeData } from './edge-data.js';

/** Streams a tripinfo output (written with --tripinfo-output.write-unfinished) and sums the trips departing in [fromS, toS). */
export async function tripKpis(tripinfoFile: string, fromS: number, toS: number): Promise<Pick<TrafficKpis, 'trips' | 'arrived' | 'meanTravelTimeS' | 'totalDelayH' | 'vehicleKm'>> {
  let trips = 0;
  let arrived = 0;
  let duration = 0;
  let timeLoss = 0;
  let metres = 0;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    if (tag.name !== 'tripinfo') return;
    const a = tag.attributes;
    const depart = Number(a.depart);
    // Vehicles that never entered have depart -1; they did not drive.
    if (!(depart >= fromS && depart < toS)) return;
    trips++;
    if (Number(a.arrival) >= 0) arrived++;
    duration += Number(a.duration) || 0;
    timeLoss += Number(a.timeLoss) || 0;
    metres += Number(a.routeLength) || 0;
  });
  for await (const chunk of createReadStream(tripinfoFile, { encoding: 'utf8' })) parser.write(chunk as string);
  parser.close();
  return { trips, arrived, meanTravelTimeS: trips === 0 ? 0 : duration / trips, totalDelayH: timeLoss / 3600, vehicleKm: metres / 1000 };
}

/** Congested road-km per edge-data interval within [fromS, toS): mean and worst. */
export async function congestionKpis(edgeDataFile: string, lengthM: ArrayLike<number>, fromS: number, toS: number): Promise<Pick<TrafficKpis, 'congestedRoadKm' | 'peakCongestedRoadKm'>> {
  const byInterval = new Map<number, number>();
  await readEdgeData(edgeDataFile, (sample) => {
    if (sample.begin < fromS || sample.end > toS) return;
    if (!byInterval.has(sample.begin)) byInterval.set(sample.begin, 0);
    if (isCongested(sample.speedRelative)) byInterval.set(sample.begin, byInterval.get(sample.begin)! + (lengthM[sample.edge] ?? 0) / 1000);
  });
  // Intervals where no edge reported are free of traffic, hence of congestion: count them as zero.
  const intervals = Math.max(1, Math.round((toS - fromS) / 300));
  let sum = 0;
  let peak = 0;
  for (const km of byInterval.values()) {
    sum += km;
    peak = Math.max(peak, km);
  }
  return { congestedRoadKm: sum / intervals, peakCongestedRoadKm: peak };
}

/** All KPIs of one run over [fromS, toS). */
export async function windowKpis(files: { tripinfoFile: string; edgeDataFile: string }, lengthM: ArrayLike<number>, fromS: number, toS: number): Promise<TrafficKpis> {
  return { ...(await tripKpis(files.tripinfoFile, fromS, toS)), ...(await congestionKpis(files.edgeDataFile, lengthM, fromS, toS)) };
}
