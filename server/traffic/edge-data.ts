/**
 * SUMO edge data (speed, density, occupancy per edge per interval) → TrafficFlowObserved upserts
 * on the pack's road segments, with a congestion level from the speed against free flow.
 */
import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';
import type { TrafficFlowObserved } from '../../src/protocol/entities.js';
import type { FeedEvent } from '../../src/protocol/feed.js';
import { graphEdgeIndex, sumoEdgeId } from './sumo-network.js';

/** One edge in one interval, as SUMO measured it. */
export interface EdgeSample {
  edge: number;
  /** Interval, SUMO seconds. */
  begin: number;
  end: number;
  /** Mean speed, m/s (absent when no vehicle was measured). */
  speed: number | undefined;
  /** Mean speed ÷ speed limit (the edge's free-flow speed). */
  speedRelative: number | undefined;
  /** Share of the edge's length covered by vehicles, 0…1. */
  occupancy: number;
  /** Vehicles per km. */
  density: number;
  /** Vehicles that entered or departed on the edge in the interval. */
  vehicles: number;
  /** Vehicle-seconds spent on the edge. */
  sampledSeconds: number;
  /** Seconds lost against free flow, summed over vehicles. */
  timeLoss: number;
}

/** Streams an edgeData output and calls `onSample` for each edge of the graph in each interval. */
export async function readEdgeData(file: string, onSample: (sample: EdgeSample) => void): Promise<void> {
  const parser = new SaxesParser();
  let begin = 0;
  let end = 0;
  const num = (value: unknown): number | undefined => (value === undefined || value === '' ? undefined : Number(value));
  parser.on('opentag', (tag) => {
    const a = tag.attributes;
    if (tag.name === 'interval') {
      begin = Number(a.begin);
      end = Number(a.end);
    } else if (tag.name === 'edge') {
      const edge = graphEdgeIndex(String(a.id));
      if (edge < 0) return;
      onSample({
        edge,
        begin,
        end,
        speed: num(a.speed),
        speedRelative: num(a.speedRelative),
        // SUMO writes occupancy in per cent.
        occupancy: Math.min(1, (num(a.occupancy) ?? 0) / 100),
        density: num(a.density) ?? 0,
        vehicles: (num(a.entered) ?? 0) + (num(a.departed) ?? 0),
        sampledSeconds: num(a.sampledSeconds) ?? 0,
        timeLoss: num(a.timeLoss) ?? 0,
      });
    }
  });
  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) parser.write(chunk as string);
  parser.close();
}

/** GTFS-realtime CongestionLevel values. */
export type CongestionLevel = 'UNKNOWN_CONGESTION_LEVEL' | 'RUNNING_SMOOTHLY' | 'STOP_AND_GO' | 'CONGESTION' | 'SEVERE_CONGESTION';

/** Speed ÷ free-flow speed thresholds: at or above 0.7 smooth, 0.5 stop-and-go, 0.3 congestion, below severe. */
export const CONGESTION_THRESHOLDS = { smooth: 0.7, stopAndGo: 0.5, congestion: 0.3 } as const;

/** The congestion level of a relative speed. */
export function congestionLevel(speedRelative: number | undefined): CongestionLevel {
  if (speedRelative === undefined || !Number.isFinite(speedRelative)) return 'UNKNOWN_CONGESTION_LEVEL';
  if (speedRelative >= CONGESTION_THRESHOLDS.smooth) return 'RUNNING_SMOOTHLY';
  if (speedRelative >= CONGESTION_THRESHOLDS.stopAndGo) return 'STOP_AND_GO';
  if (speedRelative >= CONGESTION_THRESHOLDS.congestion) return 'CONGESTION';
  return 'SEVERE_CONGESTION';
}

/** Whether a segment counts as congested (for the flag and the congested road-km KPI): below half its free-flow speed. */
export const isCongested = (speedRelative: number | undefined): boolean => speedRelative !== undefined && speedRelative < CONGESTION_THRESHOLDS.stopAndGo;

/** The entity id of graph edge i's flow. */
export const flowEntityId = (city: string, edge: number): string => `urn:ngsi-ld:TrafficFlowObserved:${city}:${sumoEdgeId(edge)}`;

/**
 * Turns edge samples into feed events, small: a segment's state is sent at the end of an interval
 * only when its level, its speed (5 km/h steps) or its occupancy (5 % steps) changed; a segment
 * that empties is removed, so the map shows only roads with traffic.
 */
export class FlowEvents {
  private readonly last = new Map<number, string>();
  private readonly seenInInterval = new Set<number>();
  private intervalEnd = -Infinity;
  readonly events: FeedEvent[] = [];

  constructor(
    private readonly city: string,
    private readonly originMs: number,
  ) {}

  /** Adds one sample; samples must come interval by interval, as SUMO writes them. */
  add(sample: EdgeSample): void {
    if (sample.end !== this.intervalEnd) this.closeInterval(sample.end);
    if (sample.sampledSeconds <= 0) return;
    this.seenInInterval.add(sample.edge);
    const speedKph = sample.speed === undefined ? undefined : sample.speed * 3.6;
    const level = congestionLevel(sample.speedRelative);
    const key = `${level}|${speedKph === undefined ? '' : Math.round(speedKph / 5)}|${Math.round(sample.occupancy * 20)}`;
    if (this.last.get(sample.edge) === key) return;
    this.last.set(sample.edge, key);
    const t = this.originMs + Math.round(sample.end * 1000);
    const entity: TrafficFlowObserved = {
      id: flowEntityId(this.city, sample.edge),
      type: 'TrafficFlowObserved',
      dateObserved: new Date(t).toISOString(),
      refRoadSegment: sumoEdgeId(sample.edge),
      intensity: sample.vehicles,
      occupancy: Number(sample.occupancy.toFixed(2)),
      congested: isCongested(sample.speedRelative),
      congestionLevel: level,
    };
    if (speedKph !== undefined) entity.averageVehicleSpeed = Math.round(Math.min(300, speedKph));
    this.events.push({ op: 'upsert', t, entity });
  }

  /** Removes segments that had traffic before but none in the interval just ended. */
  private closeInterval(nextEnd: number): void {
    if (Number.isFinite(this.intervalEnd)) {
      const t = this.originMs + Math.round(this.intervalEnd * 1000);
      for (const edge of [...this.last.keys()]) {
        if (this.seenInInterval.has(edge)) continue;
        this.last.delete(edge);
        this.events.push({ op: 'remove', t, id: flowEntityId(this.city, edge) });
      }
    }
    this.seenInInterval.clear();
    this.intervalEnd = nextEnd;
  }

  /** Closes the last interval; returns the events in time order. */
  finish(): FeedEvent[] {
    this.closeInterval(Infinity);
    return this.events;
  }
}
