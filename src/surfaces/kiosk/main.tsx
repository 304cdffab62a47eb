/** A visitor kiosk: the same city and guide as the wall, on a touchscreen, joining its hall as a kiosk. */
// First: zod must be jitless before any schema is made (the pages' CSP has no 'unsafe-eval').
import '../jitless-zod';
import 'cesium/Build/Cesium/Widgets/widgets.css';
import '../wall/wall.css';
import './kiosk.css';
import { startCitySurface } from '../city-surface';

startCitySurface('kiosk');
