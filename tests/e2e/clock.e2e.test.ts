/**
 * The staff's clock control in a real browser: an operator's wall pauses, changes the rate and
 * seeks by tapping the bar, and another wall of the same room follows; the planner has the same
 * control for its room. Each surface in a room of its own, so the other suites' clocks are untouched.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { waitForReady, type PageWatch } from '../support/chromium';
import { openWatched, useChromium } from '../support/use-chromium';

const baseUrl = inject('baseUrl');
const operatorToken = inject('operatorToken');
const plannerToken = inject('plannerToken');
const browser = useChromium();

const open = (path: string, viewport: { width: number; height: number }) => openWatched(browser(), baseUrl, path, viewport);

/** Minutes after local midnight the page's clock panel shows. */
async function clockMinutes(page: Page): Promise<number> {
  const text = (await page.textContent('[data-testid="clock"] .clock-panel__time')) ?? '';
  const match = /(\d{2}):(\d{2}):\d{2}/.exec(text);
  if (!match) throw new Error(`no time in the clock panel: "${text}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The control's play state and its error line, if any (so a refusal shows in a failure). */
async function controlState(page: Page): Promise<string> {
  const error = page.getByTestId('clock-control-error');
  const playing = await page.getByTestId('clock-play').getAttribute('data-playing');
  return `playing=${playing}${(await error.count()) > 0 ? ` error=${await error.textContent()}` : ''}`;
}

/** Taps the seek bar at a fraction of its width, as a finger would. */
async function tapBar(page: Page, fraction: number): Promise<void> {
  const box = await page.getByTestId('seek-bar').boundingBox();
  if (!box) throw new Error('the seek bar is not on screen');
  await page.mouse.click(box.x + box.width * fraction, box.y + box.height / 2);
}

describe('the operator’s wall', () => {
  let operator: { page: Page; watch: PageWatch };
  let wall: { page: Page; watch: PageWatch };

  beforeAll(async () => {
    operator = await open(`/?test=1&idle=3600&lang=en&room=clock-e2e&operator=${operatorToken}`, { width: 1920, height: 1080 });
    // (The wall's real size: its type scale is 28 px body text at 1920×1080, smaller screens scale it down.)
    // The watching wall is opened with a wrong token: it says so and runs as a plain wall.
    wall = await open('/?test=1&idle=3600&lang=en&room=clock-e2e&operator=not-the-operator-token', { width: 640, height: 360 });
    await waitForReady(operator.page, 180_000);
    await waitForReady(wall.page, 180_000);
  });

  afterAll(async () => {
    await operator?.page.close();
    await wall?.page.close();
  });

  it('shows the control to the operator only, at a size for touch and 5 m', async () => {
    await operator.page.getByTestId('clock-control').waitFor({ timeout: 60_000 });
    expect(await operator.page.getByTestId('clock-extent').textContent()).toMatch(/^Replay .*June 12, 2014 00:00 to 23:59$/);
    const sizes = await operator.page
      .locator('[data-testid="clock-control"] button, [data-testid="seek-bar"]')
      .evaluateAll((elements) => elements.map((e) => ({ width: e.getBoundingClientRect().width, height: e.getBoundingClientRect().height, font: parseFloat(getComputedStyle(e).fontSize) })));
    expect(sizes.length).toBeGreaterThan(6);
    for (const size of sizes) {
      expect(size.width).toBeGreaterThanOrEqual(48);
      expect(size.height).toBeGreaterThanOrEqual(48);
      expect(size.font).toBeGreaterThanOrEqual(28);
    }
    await wall.page.getByTestId('operator-refused').waitFor({ timeout: 60_000 });
    expect(await wall.page.getByTestId('operator-refused').textContent()).toMatch(/Operator token refused/);
    expect(await wall.page.getByTestId('clock-control').count()).toBe(0);
  });

  it('pauses, changes the rate and seeks by a tap on the bar, and the other wall follows', async () => {
    const { page } = operator;
    // From a playing clock (a failed first attempt may have left it paused).
    if ((await controlState(page)) === 'playing=false') await page.getByTestId('clock-play').click();
    await expect.poll(() => controlState(page), { timeout: 30_000 }).toBe('playing=true');
    await page.getByTestId('clock-play').click();
    await expect.poll(() => controlState(page), { timeout: 30_000 }).toBe('playing=false');
    await wall.page.getByTestId('clock-paused').waitFor({ timeout: 30_000 });

    await page.click('[data-testid="clock-control"] button[data-rate="300"]');
    await expect.poll(() => page.getAttribute('button[data-rate="300"]', 'aria-pressed'), { timeout: 30_000 }).toBe('true');
    await expect
      .poll(
        () =>
          wall.page
            .getByTestId('clock-rate')
            .textContent()
            .catch(() => null),
        { timeout: 30_000 },
      )
      .toBe('300× speed');

    // The replay is the demo day, local midnight to midnight: half-way along the bar is about noon
    // (the suite's rooms open at 15:00), a quarter of the way about 06:00.
    const near = (hour: number) => (minutes: number) => Math.abs(minutes - hour * 60) < 30;
    await tapBar(page, 0.5);
    await expect.poll(() => clockMinutes(wall.page), { timeout: 30_000 }).toSatisfy(near(12));
    await tapBar(page, 0.25);
    await expect.poll(() => clockMinutes(wall.page), { timeout: 30_000 }).toSatisfy(near(6));

    // Playing again at 300×: the paused badge goes and the watching wall's clock runs on from 06:00.
    const seeked = await clockMinutes(wall.page);
    await page.getByTestId('clock-play').click();
    await expect.poll(() => controlState(page), { timeout: 30_000 }).toBe('playing=true');
    await wall.page.getByTestId('clock-paused').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => clockMinutes(wall.page), { timeout: 60_000 }).toBeGreaterThan(seeked);
    await page.click('[data-testid="clock-control"] button[data-rate="1"]');
    await wall.page.getByTestId('clock-rate').waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('lists the named days outside the replay and lays one’s weather under the room', async () => {
    const { page } = operator;
    const days = page.getByTestId('clock-outside-days').locator('button[data-named-day]');
    expect(await days.count()).toBeGreaterThan(0);
    const heat = page.getByTestId('clock-outside-days').locator('button[data-named-day="heat"]');
    await heat.click();
    await expect.poll(() => heat.getAttribute('aria-pressed'), { timeout: 30_000 }).toBe('true');
    await page.getByTestId('clock-outside-days').getByRole('button', { name: 'Recorded weather' }).click();
    await expect.poll(() => heat.getAttribute('aria-pressed'), { timeout: 30_000 }).toBe('false');
    expect(await page.getByTestId('clock-control-error').count()).toBe(0);
  });

  it('logged no error on either page', () => {
    expect(operator.watch.consoleErrors).toEqual([]);
    expect(wall.watch.consoleErrors).toEqual([]);
    expect([...operator.watch.foreignRequests, ...wall.watch.foreignRequests]).toEqual([]);
  });
});

describe('the planner’s clock', () => {
  it('pauses, sets the rate and seeks its room from the console', async () => {
    const { page, watch } = await open(`/planner?lang=en&test=1&room=clock-planner&token=${plannerToken}`, { width: 1280, height: 720 });
    try {
      const section = page.getByTestId('planner-clock');
      await section.waitFor({ timeout: 120_000 });
      await section.getByTestId('clock-play').click();
      await expect.poll(() => section.getByTestId('clock-play').getAttribute('data-playing'), { timeout: 30_000 }).toBe('false');
      await section.locator('button[data-rate="60"]').click();
      await expect.poll(() => section.locator('button[data-rate="60"]').getAttribute('aria-pressed'), { timeout: 30_000 }).toBe('true');
      // Paused at the suite's CLOCK_START (15:00); a tap at a tenth of the bar goes back to about 02:24.
      await tapBar(page, 0.1);
      await expect
        .poll(async () => Number(await page.getByTestId('seek-bar').getAttribute('aria-valuenow')), { timeout: 30_000 })
        .toBeLessThan(Number(await page.getByTestId('seek-bar').getAttribute('aria-valuemin')) + 3 * 3_600_000);
      // The planner lays weather days with its own picker; here they are only listed.
      expect(await page.getByTestId('clock-outside-days').locator('button').count()).toBe(0);
      expect(await page.getByTestId('clock-outside-days').textContent()).toMatch(/outside the replay: .*Summer heat · 2013-08-07/);
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
