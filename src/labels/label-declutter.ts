/**
 * Screen-space declutter of every label on the scene, engine-free. Each frame the adapter writes
 * where each label's anchor is on the screen and how big its box is; `place` decides which labels
 * show and on which side of their anchor, `fade` moves each label's opacity toward that decision.
 *
 * Placement: labels are taken in priority order — tier first (lower is more important), then eye
 * distance (nearer first; a label already showing counts as nearer by `stickiness`, so labels do not
 * flicker while the camera moves). A label is placed at the first of its sides whose box lies wholly
 * inside the screen and overlaps no panel, no anchor marker and no label placed before it (with a
 * `gap`); otherwise it is hidden. A uniform grid (RectGrid) keeps each test local.
 */
import { RectGrid } from './rect-grid';
import { rectInsideViewport, type ScreenRect, type Viewport } from './screen-rect';

/** Where a label's box sits relative to its anchor. */
export type LabelSide = 'top' | 'bottom' | 'right' | 'left';

/** Every side, the usual order of preference (a name above its point first). */
export const ALL_SIDES: readonly LabelSide[] = ['top', 'bottom', 'right', 'left'];

/** One label as the declutter sees it; the adapter writes the inputs, the declutter the outputs. */
export interface DeclutterItem {
  /** Importance: tier 0 places before tier 1, and so on. */
  tier: number;
  /** Sides to try, in order of preference. */
  sides: readonly LabelSide[];
  /** Gap (px) between the anchor and the box. */
  offset: number;
  /** Size (px) of the marker drawn at the anchor that no other label may cover; 0 for none. */
  anchorSize: number;
  /** Anchor on the screen (CSS px) and eye distance (m), this frame. */
  anchorX: number;
  anchorY: number;
  distance: number;
  /** Box size (CSS px) this frame. */
  width: number;
  height: number;
  /** False when the label may not show at all: behind the camera, out of range, layer hidden, empty. */
  eligible: boolean;
  /** Output: shown by the last placement, on this side, in this box. */
  placed: boolean;
  side: LabelSide;
  rect: ScreenRect;
  /** Output: 0 (hidden) … 1 (fully shown). */
  opacity: number;
}

/** Tuning of the declutter. */
export interface DeclutterOptions {
  /** Clear space (px) kept between two labels. */
  gap: number;
  /** Clear space (px) kept from the screen edge. */
  edgeMargin: number;
  /** A label already showing competes as if this factor nearer (< 1). */
  stickiness: number;
  /** Time (ms) of a full fade in or out. */
  fadeMs: number;
  /** Longest frame step (ms) a fade takes, so a slow frame still shows a fade rather than a pop. */
  maxFadeStepMs: number;
}

/** Defaults: a 6 px gap, 8 px from the edges, 300 ms fades in at least three steps. */
export const DECLUTTER_DEFAULTS: DeclutterOptions = { gap: 6, edgeMargin: 8, stickiness: 0.7, fadeMs: 300, maxFadeStepMs: 100 };

/** A fresh item with neutral outputs (hidden, not placed). */
export function createDeclutterItem(init: Pick<DeclutterItem, 'tier'> & Partial<Pick<DeclutterItem, 'sides' | 'offset' | 'anchorSize'>>): DeclutterItem {
  return {
    tier: init.tier,
    sides: init.sides ?? ALL_SIDES,
    offset: init.offset ?? 8,
    anchorSize: init.anchorSize ?? 0,
    anchorX: 0,
    anchorY: 0,
    distance: 0,
    width: 0,
    height: 0,
    eligible: false,
    placed: false,
    side: (init.sides ?? ALL_SIDES)[0] ?? 'top',
    rect: { x: 0, y: 0, width: 0, height: 0 },
    opacity: 0,
  };
}

