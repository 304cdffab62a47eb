/**
 * Entities on the wire. Field names follow the FIWARE Smart Data Models (dataModel.Weather,
 * dataModel.Transportation, dataModel.Parking, dataModel.Device) in their NGSI key-value form;
 * service requests follow Open311 GeoReport v2. Only the fields the sand table uses are listed,
 * and unknown extra fields are dropped by the schemas.
 */
import { z } from 'zod';

const isoDateTime = z.iso.datetime({ offset: true });
/** GeoJSON Point, [longitude, latitude] WGS84. */
export const geoPointSchema = z.object({
  type: z.literal('Point'),
  coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
});

const entityBase = {
  /** NGSI entity id, e.g. "urn:ngsi-ld:WeatherObserved:shanghai-bund:station-1". */
  id: z.string().min(1).max(256),
  dateObserved: isoDateTime.optional(),
  location: geoPointSchema.optional(),
  name: z.string().max(256).optional(),
};

/** dataModel.Weather/WeatherObserved. */
export const weatherObservedSchema = z.object({
  ...entityBase,
  type: z.literal('WeatherObserved'),
  dateObserved: isoDateTime,
  temperature: z.number().min(-90).max(65).nullable().optional(), // °C
  dewPoint: z.number().min(-90).max(65).nullable().optional(), // °C
  relativeHumidity: z.number().min(0).max(1).nullable().optional(), // 0…1
  atmosphericPressure: z.number().min(800).max(1100).nullable().optional(), // hPa
  windSpeed: z.number().min(0).max(120).nullable().optional(), // m/s
  windDirection: z.number().min(-180).max(360).nullable().optional(), // degrees, where the wind blows from
  precipitation: z.number().min(0).max(500).nullable().optional(), // mm in the observation period
  pm25: z.number().min(0).max(2000).nullable().optional(), // µg/m³ (dataModel.Environment AirQualityObserved name)
  /** Which of the room's weather inputs made it (not FIWARE): the server sets it, src/weather/effective-weather.ts ranks by it; none is the recording. */
  provenance: z.enum(['recording', 'weather-day', 'override', 'live']).optional(),
});

/** dataModel.Transportation/TrafficFlowObserved, one road segment over one interval. */
export const trafficFlowObservedSchema = z.object({
  ...entityBase,
  type: z.literal('TrafficFlowObserved'),
  dateObserved: isoDateTime,
  refRoadSegment: z.string().max(256),
  intensity: z.number().min(0).optional(), // vehicles in the interval
  occupancy: z.number().min(0).max(1).optional(),
  averageVehicleSpeed: z.number().min(0).max(300).optional(), // km/h
  congested: z.boolean().optional(),
  /** GTFS-realtime CongestionLevel, from the speed against free flow (docs/traffic.md has the thresholds). */
  congestionLevel: z.enum(['UNKNOWN_CONGESTION_LEVEL', 'RUNNING_SMOOTHLY', 'STOP_AND_GO', 'CONGESTION', 'SEVERE_CONGESTION']).optional(),
});

/** dataModel.Parking/OffStreetParking. */
export const offStreetParkingSchema = z.object({
  ...entityBase,
  type: z.literal('OffStreetParking'),
  totalSpotNumber: z.number().int().min(0),
  availableSpotNumber: z.number().int().min(0),
  occupancy: z.number().min(0).max(1).optional(),
  status: z.array(z.enum(['open', 'closed', 'full', 'almostFull', 'spacesAvailable', 'outOfService'])).optional(),
});

/** dataModel.Parking/ParkingSpot. */
export const parkingSpotSchema = z.object({
  ...entityBase,
  type: z.literal('ParkingSpot'),
  status: z.enum(['free', 'occupied', 'closed', 'unknown']),
  refParkingSite: z.string().max(256).optional(),
});

/** dataModel.Device/Device: a sensor or machine and its last reading. */
export const deviceSchema = z.object({
  ...entityBase,
  type: z.literal('Device'),
  category: z.array(z.string().max(64)).max(8).optional(),
  controlledProperty: z.array(z.string().max(64)).max(16).optional(),
  deviceState: z.string().max(64).optional(),
  batteryLevel: z.number().min(0).max(1).optional(),
  value: z.string().max(1024).optional(),
  dateLastValueReported: isoDateTime.optional(),
});

/** An Open311 GeoReport v2 service request (field names as the spec writes them). */
export const serviceRequestSchema = z
  .object({
    id: z.string().min(1).max(256),
    type: z.literal('ServiceRequest'),
    service_request_id: z.string().min(1).max(64),
    status: z.enum(['open', 'closed']),
    status_notes: z.string().max(2000).nullable(),
    service_name: z.string().max(256),
    service_code: z.string().max(64),
    description: z.string().max(4000).nullable(),
    agency_responsible: z.string().max(256).nullable(),
    service_notice: z.string().max(1000).nullable(),
    requested_datetime: isoDateTime,
    updated_datetime: isoDateTime,
    expected_datetime: isoDateTime.nullable(),
    address: z.string().max(512).nullable(),
    address_id: z.string().max(64).nullable(),
    zipcode: z.string().max(16).nullable(),
    /** Null with `long` when the request names only an address the city could not place (docs/feed.md, Open311). */
    lat: z.number().min(-90).max(90).nullable(),
    long: z.number().min(-180).max(180).nullable(),
    media_url: z.string().max(1024).nullable(),
    /** Extension: when the server received a posted request, real time (requested_datetime is the hall's sim instant); absent for replayed cases. */
    received_datetime: isoDateTime.nullable().optional(),
  })
  .refine((request) => (request.lat === null) === (request.long === null), { message: 'lat and long are both given or both null', path: ['long'] });

/** Any entity the feed carries, told apart by `type`. */
export const entitySchema = z.discriminatedUnion('type', [weatherObservedSchema, trafficFlowObservedSchema, offStreetParkingSchema, parkingSpotSchema, deviceSchema, serviceRequestSchema]);
export type Entity = z.infer<typeof entitySchema>;
export type WeatherObserved = z.infer<typeof weatherObservedSchema>;
export type TrafficFlowObserved = z.infer<typeof trafficFlowObservedSchema>;
export type OffStreetParking = z.infer<typeof offStreetParkingSchema>;
export type ParkingSpot = z.infer<typeof parkingSpotSchema>;
export type Device = z.infer<typeof deviceSchema>;
export type ServiceRequest = z.infer<typeof serviceRequestSchema>;
export type EntityType = Entity['type'];

/** The id of the entity that stands for a place of the pack: urn:ngsi-ld:<type>:<city>:<way|node|relation>-<n>. */
export function placeEntityId(type: EntityType, city: string, osmId: string): string {
  return `urn:ngsi-ld:${type}:${city}:${osmId.replace('/', '-')}`;
}

/** The OSM id ("way/123") of the pack place an entity id stands for, or null when it names none. */
export function osmIdOfEntity(id: string): string | null {
  const match = /:(node|way|relation)-(\d+)$/.exec(id);
  return match ? `${match[1]}/${match[2]}` : null;
}
