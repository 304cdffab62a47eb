/** The wall surface: the city on the big screen. */
import 'cesium/Build/Cesium/Widgets/widgets.css';
import './wall.css';
import { startCitySurface } from '../city-surface';

startCitySurface('wall');
