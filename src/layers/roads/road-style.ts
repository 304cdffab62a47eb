/** Engine-free road styling: width in pixels and colour by OSM highway class. */

/** How a road class is drawn. */
export interface RoadStyle {
  /** Screen width in pixels at the wall's resolution. */
  width: number;
  /** CSS colour. */
  colour: string;
  /** Draw order rank: higher ranks are drawn on top. */
  rank: number;
}

const MAJOR: RoadStyle = { width: 4, colour: '#9fb4d0', rank: 4 };
const SECONDARY: RoadStyle = { width: 3, colour: '#7f95b3', rank: 3 };
const MINOR: RoadStyle = { width: 2, colour: '#5c6f8a', rank: 2 };
const SERVICE: RoadStyle = { width: 1.5, colour: '#46576e', rank: 1 };
const PATH: RoadStyle = { width: 1, colour: '#3b4a5e', rank: 0 };

const BY_CLASS: Record<string, RoadStyle> = {
  motorway: MAJOR,
  trunk: MAJOR,
  primary: MAJOR,
  motorway_link: SECONDARY,
  trunk_link: SECONDARY,
  primary_link: SECONDARY,
  secondary: SECONDARY,
  secondary_link: MINOR,
  tertiary: MINOR,
  tertiary_link: MINOR,
  residential: MINOR,
  unclassified: MINOR,
  living_street: MINOR,
  service: SERVICE,
};

/** The style of a highway class; footways, paths and anything unknown are drawn as paths. */
export function roadStyleFor(highwayClass: string): RoadStyle {
  return BY_CLASS[highwayClass] ?? PATH;
}