/** Writes into `out` the box of an item on one side of its anchor. */
export function boxOnSide(item: DeclutterItem, side: LabelSide, out: ScreenRect): ScreenRect {
  const { anchorX: x, anchorY: y, width: w, height: h, offset } = item;
  out.width = w;
  out.height = h;
  if (side === 'top' || side === 'bottom') {
    out.x = x - w / 2;
    out.y = side === 'top' ? y - offset - h : y + offset;
  } else {
    out.x = side === 'right' ? x + offset : x - offset - w;
    out.y = y - h / 2;
  }
  return out;
}

/** The declutter: a set of items, placed and faded together. */
export class LabelDeclutter {
  readonly items: DeclutterItem[] = [];
  private readonly options: DeclutterOptions;
  private readonly grid = new RectGrid();
  private order: number[] = [];
  private keys = new Float64Array(64);
  private readonly box: ScreenRect = { x: 0, y: 0, width: 0, height: 0 };
  private readonly byKey = (a: number, b: number) => this.keys[a]! - this.keys[b]!;

  constructor(options: Partial<DeclutterOptions> = {}) {
    this.options = { ...DECLUTTER_DEFAULTS, ...options };
  }

  /** Adds an item (it starts hidden and fades in once placed). */
  add(item: DeclutterItem): DeclutterItem {
    // A label keeps clear of its own marker as of any other.
    item.offset = Math.max(item.offset, item.anchorSize / 2 + this.options.gap + 1);
    this.items.push(item);
    return item;
  }

  /** Removes an item. */
  remove(item: DeclutterItem): void {
    const index = this.items.indexOf(item);
    if (index >= 0) this.items.splice(index, 1);
  }

  /** Decides which items show and where, on a screen with these panels over it. */
  place(viewport: Viewport, panels: readonly ScreenRect[]): void {
    const { items, grid, box } = this;
    const { gap, edgeMargin, stickiness } = this.options;
    grid.reset(viewport.width, viewport.height);
    for (const panel of panels) grid.insert(panel);

    if (this.keys.length < items.length) this.keys = new Float64Array(items.length * 2);
    this.order.length = 0;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (!item.eligible) {
        item.placed = false;
        continue;
      }
      // Markers are drawn whatever happens to their labels: nothing may cover them.
      if (item.anchorSize > 0) {
        box.x = item.anchorX - item.anchorSize / 2;
        box.y = item.anchorY - item.anchorSize / 2;
        box.width = box.height = item.anchorSize;
        grid.insert(box);
      }
      this.keys[i] = item.tier * 1e9 + item.distance * (item.placed ? stickiness : 1);
      this.order.push(i);
    }
    this.order.sort(this.byKey);

    for (const i of this.order) {
      const item = items[i]!;
      const previous = item.placed ? item.side : null;
      item.placed = false;
      // The side it showed on last frame first, so a label does not hop between sides.
      if (previous && this.fits(item, previous, viewport, gap, edgeMargin)) {
        this.accept(item, previous);
        continue;
      }
      for (const side of item.sides) {
        if (side === previous || !this.fits(item, side, viewport, gap, edgeMargin)) continue;
        this.accept(item, side);
        break;
      }
    }
  }

  /** Moves every opacity toward its placement by `dtMs`; returns true while some fade is under way. */
  fade(dtMs: number): boolean {
    const step = Math.min(dtMs, this.options.maxFadeStepMs) / this.options.fadeMs;
    let fading = false;
    for (const item of this.items) {
      const target = item.placed ? 1 : 0;
      if (item.opacity === target) continue;
      item.opacity = target > item.opacity ? Math.min(1, item.opacity + step) : Math.max(0, item.opacity - step);
      if (item.opacity !== target) fading = true;
    }
    return fading;
  }

  private fits(item: DeclutterItem, side: LabelSide, viewport: Viewport, gap: number, edgeMargin: number): boolean {
    boxOnSide(item, side, this.box);
    return rectInsideViewport(this.box, viewport, edgeMargin) && !this.grid.hits(this.box, gap);
  }

  private accept(item: DeclutterItem, side: LabelSide): void {
    boxOnSide(item, side, item.rect);
    item.side = side;
    item.placed = true;
    this.grid.insert(item.rect);
  }
}
