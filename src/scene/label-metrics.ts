/**
 * The unscaled size of a Cesium label's box, measured with a 2D canvas the way Cesium lays it out
 * (LabelCollection: lines 1.2 × the font size apart, glyph widths summed, background padding around).
 */

/** What the measure needs of a label. */
export interface LabelLook {
  text: string;
  font: string;
  showBackground: boolean;
  backgroundPadding: { x: number; y: number };
  outlineWidth: number;
}

/** Cesium's default spacing of lines, as a share of the font size. */
const LINE_SPACING = 1.2;
/** One line's ink (ascent + descent) of CJK and Latin fonts stays within this share of the font size. */
const LINE_HEIGHT = 1.25;

/** Cesium's SDF glyphs: drawn at 48 px with a 10 px margin (SDFSettings), which shifts a bare label's glyphs left. */
const SDF_FONT_SIZE = 48;
const SDF_PADDING = 10;

let context: CanvasRenderingContext2D | null = null;

/**
 * How far (px, before scale) Cesium moves the first glyph of each line of a label without background
 * left of where its text starts; the box reserves that much on both sides.
 */
export function glyphShiftPx(look: Pick<LabelLook, 'font' | 'showBackground'>): number {
  return look.showBackground ? 0 : (SDF_PADDING * fontSizePx(look.font)) / SDF_FONT_SIZE;
}

/** Font size in CSS pixels of a CSS font shorthand ("600 18px …"); 16 when it names none. */
export function fontSizePx(font: string): number {
  const match = /(\d+(?:\.\d+)?)px/.exec(font);
  return match ? Number(match[1]) : 16;
}

/** Width and height (CSS px, before the label's scale) of a label's box, outline included. */
export function measureLabel(look: LabelLook, out: { width: number; height: number }): { width: number; height: number } {
  context ??= document.createElement('canvas').getContext('2d');
  const size = fontSizePx(look.font);
  const lines = look.text.split('\n');
  let width = 0;
  if (context) {
    context.font = look.font;
    for (const line of lines) width = Math.max(width, context.measureText(line).width);
  } else {
    // No 2D canvas (never in a browser that runs Cesium): a CJK glyph is about one em wide.
    for (const line of lines) width = Math.max(width, line.length * size);
  }
  let height = size * LINE_HEIGHT + size * LINE_SPACING * (lines.length - 1);
  const outline = Math.max(0, look.outlineWidth);
  width += outline * 2 + glyphShiftPx(look) * 2;
  height += outline;
  if (look.showBackground) {
    width += look.backgroundPadding.x * 2;
    height += look.backgroundPadding.y * 2;
  }
  out.width = Math.ceil(width);
  out.height = Math.ceil(height);
  return out;
}
