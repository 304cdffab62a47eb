/** The wall surface: the city on the big screen. */
// First: zod must be jitless before any schema is made (the pages' CSP has no 'unsafe-eval').
import '../jitless-zod';
import 'cesium/Build/Cesium/Widgets/widgets.css';
import './wall.css';
import { startCitySurface } from '../city-surface';

startCitySurface('wall');
