/**
 * The planner page in a real browser: the token gate (missing, wrong, right), then one planner's
 * session of edits made as a user makes them — roads closed by clicking the map, one removed from
 * the list, one reopened by clicking it again, the event placed on the map, the window and demand
 * changed, a what-if started and cancelled — and a lost WebGL context the page rebuilds from with
 * the planner's state intact. Any page error, console error or scene rebuild not asked for fails it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RoadGraphFile } from '../../src/protocol/city-pack';
import { waitForReady, type PageWatch } from '../support/chromium';
import { placeEventAtMapCentre } from '../support/planner-steps';
import { openWatched, useChromium } from '../support/use-chromium';
import { clickableSegments, loadGraph, onScreen, spreadOut, type OnScreen, type Target } from '../support/road-targets';

const baseUrl = inject('baseUrl');
const plannerToken = inject('plannerToken');
const VIEWPORT = { width: 1120, height: 640 };
const browser = useChromium();

const open = (path: string) => openWatched(browser(), baseUrl, path, VIEWPORT);

describe('the planner token gate', () => {
  it('asks for the token when the address has none', async () => {
    const { page } = await open('/planner?lang=en');
    await page.getByTestId('planner-token-form').waitFor({ timeout: 60_000 });
    expect(await page.getByText('Enter the planner token').isVisible()).toBe(true);
    await page.close();
  });

  it('refuses a wrong token with the reason shown', async () => {
    const { page } = await open('/planner?lang=en&token=not-the-token');
    const message = page.getByTestId('planner-token-error');
    await message.waitFor({ timeout: 60_000 });
    expect(await message.textContent()).toContain('the planner role needs a valid token');
    expect(await page.getByTestId('planner-console').count()).toBe(0);
    // A right token typed into the form opens the console.
    await page.fill('input[name="token"]', plannerToken);
    await page.click('button[type="submit"]');
    await page.getByTestId('planner-console').waitFor({ timeout: 120_000 });
    await page.close();
  });
});

describe('a planner session of edits', () => {
  let page: Page;
  let watch: PageWatch;
  /** The app's scene-broke signal: the keeper's warning when it rebuilds the scene. */
  const sceneBroke: string[] = [];
  let graph: RoadGraphFile;
  let targets: Target[];
  let picked: OnScreen[];

  const closures = () => page.getByTestId('planner-closures').locator('li');
  const scenarioSection = () => page.getByTestId('planner-console').locator('section', { has: page.getByRole('heading', { name: 'Scenario', exact: true }) });
  const rebuilds = () => page.evaluate(() => document.documentElement.dataset.rebuilds ?? '0');

  /** Waits for the scene to draw a frame after what just changed (or to report itself broken by a rebuild). */
  async function nextFrame(): Promise<void> {
    type Hooks = { sandtableFrames?: number; sandtableTest: { viewer: { scene: { requestRender(): void } } } };
    const before = await page.evaluate(() => {
      const w = window as unknown as Hooks;
      // Asked for, so a frame comes even when nothing in the city moves.
      w.sandtableTest.viewer.scene.requestRender();
      return { frames: w.sandtableFrames ?? 0, rebuilds: document.documentElement.dataset.rebuilds };
    });
    await page.waitForFunction((before) => ((window as unknown as Hooks).sandtableFrames ?? 0) > before.frames || document.documentElement.dataset.rebuilds !== before.rebuilds, before, {
      timeout: 60_000,
      polling: 100,
    });
  }

  /** No page or console error (but `allowed` ones), and exactly the rebuilds a test caused, each announced once. */
  async function expectHealthy(expectedRebuilds = 0, allowed: RegExp | null = null): Promise<void> {
    expect(watch.consoleErrors.filter((line) => !allowed?.test(line))).toEqual([]);
    expect(await rebuilds()).toBe(String(expectedRebuilds));
    // Every rebuild is announced once.
    expect(sceneBroke).toHaveLength(expectedRebuilds);
    // Every event the server sent (the feed, the clock, the planner's jobs and state) passed its schema.
    type Store = { getState(): { connection: { invalidEvents: Record<string, number> } } };
    expect(await page.evaluate(() => (window as unknown as { sandtableTest: { store: Store } }).sandtableTest.store.getState().connection.invalidEvents)).toEqual({});
  }

  /** The closed segments the list shows, as their edge lists ("12 / 13"). */
  async function listedSegments(): Promise<string[]> {
    return (await closures().allTextContents()).map((text) => /segment ([\d /]+) ·/.exec(text)?.[1] ?? text);
  }

  /** The draft as the console shows it: closures, event place and hours, window, demand, name. */
  async function draftShown(): Promise<Record<string, string | string[] | null>> {
    const event = page.getByTestId('planner-event');
    return {
      closures: await listedSegments(),
      event: await event.locator('select').first().locator('option:checked').textContent(),
      eventFrom: await event.getByLabel('From').inputValue(),
      eventTo: await event.getByLabel('To').inputValue(),
      from: await scenarioSection().getByLabel('From').inputValue(),
      to: await scenarioSection().getByLabel('To').inputValue(),
      demand: await page.locator('.planner-slider output').textContent(),
      name: await scenarioSection().getByLabel('Name').inputValue(),
    };
  }

  /** Clicks a target with the mouse at its current screen position and waits for the list to show `expected`. */
  async function clickRoad(target: Target, expected: Target[], expectedRebuilds = 0, allowed: RegExp | null = null): Promise<void> {
    const [where] = await onScreen(page, [target]);
    expect(where, `segment ${target.edges.join(' / ')} is on screen`).toBeDefined();
    await page.mouse.click(where!.x, where!.y);
    await expect.poll(listedSegments, { timeout: 30_000 }).toEqual(expected.map((t) => t.edges.join(' / ')));
    await nextFrame();
    await expectHealthy(expectedRebuilds, allowed);
  }

  beforeAll(async () => {
    graph = await loadGraph(baseUrl);
    targets = clickableSegments(graph);
    ({ page, watch } = await open(`/planner?lang=en&test=1&token=${plannerToken}`));
    page.on('console', (message) => {
      if (/rebuilding the scene|scene broke/i.test(message.text())) sceneBroke.push(message.text());
    });
    await page.getByTestId('planner-console').waitFor({ timeout: 120_000 });
    await waitForReady(page, 180_000);
    await page.waitForFunction(() => 'sandtablePlanner' in window, null, { timeout: 30_000 });
  });

  afterAll(async () => {
    await page?.close();
  });

  it('opens the console: scenario, closures, demand, event, run, saved scenarios, weather', async () => {
    const console_ = page.getByTestId('planner-console');
    for (const heading of ['Planner console', 'Scenario', 'Closed road segments', 'Event (extra trips)', 'Saved scenarios', 'Weather scenario']) {
      expect(await console_.getByText(heading, { exact: true }).count(), heading).toBeGreaterThan(0);
    }
    expect(await console_.getByRole('button', { name: 'Run', exact: true }).isEnabled()).toBe(true);
    expect(await console_.locator('input[type="range"]').getAttribute('min')).toBe('-50');
    await expectHealthy();
  });

  it('closes three roads clicked on the map, removes one from the list, reopens and recloses one by clicking it', async () => {
    picked = spreadOut(await onScreen(page, targets), 4);
    expect(picked.length, `clickable road segments on screen (of ${targets.length} in the pack)`).toBe(4);
    const [a, b, c] = picked as [OnScreen, OnScreen, OnScreen];
    await clickRoad(a, [a]);
    // The second closure is where the scene used to break ("This object was destroyed").
    await clickRoad(b, [a, b]);
    await clickRoad(c, [a, b, c]);
    await closures().nth(1).getByRole('button', { name: 'Remove' }).click();
    await expect.poll(listedSegments, { timeout: 30_000 }).toEqual([a, c].map((t) => t.edges.join(' / ')));
    await nextFrame();
    await expectHealthy();
    await clickRoad(a, [c]);
    await clickRoad(a, [c, a]);
  });

  it('places the event at a clicked point and changes the window and the demand', async () => {
    await placeEventAtMapCentre(page);
    // The click placed the event and closed no road.
    expect(await closures().count()).toBe(2);
    await scenarioSection().getByLabel('From').selectOption('8');
    await scenarioSection().getByLabel('To').selectOption('10');
    const demand = page.locator('input[type="range"]');
    await demand.focus();
    for (let i = 0; i < 6; i++) await demand.press('ArrowRight');
    await expect.poll(() => page.locator('.planner-slider output').textContent()).toBe('+30 %');
    await scenarioSection().getByLabel('Name').fill('Two roads closed');
    await nextFrame();
    await expectHealthy();
  });

  it('starts a what-if and cancels it', async () => {
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // The job's progress, or the server's refusal (the window moved past the event once made it refuse).
    await page.locator('[role="progressbar"], [role="alert"]').first().waitFor({ timeout: 60_000 });
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.getByText('The what-if was cancelled').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
    // It was saved when it started, so the list shows it though it never finished.
    await page.getByTestId('planner-saved').getByText('Two roads closed', { exact: true }).waitFor({ timeout: 30_000 });
    await nextFrame();
    await expectHealthy();
  });

  it('rebuilds the scene after a lost WebGL context with the closures, event, window, demand and session intact', async () => {
    const before = await draftShown();
    // The event (07:00–08:00 by default) moved with the window to 08:00–09:00.
    expect(before).toMatchObject({ from: '8', to: '10', eventFrom: '8', eventTo: '9', demand: '+30 %', name: 'Two roads closed' });
    await page.evaluate(() => {
      const viewer = (window as unknown as { sandtableTest: { viewer: { scene: { context: { _gl: WebGL2RenderingContext } } } } }).sandtableTest.viewer;
      viewer.scene.context._gl.getExtension('WEBGL_lose_context')!.loseContext();
    });
    await page.waitForFunction(() => document.documentElement.dataset.rebuilds === '1', undefined, { timeout: 30_000 });
    await waitForReady(page, 180_000);
    const lostContext = /context lost|CONTEXT_LOST/i;
    await expectHealthy(1, lostContext);
    expect(await page.locator('#scene canvas').count()).toBe(1);
    // The console kept its draft, and the hub session its planner login.
    expect(await page.getByTestId('planner-token-form').count()).toBe(0);
    expect(await draftShown()).toEqual(before);
    expect(await page.evaluate(() => (window as unknown as { sandtableTest: { store: { getState(): { connection: { status: string } } } } }).sandtableTest.store.getState().connection.status)).toBe(
      'connected',
    );
    // The new viewer draws the same closures, one red line per closed segment.
    const drawn = await page.evaluate(() => {
      type Item = { id?: { closedSegment?: number[] } };
      type Collection = { length: number; get(i: number): Item & Partial<Collection> };
      const primitives = (window as unknown as { sandtableTest: { viewer: { scene: { primitives: Collection } } } }).sandtableTest.viewer.scene.primitives;
      const segments: string[] = [];
      for (let i = 0; i < primitives.length; i++) {
        const primitive = primitives.get(i);
        if (typeof primitive.get !== 'function' || typeof primitive.length !== 'number') continue;
        for (let k = 0; k < primitive.length; k++) {
          const segment = primitive.get(k).id?.closedSegment;
          if (segment) segments.push(segment.join(' / '));
        }
      }
      return segments;
    });
    expect(drawn).toEqual(before.closures);
    // The map still takes clicks: the fourth road closes on the new canvas and reopens from the list.
    const [a, , c, d] = picked as [OnScreen, OnScreen, OnScreen, OnScreen];
    await clickRoad(d, [c, a, d], 1, lostContext);
    await closures().nth(2).getByRole('button', { name: 'Remove' }).click();
    await expect.poll(listedSegments, { timeout: 30_000 }).toEqual([c, a].map((t) => t.edges.join(' / ')));
    await nextFrame();
    await expectHealthy(1, lostContext);
    expect(watch.foreignRequests).toEqual([]);
  });
});
