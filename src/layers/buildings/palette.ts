/**
 * The sand-table palette: one colour per use class, light and clearly apart in hue so a 4K wall
 * reads at ten metres, over a dark ground. Engine-free; the layer turns it into a 3D Tiles style.
 */
import { USE_CLASSES, type UseClass } from '../../protocol/city-pack';

/** CSS colours by use class. */
export const USE_CLASS_COLOURS: Record<UseClass, string> = {
  residential: '#f1e3c6', // warm sand: the bulk of any city, kept quiet
  commercial: '#f4a259', // orange: shops and malls stand out on the river front
  office: '#8ec5ff', // sky blue: the towers of a CBD
  government: '#ffd166', // gold: the service halls the tour visits
  school: '#90d67f', // green
  hospital: '#ff7b7b', // coral red
  industrial: '#b9a7e0', // lavender
  other: '#d4d8de', // pale grey
};

/** Colour of buildings whose use class is missing or unknown. */
export const FALLBACK_COLOUR = USE_CLASS_COLOURS.other;

/** The Cesium 3D Tiles style JSON that colours features by `use_class`. */
export function buildingStyleJson(colours: Record<UseClass, string> = USE_CLASS_COLOURS): {
  color: { conditions: [string, string][] };
  show: string;
} {
  const conditions: [string, string][] = USE_CLASSES.map((useClass) => [`\${use_class} === '${useClass}'`, `color('${colours[useClass]}')`]);
  conditions.push(['true', `color('${FALLBACK_COLOUR}')`]);
  return { color: { conditions }, show: 'true' };
}
