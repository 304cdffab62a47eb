/**
 * Parking guidance layer: the three-level signs of parking-signs.ts as labels in the scene — level 1
 * on the main roads (district totals), level 2 on secondary roads (nearest lots), level 3 at each lot
 * (free / total, coloured by availability). Sign places are planned when the set of lots changes;
 * their texts follow every feed change.
 */
import { Cartesian2, Cartesian3, Color, DistanceDisplayCondition, HorizontalOrigin, LabelCollection, LabelStyle, NearFarScalar, VerticalOrigin, type Label } from 'cesium';
import { localName } from '../../i18n/local-name';
import { translate } from '../../i18n/translate';
import type { OffStreetParking } from '../../protocol/entities';
import { fetchPackGraph } from '../../scene/pack-graph';
import { fetchPlaceNames } from '../../scene/pack-place-names';
import { entitiesOfType } from '../../store/feed-slice';
import type { AppStore } from '../../store/app-store';
import { bindVisibility } from '../layer-binding';
import type { LayerScene, LiveLayer } from '../live-layer';
import { AVAILABILITY_COLOURS, districtDisplay, planParkingSigns, spacesDisplay, type GuidanceSign, type Lot } from './parking-signs';

/** Props of the parking layer. */
export interface ParkingLayerProps {
  /** Heights (m) of level-1, level-2 and level-3 signs: higher levels stand taller. */
  heights: [number, number, number];
  /** Fonts of the three levels; CJK fonts first. */
  fonts: [string, string, string];
  /** Level-2 and level-3 signs show from these distances (m) in, so the overview stays readable. */
  level2Range: number;
  level3Range: number;
  /** Colour of the guidance sign panels (Chinese road guidance signs are blue). */
  signColour: string;
}

const CJK = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** Defaults of the parking layer. */
export const PARKING_LAYER_DEFAULTS: ParkingLayerProps = {
  heights: [60, 35, 25],
  fonts: [`700 24px ${CJK}`, `600 18px ${CJK}`, `700 17px ${CJK}`],
  level2Range: 3200,
  level3Range: 2800,
  signColour: '#1d4ed8',
};

/** The lots of the feed with a location. */
export function lotsOf(parks: OffStreetParking[]): Lot[] {
  return parks.flatMap((p) =>
    p.location ? [{ id: p.id, name: p.name ?? null, lon: p.location.coordinates[0], lat: p.location.coordinates[1], total: p.totalSpotNumber, available: p.availableSpotNumber }] : [],
  );
}

/** Creates the parking guidance layer. */
export function createParkingLayer(props: Partial<ParkingLayerProps> = {}): LiveLayer {
  const options = { ...PARKING_LAYER_DEFAULTS, ...props };
  const cleanups: (() => void)[] = [];
  let disposed = false;

  return {
    name: 'parking',
    async attach(scene: LayerScene, store: AppStore) {
      const [{ graph, edgeClass }, placeNames] = await Promise.all([fetchPackGraph(scene.pack), fetchPlaceNames(scene.pack, scene.signal)]);
      if (disposed) return;
      const labels = new LabelCollection();
      scene.viewer.scene.primitives.add(labels);
      cleanups.push(() => scene.viewer.scene.primitives.remove(labels));

      let planKey = '';
      let signs: { sign: GuidanceSign; label: Label }[] = [];
      let lotLabels = new Map<string, Label>();
      const makeLabel = (lon: number, lat: number, height: number, font: string, range: number) =>
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
          horizontalOrigin: HorizontalOrigin.CENTER,
          verticalOrigin: VerticalOrigin.BOTTOM,
          pixelOffset: new Cartesian2(0, -6),
          scaleByDistance: new NearFarScalar(800, 1.1, 9000, 0.8),
          distanceDisplayCondition: new DistanceDisplayCondition(0, range),
          disableDepthTestDistance: Number.POSITIVE_INFINITY,
        });

      const sync = () => {
        const locale = store.getState().locale;
        const lots = lotsOf(entitiesOfType(store.getState().feed, 'OffStreetParking'));
        const key = lots.map((l) => l.id).sort().join('|');
        if (key !== planKey) {
          planKey = key;
          labels.removeAll();
          signs = planParkingSigns(graph, edgeClass, lots).map((sign) => ({
            sign,
            label: makeLabel(sign.lon, sign.lat, options.heights[sign.level - 1]!, options.fonts[sign.level - 1]!, sign.level === 1 ? Number.POSITIVE_INFINITY : options.level2Range),
          }));
          lotLabels = new Map(lots.map((lot) => [lot.id, makeLabel(lot.lon, lot.lat, options.heights[2], options.fonts[2], options.level3Range)]));
        }
        const byId = new Map(lots.map((lot) => [lot.id, lot]));
        // A lot of the pack has the pack's name in the locale; a live lot the pack does not know, its own.
        const nameOf = (lot: Lot) => localName(placeNames(lot.id) ?? { name: lot.name }, locale);
        const lotName = (lot: Lot) => nameOf(lot) || translate(locale, 'parking.unnamed');
        for (const { sign, label } of signs) {
          const covered = sign.lotIds.flatMap((id) => byId.get(id) ?? []);
          label.backgroundColor = Color.fromCssColorString(options.signColour).withAlpha(0.92);
          if (sign.level === 1) {
            const spaces = districtDisplay(covered);
            const biggest = [...covered].sort((a, b) => b.total - a.total)[0];
            const named = covered.filter((lot) => nameOf(lot)).sort((a, b) => b.total - a.total)[0] ?? biggest;
            label.text = named && nameOf(named)
              ? translate(locale, 'parking.level1', { name: nameOf(named), free: spaces.free, total: spaces.total })
              : translate(locale, 'parking.level1Unnamed', { free: spaces.free, total: spaces.total });
          } else {
            label.text = covered
              .map((lot, i) => translate(locale, 'parking.level2Line', { name: lotName(lot), free: spacesDisplay(lot.total, lot.available).free, distance: sign.distancesM[i] ?? 0 }))
              .join('\n');
          }
        }
        for (const [id, label] of lotLabels) {
          const lot = byId.get(id)!;
          const spaces = spacesDisplay(lot.total, lot.available);
          label.text = spaces.availability === 'full' ? translate(locale, 'parking.full') : translate(locale, 'parking.level3', { free: spaces.free, total: spaces.total });
          label.backgroundColor = Color.fromCssColorString(AVAILABILITY_COLOURS[spaces.availability]).withAlpha(0.92);
        }
        scene.viewer.scene.requestRender();
      };
      sync();
      let version = store.getState().feed.version;
      let locale = store.getState().locale;
      cleanups.push(
        store.subscribe((state) => {
          if (state.feed.version === version && state.locale === locale) return;
          version = state.feed.version;
          locale = state.locale;
          sync();
        }),
      );
      cleanups.push(
        bindVisibility(store, 'parking', (visible) => {
          labels.show = visible;
          scene.viewer.scene.requestRender();
        }),
      );
      store.getState().setLayerReady('parking', true);
    },
    dispose() {
      disposed = true;
      for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    },
  };
}
