/**
 * In-page checks that a surface is readable from where it is read: font sizes of visible text, sizes
 * of touch targets, panels inside the screen and clear of each other, and how much of each part of
 * the screen shows content or map.
 */
import type { Page } from 'playwright-core';

/** What a surface must hold. */
export interface ReadableRule {
  /** Smallest computed font-size (CSS px) of any visible text. */
  minTextPx: number;
  /** Smallest width and height (CSS px) of any visible interactive element. */
  minTargetPx: number;
}

/** The boxes the HUDs are laid out from: each must sit inside the screen and clear of the others. */
export const PANEL_SELECTOR = [
  '.city-title',
  '.clock-panel',
  '.guide-panel',
  '.badge',
  '.locale-toggle',
  '.view-list',
  '.layer-list',
  '.building-info',
  '.traffic-legend',
  '.use-legend',
  '.cesium-viewer-bottom',
  '.planner-console',
].join(',');

/** One rule broken, in words a failure message can show. */
export type AuditProblem = string;

/**
 * Walks the page: every visible element with text of its own (outside SVG icons, whose glyphs are part
 * of the drawing) must have a font-size >= minTextPx; every visible button, input, select, textarea,
 * link and summary must be >= minTargetPx both ways (a checkbox inside a label is measured by its
 * label, which takes the tap); every panel must lie inside the viewport and overlap no other panel.
 */
export function auditReadable(page: Page, rule: ReadableRule): Promise<AuditProblem[]> {
  return page.evaluate(
    ({ rule, panelSelector }) => {
      const problems: string[] = [];
      const describe = (el: Element): string => {
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
        return `<${el.tagName.toLowerCase()}${cls}> "${text}"`;
      };
      const shown = (el: Element): boolean => {
        const rect = el.getBoundingClientRect();
        return rect.width > 0 && rect.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      };
      const all = Array.from(document.body.querySelectorAll('*'));

      for (const el of all) {
        if (el.closest('svg') || el.tagName === 'SCRIPT' || el.tagName === 'STYLE') continue;
        const ownText = Array.from(el.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
        if (!ownText || !shown(el)) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < rule.minTextPx - 0.01) problems.push(`text ${size.toFixed(1)} px < ${rule.minTextPx}: ${describe(el)}`);
      }

      for (const el of document.querySelectorAll('button, input, select, textarea, a[href], summary, [role="button"]')) {
        if (!shown(el)) continue;
        const target = el.tagName === 'INPUT' && el.closest('label') ? el.closest('label')! : el;
        const rect = target.getBoundingClientRect();
        if (rect.width < rule.minTargetPx - 0.01 || rect.height < rule.minTargetPx - 0.01) {
          problems.push(`target ${rect.width.toFixed(0)}×${rect.height.toFixed(0)} px < ${rule.minTargetPx}: ${describe(el)}`);
        }
      }

      const panels = Array.from(document.querySelectorAll(panelSelector)).filter(shown);
      const rects = panels.map((el) => el.getBoundingClientRect());
      panels.forEach((el, i) => {
        const r = rects[i]!;
        if (r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) {
          problems.push(`off the screen (${r.left.toFixed(0)},${r.top.toFixed(0)})–(${r.right.toFixed(0)},${r.bottom.toFixed(0)}): ${describe(el)}`);
        }
        for (let j = i + 1; j < panels.length; j++) {
          const s = rects[j]!;
          const overlap = Math.max(0, Math.min(r.right, s.right) - Math.max(r.left, s.left)) * Math.max(0, Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top));
          if (overlap > 1) problems.push(`panels overlap (${overlap.toFixed(0)} px²): ${describe(el)} and ${describe(panels[j]!)}`);
        }
      });
      return problems;
    },
    { rule, panelSelector: PANEL_SELECTOR },
  );
}

/** How much of one band of the screen shows something. */
export interface BandCoverage {
  /** Where the band starts and ends (CSS px) along the split side. */
  from: number;
  to: number;
  /** Share of sample points over a panel. */
  panels: number;
  /** Share of sample points where the scene drew the city (an opaque canvas pixel). */
  map: number;
  /** Share of sample points with either. */
  either: number;
}

/**
 * Splits the screen's long side into `bands` equal bands (rows in portrait, columns in landscape) and
 * samples each on a 12 px grid: a point
 * counts as shown if a panel covers it or the scene drew there (the canvas is transparent where the
 * room's backdrop shows through). The page must run with ?test=1, which keeps the drawing buffer.
 */
export function bandCoverage(page: Page, bands: number): Promise<BandCoverage[]> {
  return page.evaluate(
    async ({ bands, panelSelector }) => {
      const viewer = (window as unknown as { sandtableTest: { viewer: { scene: { requestRender(): void; postRender: { addEventListener(f: () => void): () => void } }; canvas: HTMLCanvasElement } } })
        .sandtableTest.viewer;
      await new Promise<void>((resolve) => {
        const remove = viewer.scene.postRender.addEventListener(() => {
          remove();
          resolve();
        });
        viewer.scene.requestRender();
      });
      const canvas = viewer.canvas;
      const box = canvas.getBoundingClientRect();
      const copy = document.createElement('canvas');
      copy.width = Math.round(box.width);
      copy.height = Math.round(box.height);
      const context = copy.getContext('2d')!;
      context.drawImage(canvas, 0, 0, copy.width, copy.height);
      const pixels = context.getImageData(0, 0, copy.width, copy.height).data;
      const drawn = (x: number, y: number): boolean => {
        const cx = Math.floor(x - box.left);
        const cy = Math.floor(y - box.top);
        if (cx < 0 || cy < 0 || cx >= copy.width || cy >= copy.height) return false;
        return pixels[(cy * copy.width + cx) * 4 + 3]! > 32;
      };
      const panels = Array.from(document.querySelectorAll(panelSelector))
        .filter((el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
        .map((el) => el.getBoundingClientRect());
      const step = 12;
      const result = [];
      for (let band = 0; band < bands; band++) {
        const portrait = innerHeight > innerWidth;
        const long = portrait ? innerHeight : innerWidth;
        const from = (band * long) / bands;
        const to = ((band + 1) * long) / bands;
        const [x0, x1, y0, y1] = portrait ? [0, innerWidth, from, to] : [from, to, 0, innerHeight];
        let count = 0;
        let onPanel = 0;
        let onMap = 0;
        let either = 0;
        for (let y = y0 + step / 2; y < y1; y += step) {
          for (let x = x0 + step / 2; x < x1; x += step) {
            const p = panels.some((r) => x >= r.left && x < r.right && y >= r.top && y < r.bottom);
            const m = drawn(x, y);
            count++;
            if (p) onPanel++;
            if (m) onMap++;
            if (p || m) either++;
          }
        }
        result.push({ from, to, panels: onPanel / count, map: onMap / count, either: either / count });
      }
      return result;
    },
    { bands, panelSelector: PANEL_SELECTOR },
  );
}
