/** Axis-aligned rectangles on the screen (CSS pixels, origin top-left), and the tests placement needs. */

/** A rectangle on the screen: top-left corner and size, CSS pixels. */
export interface ScreenRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The screen (or canvas) size in CSS pixels. */
export interface Viewport {
  width: number;
  height: number;
}

/** True when the two rectangles share area; rectangles that only touch do not overlap. */
export function rectsOverlap(a: ScreenRect, b: ScreenRect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** True when the rectangle lies wholly inside the viewport, `margin` pixels clear of every edge. */
export function rectInsideViewport(rect: ScreenRect, viewport: Viewport, margin = 0): boolean {
  return rect.x >= margin && rect.y >= margin && rect.x + rect.width <= viewport.width - margin && rect.y + rect.height <= viewport.height - margin;
}
