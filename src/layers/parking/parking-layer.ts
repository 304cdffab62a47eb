/**
 * Parking guidance layer: the three-level signs of parking-signs.ts as labels in the scene — level 1
 * on the main roads (district totals), level 2 on secondary roads (nearest lots), level 3 at each lot
 * (free / total, coloured by availability). Sign places are planned when the set of lots changes;
 * their texts follow every feed change.
 */
import { Cartesian2, Cartesian3, Color, LabelCollection, LabelStyle } from 'cesium';
import { localName } from '../../i18n/local-name';
import { translate } from '../../i18n/translate';
import type { LabelKind } from '../../labels/label-priority';
import type { PlaceProperties } from '../../protocol/city-pack';
import { osmIdOfEntity, type OffStreetParking } from '../../protocol/entities';
import { fetchPackFeatures } from '../../connection/city-pack-source';
import { fetchPackGraph } from '../../connection/pack-graph';
import type { DeclutteredLabel } from '../../scene/scene-labels';
import { entitiesOfType } from '../../store/feed-slice';
import { defineLayer } from '../define-layer';
import { AVAILABILITY_COLOURS, districtDisplay, planParkingSigns, spacesDisplay, type GuidanceSign, type Lot } from './parking-signs';
import { districtName, lotName, nearestNamed, nearestStreet, type NamedPoint } from './sign-names';

/** Props of the parking layer. */
export interface ParkingLayerProps {
  /** Heights (m) of level-1, level-2 and level-3 signs: higher levels stand taller. */
  heights: [number, number, number];
  /** Fonts of the three levels; CJK fonts first. */
  fonts: [string, string, string];
  /** Level-2 and level-3 signs show from these distances (m) in, so the overview stays readable (the declutter decides the rest). */
  level2Range: number;
  level3Range: number;
  /** Colour of the guidance sign panels (Chinese road guidance signs are blue). */
  signColour: string;
}

const CJK = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** Defaults of the parking layer. */
export const PARKING_LAYER_DEFAULTS: ParkingLayerProps = {
  heights: [60, 35, 25],
  fonts: [`700 26px ${CJK}`, `600 22px ${CJK}`, `700 22px ${CJK}`],
  level2Range: 3200,
  level3Range: 2800,
  signColour: '#1d4ed8',
};

/** A district no lot names takes the name of a place this near (m), before the city's. */
const DISTRICT_PLACE_M = 800;

/** The lots of the feed with a location. */
export function lotsOf(parks: OffStreetParking[]): Lot[] {
  return parks.flatMap((p) =>
    p.location ? [{ id: p.id, name: p.name ?? null, lon: p.location.coordinates[0], lat: p.location.coordinates[1], total: p.totalSpotNumber, available: p.availableSpotNumber }] : [],
  );
}

