/**
 * Cesium adapter of the label declutter (src/labels/label-declutter.ts): every layer hands its
 * labels here, and on each rendered frame this measures where each label's anchor falls on the
 * screen and how big its box is, lets the declutter place them against each other, the HUD panels
 * (elements marked `data-occludes`), the landmark and the screen edge, then sets each label's side,
 * show and alpha. Layers say only whether they want a label (`wanted`); show, origins, pixel offset
 * and colour alpha belong to the declutter.
 */
import { BoundingSphere, Cartesian2, Cartesian3, Color, HorizontalOrigin, Matrix4, SceneTransforms, VerticalOrigin, type Label, type LabelCollection, type Viewer } from 'cesium';
import { createDeclutterItem, LabelDeclutter, type DeclutterItem, type DeclutterOptions, type LabelSide } from '../labels/label-declutter';
import { labelTier, type LabelKind } from '../labels/label-priority';
import type { ScreenRect } from '../labels/screen-rect';
import { glyphShiftPx, measureLabel } from './label-metrics';
import { installLabelProbe } from './label-probe';

/** How a layer's label takes part. */
export interface SceneLabelOptions {
  kind: LabelKind;
  /** Hidden beyond this eye distance (m). */
  maxDistance?: number;
  /** Size (px) of the marker at the anchor (a point drawn there) that no label may cover. */
  anchorSize?: number;
  /** Gap (px) between the anchor and the box. */
  offset?: number;
  /** Sides of the anchor to try, in order. */
  sides?: readonly LabelSide[];
}

/** A label under the declutter. */
export interface DeclutteredLabel {
  readonly label: Label;
  /** Whether its layer wants it shown (room permitting); the layer's switch instead of `label.show`. */
  wanted: boolean;
}

/** A column of the city no label may cover (the landmark tower a view looks at). */
export interface LabelObstacle {
  lon: number;
  lat: number;
  /** Height (m) of the column and its radius (m). */
  height: number;
  radius: number;
}

/** The labels of one scene. */
export interface SceneLabels {
  /** Puts a label of `collection` under the declutter; it starts hidden and fades in once placed. */
  add(collection: LabelCollection, label: Label, options: SceneLabelOptions): DeclutteredLabel;
  /** Takes a label out (before the layer removes it from its collection). */
  remove(handle: DeclutteredLabel): void;
  /** Takes out every label of a collection. */
  removeAll(collection: LabelCollection): void;
}

/** Options of the adapter. */
export interface SceneLabelsOptions {
  declutter?: Partial<DeclutterOptions>;
  obstacles?: LabelObstacle[];
  /** How often (ms) the panels' rectangles are read again. */
  panelPollMs?: number;
  /** Puts `window.sandtableLabels` (snapshot of what shows) on the page for tests. */
  testHook?: boolean;
}

interface Entry extends DeclutteredLabel {
  collection: LabelCollection;
  item: DeclutterItem;
  maxDistance: number;
  measuredText: string | null;
  measuredFont: string;
  size: { width: number; height: number };
  /** Glyph shift (px, before scale) the box reserves on both sides; side offsets add it back. */
  shift: number;
  appliedSide: LabelSide | null;
  appliedOpacity: number;
  base: [Color, Color, Color];
  written: [Color, Color, Color];
}

