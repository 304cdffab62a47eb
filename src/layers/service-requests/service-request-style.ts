/** How a service request looks on the map: colour and size by status, larger while it is new. */
import type { ServiceRequest } from '../../protocol/entities';

/** Style of one case point. */
export interface CaseStyle {
  colour: string;
  size: number;
}

/** Open cases are warm and large, closed ones small and green; a case seen in the last `freshMs` is larger still. */
export function caseStyle(request: Pick<ServiceRequest, 'status'>, ageMs: number, freshMs: number): CaseStyle {
  if (request.status === 'closed') return { colour: '#34d399', size: 7 };
  return ageMs < freshMs ? { colour: '#fb7185', size: 18 } : { colour: '#fb923c', size: 11 };
}
