/**
 * A uniform grid over the screen for overlap tests: each inserted rectangle is listed in the cells
 * it covers, so a test looks only at its neighbours. Storage grows and is reused, never reallocated
 * per frame.
 */
import type { ScreenRect } from './screen-rect';

/** A grid index of rectangles on a screen. */
export class RectGrid {
  private columns = 0;
  private rows = 0;
  /** Cell lists of rectangle indices; the arrays are kept and emptied between frames. */
  private cells: number[][] = [];
  /** Inserted rectangles as x0, y0, x1, y1. */
  private bounds = new Float64Array(256 * 4);
  private count = 0;
  /** Per-rectangle stamp of the last query that looked at it (one rectangle sits in several cells). */
  private seen = new Uint32Array(256);
  private query = 0;

  /** `cellSize` in CSS pixels: about a label's width keeps cell lists short. */
  constructor(private readonly cellSize = 128) {}

  /** Empties the grid for a screen of this size. */
  reset(width: number, height: number): void {
    this.columns = Math.max(1, Math.ceil(width / this.cellSize));
    this.rows = Math.max(1, Math.ceil(height / this.cellSize));
    const needed = this.columns * this.rows;
    while (this.cells.length < needed) this.cells.push([]);
    for (let i = 0; i < needed; i++) this.cells[i]!.length = 0;
    this.count = 0;
  }

  /** Number of rectangles inserted since the last reset. */
  get size(): number {
    return this.count;
  }

  /** Adds a rectangle. */
  insert(rect: ScreenRect): void {
    if (this.count * 4 >= this.bounds.length) this.grow();
    const index = this.count++;
    const b = this.bounds;
    b[index * 4] = rect.x;
    b[index * 4 + 1] = rect.y;
    b[index * 4 + 2] = rect.x + rect.width;
    b[index * 4 + 3] = rect.y + rect.height;
    const c0 = this.clampColumn(rect.x);
    const c1 = this.clampColumn(rect.x + rect.width);
    const r0 = this.clampRow(rect.y);
    const r1 = this.clampRow(rect.y + rect.height);
    for (let row = r0; row <= r1; row++) for (let column = c0; column <= c1; column++) this.cells[row * this.columns + column]!.push(index);
  }

  /** True when the rectangle, grown by `gap` on every side, overlaps an inserted one. */
  hits(rect: ScreenRect, gap = 0): boolean {
    const x0 = rect.x - gap;
    const y0 = rect.y - gap;
    const x1 = rect.x + rect.width + gap;
    const y1 = rect.y + rect.height + gap;
    const stamp = ++this.query;
    const b = this.bounds;
    const c0 = this.clampColumn(x0);
    const c1 = this.clampColumn(x1);
    const r0 = this.clampRow(y0);
    const r1 = this.clampRow(y1);
    for (let row = r0; row <= r1; row++) {
      for (let column = c0; column <= c1; column++) {
        const list = this.cells[row * this.columns + column]!;
        for (let k = 0; k < list.length; k++) {
          const i = list[k]!;
          if (this.seen[i] === stamp) continue;
          this.seen[i] = stamp;
          if (x0 < b[i * 4 + 2]! && b[i * 4]! < x1 && y0 < b[i * 4 + 3]! && b[i * 4 + 1]! < y1) return true;
        }
      }
    }
    return false;
  }

  // Rectangles partly off the screen are listed in the border cells, so they still collide there.
  private clampColumn(x: number): number {
    return Math.min(this.columns - 1, Math.max(0, Math.floor(x / this.cellSize)));
  }

  private clampRow(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor(y / this.cellSize)));
  }

  private grow(): void {
    const bounds = new Float64Array(this.bounds.length * 2);
    bounds.set(this.bounds);
    this.bounds = bounds;
    const seen = new Uint32Array(this.seen.length * 2);
    seen.set(this.seen);
    this.seen = seen;
  }
}