/** Attaches the declutter to a viewer; returns the labels API and its cleanup. */
export function attachSceneLabels(viewer: Viewer, options: SceneLabelsOptions = {}): SceneLabels & { dispose(): void } {
  const scene = viewer.scene;
  const declutter = new LabelDeclutter(options.declutter);
  const entries: Entry[] = [];
  const panels: ScreenRect[] = [];
  const obstacleRects: ScreenRect[] = [];
  const blockers: ScreenRect[] = [];
  const obstacles = (options.obstacles ?? []).map((o) => ({
    base: Cartesian3.fromDegrees(o.lon, o.lat, 0),
    top: Cartesian3.fromDegrees(o.lon, o.lat, o.height),
    sphere: new BoundingSphere(Cartesian3.fromDegrees(o.lon, o.lat, o.height / 2), o.radius),
    radius: o.radius,
    rect: { x: 0, y: 0, width: 0, height: 0 } as ScreenRect,
  }));
  const viewport = { width: 0, height: 0 };
  const anchor = new Cartesian2();
  const anchorTop = new Cartesian2();
  const toLabel = new Cartesian3();
  const scratchColour = new Color();
  const scratchOffset = new Cartesian2();
  const lastView = new Matrix4();
  let lastFrame = performance.now();
  let fading = false;
  let panelsChanged = true;

  const inFront = (position: Cartesian3): boolean => Cartesian3.dot(Cartesian3.subtract(position, viewer.camera.positionWC, toLabel), viewer.camera.directionWC) > 0;

  const readPanels = () => {
    const canvas = viewer.canvas.getBoundingClientRect();
    const elements = [...document.querySelectorAll<HTMLElement>('[data-occludes]'), viewer.bottomContainer as HTMLElement];
    let count = 0;
    let changed = false;
    for (const element of elements) {
      const r = element.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0) continue;
      const rect = (panels[count] ??= { x: 0, y: 0, width: 0, height: 0 });
      const x = r.left - canvas.left;
      const y = r.top - canvas.top;
      if (rect.x !== x || rect.y !== y || rect.width !== r.width || rect.height !== r.height) changed = true;
      Object.assign(rect, { x, y, width: r.width, height: r.height });
      count++;
    }
    if (panels.length !== count) changed = true;
    panels.length = count;
    if (changed) {
      panelsChanged = true;
      scene.requestRender();
    }
  };
  const panelTimer = setInterval(readPanels, options.panelPollMs ?? 500);
  readPanels();

  // The landmark columns as screen rectangles this frame.
  const projectObstacles = () => {
    obstacleRects.length = 0;
    for (const o of obstacles) {
      if (!inFront(o.base)) continue;
      const base = SceneTransforms.worldToWindowCoordinates(scene, o.base, anchor);
      const top = SceneTransforms.worldToWindowCoordinates(scene, o.top, anchorTop);
      if (!base || !top) continue;
      // Metres per drawing-buffer pixel, times buffer pixels per CSS pixel.
      const metresPerPixel = viewer.camera.getPixelSize(o.sphere, scene.drawingBufferWidth, scene.drawingBufferHeight) * (scene.drawingBufferWidth / Math.max(1, viewport.width));
      const r = o.radius / Math.max(metresPerPixel, 1e-6);
      o.rect.x = Math.min(base.x, top.x) - r;
      o.rect.y = Math.min(base.y, top.y);
      o.rect.width = Math.abs(base.x - top.x) + 2 * r;
      o.rect.height = Math.abs(base.y - top.y) + r;
      obstacleRects.push(o.rect);
    }
  };

  const measure = (entry: Entry) => {
    const label = entry.label;
    const item = entry.item;
    item.eligible = false;
    if (!entry.wanted || !entry.collection.show || !label.text) return;
    if (label.text !== entry.measuredText || label.font !== entry.measuredFont) {
      measureLabel(label, entry.size);
      entry.shift = glyphShiftPx(label);
      entry.appliedSide = null;
      entry.measuredText = label.text;
      entry.measuredFont = label.font;
    }
    const position = label.position;
    if (!inFront(position)) return;
    const distance = Cartesian3.distance(position, viewer.camera.positionWC);
    if (distance > entry.maxDistance) return;
    const screen = SceneTransforms.worldToWindowCoordinates(scene, position, anchor);
    if (!screen) return;
    item.anchorX = screen.x;
    item.anchorY = screen.y;
    item.distance = distance;
    item.width = entry.size.width * label.scale;
    item.height = entry.size.height * label.scale;
    item.eligible = true;
  };

  const applySide = (entry: Entry) => {
    const { label, item } = entry;
    if (entry.appliedSide === item.side) return;
    entry.appliedSide = item.side;
    const o = item.offset;
    // Beside the anchor, the text starts one glyph shift into its box, so the shifted glyphs stay inside.
    const beside = o + entry.shift * label.scale;
    if (item.side === 'top' || item.side === 'bottom') {
      label.horizontalOrigin = HorizontalOrigin.CENTER;
      label.verticalOrigin = item.side === 'top' ? VerticalOrigin.BOTTOM : VerticalOrigin.TOP;
      label.pixelOffset = Cartesian2.fromElements(0, item.side === 'top' ? -o : o, scratchOffset);
    } else {
      label.horizontalOrigin = item.side === 'right' ? HorizontalOrigin.LEFT : HorizontalOrigin.RIGHT;
      label.verticalOrigin = VerticalOrigin.CENTER;
      label.pixelOffset = Cartesian2.fromElements(item.side === 'right' ? beside : -beside, 0, scratchOffset);
    }
  };

  // Writes one colour channel at the entry's opacity (0 fill, 1 outline, 2 background).
  const fadeChannel = (entry: Entry, k: 0 | 1 | 2) => {
    const label = entry.label;
    const current = k === 0 ? label.fillColor : k === 1 ? label.outlineColor : label.backgroundColor;
    // A colour unlike the one last written was set by the layer since: that is the new full colour.
    if (!Color.equals(current, entry.written[k])) Color.clone(current, entry.base[k]);
    Color.clone(entry.base[k], scratchColour);
    scratchColour.alpha *= entry.item.opacity;
    if (k === 0) label.fillColor = scratchColour;
    else if (k === 1) label.outlineColor = scratchColour;
    else label.backgroundColor = scratchColour;
    Color.clone(scratchColour, entry.written[k]);
  };

  const applyOpacity = (entry: Entry) => {
    const { label, item } = entry;
    const show = item.opacity > 0;
    if (label.show !== show) label.show = show;
    if (entry.appliedOpacity === item.opacity) return;
    entry.appliedOpacity = item.opacity;
    fadeChannel(entry, 0);
    fadeChannel(entry, 1);
    fadeChannel(entry, 2);
  };

  const onPreRender = () => {
    const now = performance.now();
    const dt = now - lastFrame;
    lastFrame = now;
    viewport.width = viewer.canvas.clientWidth;
    viewport.height = viewer.canvas.clientHeight;
    for (const entry of entries) measure(entry);
    projectObstacles();
    blockers.length = 0;
    for (const p of panels) blockers.push(p);
    for (const o of obstacleRects) blockers.push(o);
    declutter.place(viewport, blockers);
    fading = declutter.fade(dt);
    for (const entry of entries) {
      if (entry.item.placed) applySide(entry);
      applyOpacity(entry);
    }
    Matrix4.clone(viewer.camera.viewMatrix, lastView);
    panelsChanged = false;
    // Fades need frames of their own in request-render mode.
    if (fading) scene.requestRender();
  };
  const removePreRender = scene.preRender.addEventListener(onPreRender);

  const api: SceneLabels & { dispose(): void } = {
    add(collection, label, labelOptions) {
      const item = declutter.add(createDeclutterItem({ tier: labelTier(labelOptions.kind), sides: labelOptions.sides, offset: labelOptions.offset, anchorSize: labelOptions.anchorSize }));
      label.show = false;
      const colours = (): [Color, Color, Color] => [label.fillColor.clone(), label.outlineColor.clone(), label.backgroundColor.clone()];
      const entry: Entry = {
        label,
        wanted: true,
        collection,
        item,
        maxDistance: labelOptions.maxDistance ?? Number.POSITIVE_INFINITY,
        measuredText: null,
        measuredFont: '',
        size: { width: 0, height: 0 },
        shift: 0,
        appliedSide: null,
        appliedOpacity: -1,
        base: colours(),
        written: colours(),
      };
      entries.push(entry);
      scene.requestRender();
      return entry;
    },
    remove(handle) {
      const index = entries.indexOf(handle as Entry);
      if (index < 0) return;
      declutter.remove(entries[index]!.item);
      entries.splice(index, 1);
    },
    removeAll(collection) {
      for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.collection === collection) api.remove(entries[i]!);
    },
    dispose() {
      removePreRender();
      clearInterval(panelTimer);
      entries.length = 0;
    },
  };

  if (options.testHook) {
    const removeProbe = installLabelProbe(scene, { entries, viewport, panels, settled: () => !fading && !panelsChanged && Matrix4.equals(lastView, viewer.camera.viewMatrix) });
    const dispose = api.dispose;
    api.dispose = () => {
      dispose();
      removeProbe();
    };
  }
  return api;
}
