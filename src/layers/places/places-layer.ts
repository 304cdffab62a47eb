/** Places layer: POIs as points, the notable ones labelled in the current locale. */
import { Cartesian3, Color, LabelCollection, LabelStyle, NearFarScalar, PointPrimitiveCollection } from 'cesium';
import type { PlaceCategory, PlaceProperties } from '../../protocol/city-pack';
import { placeCategorySchema } from '../../protocol/city-pack';
import { hasName, localName } from '../../i18n/local-name';
import { fetchPackFeatures } from '../../connection/city-pack-source';
import { defineLayer } from '../define-layer';
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

/** The places layer. */
export const createPlacesLayer = defineLayer<PlacesLayerProps>({
  name: 'places',
  defaults: PLACES_LAYER_DEFAULTS,
  async attach(ctx) {
    const { scene, store, props: options } = ctx;
    const features = await fetchPackFeatures<PlaceProperties>(scene.pack, scene.pack.manifest.files.places, ctx.signal);
    ctx.signal.throwIfAborted();
    const points = new PointPrimitiveCollection();
    const labels = new LabelCollection();
    const labelled: { label: ReturnType<LabelCollection['add']>; properties: PlaceProperties }[] = [];
    const candidates: { feature: (typeof features)[number]; category: PlaceCategory; lonLat: [number, number] }[] = [];
    for (const feature of features) {
      if (feature.geometry.type !== 'Point') continue;
      const category = placeCategorySchema.safeParse(feature.properties.category);
      if (category.success) candidates.push({ feature, category: category.data, lonLat: feature.geometry.coordinates });
    }
    for (const {
      feature,
      category,
      lonLat: [lon, lat],
    } of candidates) {
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
      ctx.viewer.scene.requestRender();
    };
    relabel();
    ctx.add(points);
    ctx.add(labels);
    ctx.onDispose(() => scene.labels.removeAll(labels));
    ctx.subscribe((state, previous) => {
      if (state.locale !== previous.locale) relabel();
    });
    ctx.visible((visible) => {
      points.show = visible;
      labels.show = visible;
      ctx.viewer.scene.requestRender();
    });
    // Points and labels draw on the first frame after they are added.
    ctx.ready();
  },
});
