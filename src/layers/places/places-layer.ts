/** Places layer: POIs as points, the notable ones labelled in the current locale. */
import { Cartesian3, Color, LabelCollection, LabelStyle, NearFarScalar, PointPrimitiveCollection } from 'cesium';
import type { PlaceCategory, PlaceProperties } from '../../protocol/city-pack';
import { placeCategorySchema } from '../../protocol/city-pack';
import { hasName, localName } from '../../i18n/local-name';
import { fetchPackFeatures } from '../../scene/city-pack-source';
import type { AppStore } from '../../store/app-store';
import { bindVisibility } from '../layer-binding';
import type { LayerScene, LiveLayer } from '../live-layer';
import { isLabelled, placeStyleFor } from './place-style';

/** Props of the places layer. */
export interface PlacesLayerProps {
  /** Height above the ground (m) of the points and labels. */
  height: number;
  /** Label font; CJK fonts first so Chinese names never fall back to boxes. */
  font: string;
}

/** Defaults of the places layer. */
export const PLACES_LAYER_DEFAULTS: PlacesLayerProps = {
  height: 12,
  font: '600 24px "WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif',
};

/** Creates the places layer. */
export function createPlacesLayer(props: Partial<PlacesLayerProps> = {}): LiveLayer {
  const options = { ...PLACES_LAYER_DEFAULTS, ...props };
  const cleanups: (() => void)[] = [];
  let disposed = false;

  return {
    name: 'places',
    async attach(scene: LayerScene, store: AppStore) {
      const features = await fetchPackFeatures<PlaceProperties>(scene.pack, scene.pack.manifest.files.places, scene.signal);
      if (disposed) return;
      const points = new PointPrimitiveCollection();
      const labels = new LabelCollection();
      const labelled: { label: ReturnType<LabelCollection['add']>; properties: PlaceProperties }[] = [];
      const candidates: { feature: (typeof features)[number]; category: PlaceCategory; lonLat: [number, number] }[] = [];
      for (const feature of features) {
        if (feature.geometry.type !== 'Point') continue;
        const category = placeCategorySchema.safeParse(feature.properties.category);
        if (category.success) candidates.push({ feature, category: category.data, lonLat: feature.geometry.coordinates });
      }
      for (const { feature, category, lonLat: [lon, lat] } of candidates) {
        const style = placeStyleFor(category);
        const position = Cartesian3.fromDegrees(lon, lat, options.height);
        points.add({
          position,
          pixelSize: style.size,
          color: Color.fromCssColorString(style.colour),
          outlineColor: Color.fromCssColorString('#0b1320'),
          outlineWidth: 2,
          scaleByDistance: new NearFarScalar(500, 1.2, 8000, 0.6),
        });
        if (!isLabelled(category, hasName(feature.properties))) continue;
        const label = labels.add({
          position,
          text: '',
          font: options.font,
          fillColor: Color.WHITE,
          outlineColor: Color.fromCssColorString('#0b1320'),
          outlineWidth: 4,
          style: LabelStyle.FILL_AND_OUTLINE,
          // Names stay on top of the towers in front of them (scaling them instead blurs the text).
          disableDepthTestDistance: Number.POSITIVE_INFINITY,
        });
        // The declutter shows it when there is room, beside its point (never over it), within its range.
        scene.labels.add(labels, label, { kind: `place:${category}`, maxDistance: style.labelRange, anchorSize: style.size + 6, offset: 8 });
        labelled.push({ label, properties: feature.properties });
      }
      const relabel = () => {
        const locale = store.getState().locale;
        for (const { label, properties } of labelled) {
          label.text = localName(properties, locale);
        }
        scene.viewer.scene.requestRender();
      };
      relabel();
      scene.viewer.scene.primitives.add(points);
      scene.viewer.scene.primitives.add(labels);
      cleanups.push(() => scene.viewer.scene.primitives.remove(points));
      cleanups.push(() => scene.viewer.scene.primitives.remove(labels));
      cleanups.push(() => scene.labels.removeAll(labels));
      let locale = store.getState().locale;
      cleanups.push(
        store.subscribe((state) => {
          if (state.locale === locale) return;
          locale = state.locale;
          relabel();
        }),
      );
      cleanups.push(
        bindVisibility(store, 'places', (visible) => {
          points.show = visible;
          labels.show = visible;
          scene.viewer.scene.requestRender();
        }),
      );
      // Points and labels draw on the first frame after they are added.
      store.getState().setLayerReady('places', true);
    },
    dispose() {
      disposed = true;
      for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    },
  };
}
