/** A visitor kiosk: the same city and guide as the wall, on a touchscreen, joining its hall as a kiosk. */
import 'cesium/Build/Cesium/Widgets/widgets.css';
import '../wall/wall.css';
import './kiosk.css';
import { startCitySurface } from '../city-surface';

startCitySurface('kiosk');
