/** How a service request looks on the map: colour and size by status, larger while it is new. */
import type { ServiceRequest } from '../../protocol/entities';

/** Style of one case point. */
export interface CaseStyle {
  colour: string;
  size: number;
}

/** Open cases are warm and large, closed ones small and green; a new open case is larger still. */
export function caseStyle(request: Pick<ServiceRequest, 'status'>, isNew: boolean): CaseStyle {
  if (request.status === 'closed') return { colour: '#34d399', size: 7 };
  return isNew ? { colour: '#fb7185', size: 18 } : { colour: '#fb923c', size: 11 };
}

/** A case the map can place: one posted with only an address the city could not find has no coordinates. */
export function isPlaced<T extends Pick<ServiceRequest, 'lat' | 'long'>>(request: T): request is T & { lat: number; long: number } {
  return request.lat !== null && request.long !== null;
}

/**
 * Whether a case counts as new: requested in the last `recentSimMs` of the room's sim time, or —
 * for a case that arrived live — first seen less than `freshRealMs` ago.
 */
export function isNewCase(request: Pick<ServiceRequest, 'requested_datetime'>, simNowMs: number, recentSimMs: number, realAgeMs: number, freshRealMs: number): boolean {
  const simAge = simNowMs - Date.parse(request.requested_datetime);
  return (simAge >= 0 && simAge < recentSimMs) || realAgeMs < freshRealMs;
}
