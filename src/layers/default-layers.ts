/** The registry of the layers every surface can show, registered once by name. */
import { createBuildingsLayer } from './buildings/buildings-layer';
import { createCongestionLayer } from './congestion/congestion-layer';
import { createGroundLayer } from './ground/ground-layer';
import { LayerRegistry } from './layer-registry';
import { createParkingLayer } from './parking/parking-layer';
import { createPlacesLayer } from './places/places-layer';
import { createRoadsLayer } from './roads/roads-layer';
import { createRouteLayer } from './route/route-layer';
import { createServiceRequestsLayer } from './service-requests/service-requests-layer';
import { createVehiclesLayer } from './vehicles/vehicles-layer';
import { createWeatherLayer } from './weather/weather-layer';

/** Creates a registry with the city layers, in draw order (ground under roads under buildings). */
export function createDefaultLayerRegistry(): LayerRegistry {
  return new LayerRegistry()
    .register('ground', createGroundLayer)
    .register('roads', createRoadsLayer)
    .register('congestion', createCongestionLayer)
    .register('buildings', createBuildingsLayer)
    .register('vehicles', createVehiclesLayer)
    .register('places', createPlacesLayer)
    .register('service-requests', createServiceRequestsLayer)
    .register('parking', createParkingLayer)
    .register('route', createRouteLayer)
    .register('weather', createWeatherLayer);
}
