/** The names of the pack's places by entity id, so a layer names a live car park as the pack names it. */
import type { NamedFeature } from '../i18n/local-name';
import type { PlaceProperties } from '../protocol/city-pack';
import { osmIdOfEntity } from '../protocol/entities';
import { fetchPackFeatures, type CityPack } from './city-pack-source';

/** Looks up the pack place an entity stands for; null for entities the pack does not know. */
export type PlaceNamesOfEntity = (entityId: string) => NamedFeature | null;

/** Fetches the pack's places once and returns the lookup. */
export async function fetchPlaceNames(pack: CityPack, signal?: AbortSignal): Promise<PlaceNamesOfEntity> {
  const features = await fetchPackFeatures<PlaceProperties>(pack, pack.manifest.files.places, signal);
  const byOsmId = new Map(features.map((f) => [f.properties.osm_id, f.properties]));
  return (entityId) => {
    const osmId = osmIdOfEntity(entityId);
    return (osmId && byOsmId.get(osmId)) || null;
  };
}
