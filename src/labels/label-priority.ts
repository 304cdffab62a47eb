/**
 * Which labels make room for which: one ordering for every label on the scene. Route ends first (the
 * visitor's own trip), then the main places, the parking district signs, the other places, the
 * street-level parking signs, and last the lot signs, which matter only close up.
 */
import type { PlaceCategory } from '../protocol/city-pack';

/** What a label is, as far as its priority goes. */
export type LabelKind = 'route-end' | 'parking-district' | 'parking-street' | 'parking-lot' | `place:${PlaceCategory}`;

const PLACE_TIERS: Record<PlaceCategory, number> = {
  government: 1,
  hospital: 1,
  mall: 1,
  library: 3,
  school: 3,
  police: 3,
  park: 3,
  parking: 6,
  bus_stop: 6,
};

/** The tier of a kind of label: lower tiers are placed first and win a collision. */
export function labelTier(kind: LabelKind): number {
  switch (kind) {
    case 'route-end':
      return 0;
    case 'parking-district':
      return 2;
    case 'parking-street':
      return 4;
    case 'parking-lot':
      return 5;
    default:
      return PLACE_TIERS[kind.slice('place:'.length) as PlaceCategory] ?? 6;
  }
}