/** The parking guidance layer. */
export const createParkingLayer = defineLayer<ParkingLayerProps>({
  name: 'parking',
  defaults: PARKING_LAYER_DEFAULTS,
  async attach(ctx) {
    const { scene, store, props: options } = ctx;
    const { graph, edgeClass, edgeNames } = await fetchPackGraph(scene.pack);
    // The pack's places name lots in every locale and name districts no lot names.
    const places = await fetchPackFeatures<PlaceProperties>(scene.pack, scene.pack.manifest.files.places, ctx.signal).catch(() => []);
    ctx.signal.throwIfAborted();
    const placeByOsmId = new Map(places.map((f) => [f.properties.osm_id, f.properties]));
    const named: NamedPoint[] = places.flatMap((f) =>
      f.geometry.type === 'Point' && f.properties.category !== 'bus_stop' ? [{ lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], names: f.properties }] : [],
    );
    const parkingPlaces = named.filter((p) => (p.names as PlaceProperties).category === 'parking');
    const landmarks = named.filter((p) => (p.names as PlaceProperties).category !== 'parking');
    const city = { name_zh: scene.pack.manifest.name.zh, name_en: scene.pack.manifest.name.en };
    const labels = ctx.add(new LabelCollection());
    ctx.onDispose(() => scene.labels.removeAll(labels));

    let planKey = '';
    let signs: { sign: GuidanceSign; label: DeclutteredLabel; street: ReturnType<typeof nearestStreet>; place: NamedPoint | null }[] = [];
    let lotLabels = new Map<string, DeclutteredLabel>();
    const makeLabel = (lon: number, lat: number, height: number, font: string, kind: LabelKind, maxDistance: number) =>
      scene.labels.add(
        labels,
        labels.add({
          position: Cartesian3.fromDegrees(lon, lat, height),
          text: '',
          font,
          fillColor: Color.WHITE,
          outlineColor: Color.fromCssColorString('#0b1320'),
          outlineWidth: 3,
          style: LabelStyle.FILL_AND_OUTLINE,
          showBackground: true,
          backgroundPadding: new Cartesian2(8, 5),
          disableDepthTestDistance: Number.POSITIVE_INFINITY,
        }),
        { kind, maxDistance, offset: 6 },
      );
    const kinds = ['parking-district', 'parking-street'] as const;

    const sync = () => {
      const locale = store.getState().locale;
      const lots = lotsOf(entitiesOfType(store.getState().feed, 'OffStreetParking'));
      const key = lots
        .map((l) => l.id)
        .sort()
        .join('|');
      if (key !== planKey) {
        planKey = key;
        scene.labels.removeAll(labels);
        labels.removeAll();
        const byPlanId = new Map(lots.map((lot) => [lot.id, lot]));
        signs = planParkingSigns(graph, edgeClass, lots).map((sign) => {
          const covered = sign.lotIds.flatMap((id) => byPlanId.get(id) ?? []);
          const centre = covered.length > 0 ? [covered.reduce((a, l) => a + l.lon, 0) / covered.length, covered.reduce((a, l) => a + l.lat, 0) / covered.length] : [sign.lon, sign.lat];
          return {
            sign,
            label: makeLabel(
              sign.lon,
              sign.lat,
              options.heights[sign.level - 1]!,
              options.fonts[sign.level - 1]!,
              kinds[sign.level - 1]!,
              sign.level === 1 ? Number.POSITIVE_INFINITY : options.level2Range,
            ),
            // What names a district no lot names: the street its sign stands on, else the nearest place.
            street: sign.level === 1 ? nearestStreet(graph, edgeClass, edgeNames, sign.lon, sign.lat) : null,
            place: sign.level === 1 ? nearestNamed(landmarks, centre[0]!, centre[1]!, DISTRICT_PLACE_M) : null,
          };
        });
        lotLabels = new Map(lots.map((lot) => [lot.id, makeLabel(lot.lon, lot.lat, options.heights[2], options.fonts[2], 'parking-lot', options.level3Range)]));
      }
      const byId = new Map(lots.map((lot) => [lot.id, lot]));
      // A lot the pack has (by its OSM id, else by its spot) takes the pack's name in the locale; a live lot the pack does not know, its own.
      const nameOf = (lot: Lot) => {
        const own = placeByOsmId.get(osmIdOfEntity(lot.id) ?? '');
        return (own && localName(own, locale)) || lotName(locale, lot, parkingPlaces);
      };
      for (const {
        sign,
        label: { label },
        street,
        place,
      } of signs) {
        const covered = sign.lotIds.flatMap((id) => byId.get(id) ?? []);
        label.backgroundColor = Color.fromCssColorString(options.signColour).withAlpha(0.92);
        if (sign.level === 1) {
          const spaces = districtDisplay(covered);
          const name = districtName(locale, { lots: covered.map((lot) => ({ name: nameOf(lot), total: lot.total })), street, place: place?.names ?? null, city });
          label.text = translate(locale, 'parking.level1', { name, free: spaces.free, total: spaces.total });
        } else {
          label.text = covered
            .map((lot, i) =>
              translate(locale, 'parking.level2Line', {
                name: nameOf(lot) ?? translate(locale, 'parking.unnamed'),
                free: spacesDisplay(lot.total, lot.available).free,
                distance: sign.distancesM[i] ?? 0,
              }),
            )
            .join('\n');
        }
      }
      for (const [id, { label }] of lotLabels) {
        const lot = byId.get(id)!;
        const spaces = spacesDisplay(lot.total, lot.available);
        label.text = spaces.availability === 'full' ? translate(locale, 'parking.full') : translate(locale, 'parking.level3', { free: spaces.free, total: spaces.total });
        label.backgroundColor = Color.fromCssColorString(AVAILABILITY_COLOURS[spaces.availability]).withAlpha(0.92);
      }
      scene.viewer.scene.requestRender();
    };
    sync();
    ctx.subscribe((state, previous) => {
      if (state.feed.version !== previous.feed.version || state.locale !== previous.locale) sync();
    });
    ctx.visible((visible) => {
      labels.show = visible;
      scene.viewer.scene.requestRender();
    });
    ctx.ready();
  },
});
