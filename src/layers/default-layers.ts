/** The registry of the layers every surface can show, registered once by name, with the props a surface chose. */
import { createBuildingsLayer, type BuildingsLayerProps } from './buildings/buildings-layer';
import { createCongestionLayer, type CongestionLayerProps } from './congestion/congestion-layer';
import { createGroundLayer, type GroundLayerProps } from './ground/ground-layer';
import { LayerRegistry } from './layer-registry';
import { createParkingLayer, type ParkingLayerProps } from './parking/parking-layer';
import { createPlacesLayer, type PlacesLayerProps } from './places/places-layer';
import { createRoadsLayer, type RoadsLayerProps } from './roads/roads-layer';
import { createRouteLayer, type RouteLayerProps } from './route/route-layer';
import { createServiceRequestsLayer, type ServiceRequestsLayerProps } from './service-requests/service-requests-layer';
import { createVehiclesLayer, type VehiclesLayerProps } from './vehicles/vehicles-layer';
import { createWeatherLayer, type WeatherLayerProps } from './weather/weather-layer';

/** Props a surface may set per city layer (each over the layer's defaults). */
export interface DefaultLayerProps {
  ground?: Partial<GroundLayerProps>;
  roads?: Partial<RoadsLayerProps>;
  congestion?: Partial<CongestionLayerProps>;
  buildings?: Partial<BuildingsLayerProps>;
  vehicles?: Partial<VehiclesLayerProps>;
  places?: Partial<PlacesLayerProps>;
  'service-requests'?: Partial<ServiceRequestsLayerProps>;
  parking?: Partial<ParkingLayerProps>;
  route?: Partial<RouteLayerProps>;
  weather?: Partial<WeatherLayerProps>;
}

/** Creates a registry with the city layers, in draw order (ground under roads under buildings). */
export function createDefaultLayerRegistry(props: DefaultLayerProps = {}) {
  return new LayerRegistry()
    .register('ground', createGroundLayer, props.ground)
    .register('roads', createRoadsLayer, props.roads)
    .register('congestion', createCongestionLayer, props.congestion)
    .register('buildings', createBuildingsLayer, props.buildings)
    .register('vehicles', createVehiclesLayer, props.vehicles)
    .register('places', createPlacesLayer, props.places)
    .register('service-requests', createServiceRequestsLayer, props['service-requests'])
    .register('parking', createParkingLayer, props.parking)
    .register('route', createRouteLayer, props.route)
    .register('weather', createWeatherLayer, props.weather);
}
