import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDeclutterItem, LabelDeclutter, type DeclutterItem } from './label-declutter';
import { countOverlaps } from './overlap-count';
import type { ScreenRect } from './screen-rect';

const SCREEN = { width: 1920, height: 1080 };

function item(tier: number, x: number, y: number, width = 120, height = 30, distance = 1000, extra: Partial<DeclutterItem> = {}): DeclutterItem {
  const made = createDeclutterItem({ tier, sides: extra.sides, anchorSize: extra.anchorSize, offset: extra.offset });
  return Object.assign(made, { anchorX: x, anchorY: y, width, height, distance, eligible: true });
}

/** Places, then fades until nothing moves, as frames would. */
function settle(declutter: LabelDeclutter, panels: ScreenRect[] = []): void {
  declutter.place(SCREEN, panels);
  for (let frame = 0; frame < 50 && declutter.fade(100); frame++);
}

const shown = (declutter: LabelDeclutter) => declutter.items.filter((i) => i.opacity > 0).map((i) => i.rect);

describe('LabelDeclutter', () => {
  it('keeps the more important of two labels that would overlap, and moves the other beside it', () => {
    const declutter = new LabelDeclutter();
    const place = declutter.add(item(2, 500, 500));
    const marker = declutter.add(item(0, 505, 502, 130));
    settle(declutter);
    expect(marker.placed && marker.side).toBe('top');
    expect(place.placed).toBe(true);
    expect(place.side).not.toBe('top');
    expect(countOverlaps({ viewport: SCREEN, panels: [], labels: shown(declutter) }).total).toBe(0);
  });

  it('hides a label with no free side', () => {
    const declutter = new LabelDeclutter();
    const first = declutter.add(item(1, 500, 500, 120, 30, 1000, { sides: ['top'] }));
    const second = declutter.add(item(1, 510, 505, 120, 30, 2000, { sides: ['top'] }));
    settle(declutter);
    expect([first.placed, second.placed]).toEqual([true, false]);
    expect(second.opacity).toBe(0);
  });

  it('prefers the nearer label within a tier, and keeps a label showing while a rival comes a little nearer', () => {
    const declutter = new LabelDeclutter();
    const far = declutter.add(item(3, 500, 500, 120, 30, 2000, { sides: ['top'] }));
    const near = declutter.add(item(3, 505, 500, 120, 30, 900, { sides: ['top'] }));
    settle(declutter);
    expect([far.placed, near.placed]).toEqual([false, true]);
    far.distance = 850; // a bit nearer than the one showing, but within the stickiness
    settle(declutter);
    expect([far.placed, near.placed]).toEqual([false, true]);
    far.distance = 300;
    settle(declutter);
    expect([far.placed, near.placed]).toEqual([true, false]);
  });

  it('hides labels under a panel or cut by the screen edge', () => {
    const declutter = new LabelDeclutter();
    const underPanel = declutter.add(item(0, 200, 300, 120, 30, 100, { sides: ['top'] }));
    const atEdge = declutter.add(item(0, 1900, 600, 120, 30, 100, { sides: ['top'] }));
    const clear = declutter.add(item(0, 960, 600, 120, 30, 100, { sides: ['top'] }));
    settle(declutter, [{ x: 30, y: 200, width: 450, height: 500 }]);
    expect([underPanel.placed, atEdge.placed, clear.placed]).toEqual([false, false, true]);
  });

  it('moves a label to a free side at the screen edge instead of cutting it', () => {
    const declutter = new LabelDeclutter();
    const label = declutter.add(item(2, 960, 20));
    settle(declutter);
    expect(label.side).toBe('bottom');
  });

  it('keeps labels off markers, their own included', () => {
    const declutter = new LabelDeclutter();
    const marker = declutter.add(item(0, 700, 700, 100, 30, 500, { anchorSize: 22 }));
    const name = declutter.add(item(2, 700, 740, 100, 30, 500, { sides: ['top'] }));
    settle(declutter);
    expect(marker.placed).toBe(true);
    expect(marker.rect.y + marker.rect.height).toBeLessThanOrEqual(700 - 11);
    // The name's box above its anchor would cover the marker's dot.
    expect(name.placed).toBe(false);
  });

  it('fades in and out over several frames rather than popping', () => {
    const declutter = new LabelDeclutter({ fadeMs: 300, maxFadeStepMs: 100 });
    const label = declutter.add(item(1, 960, 540));
    declutter.place(SCREEN, []);
    const seen: number[] = [];
    while (declutter.fade(1000)) seen.push(label.opacity);
    seen.push(label.opacity);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.at(-1)).toBe(1);
    label.eligible = false;
    declutter.place(SCREEN, []);
    expect(declutter.fade(100)).toBe(true);
    expect(label.opacity).toBeGreaterThan(0);
    expect(label.opacity).toBeLessThan(1);
  });

  it('never leaves two shown labels overlapping, under a panel or cut by the edge', () => {
    const arbitraryItem = fc.record({
      tier: fc.integer({ min: 0, max: 5 }),
      x: fc.integer({ min: -100, max: 2020 }),
      y: fc.integer({ min: -100, max: 1180 }),
      width: fc.integer({ min: 20, max: 420 }),
      height: fc.integer({ min: 16, max: 90 }),
      distance: fc.integer({ min: 50, max: 9000 }),
      anchorSize: fc.constantFrom(0, 0, 14, 22),
    });
    const panel = fc.record({ x: fc.integer({ min: 0, max: 1800 }), y: fc.integer({ min: 0, max: 1000 }), width: fc.integer({ min: 50, max: 500 }), height: fc.integer({ min: 30, max: 600 }) });
    fc.assert(
      fc.property(
        fc.array(arbitraryItem, { maxLength: 120 }),
        fc.array(panel, { maxLength: 5 }),
        fc.array(fc.integer({ min: -300, max: 300 }), { minLength: 2, maxLength: 4 }),
        (specs, panels, moves) => {
          const declutter = new LabelDeclutter();
          const items = specs.map((s) => declutter.add(item(s.tier, s.x, s.y, s.width, s.height, s.distance, { anchorSize: s.anchorSize })));
          // A camera moving: the whole screen shifts between placements, the last one settles.
          for (const dx of moves) {
            for (const [i, it] of items.entries()) it.anchorX = specs[i]!.x + dx;
            declutter.place(SCREEN, panels);
            declutter.fade(100);
          }
          settle(declutter, panels);
          expect(countOverlaps({ viewport: SCREEN, panels, labels: shown(declutter) })).toEqual({ labelLabel: 0, labelPanel: 0, labelEdge: 0, total: 0 });
        },
      ),
    );
  });
});
