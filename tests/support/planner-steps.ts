/** Steps of a planner's story, as the planner takes them in the console (English). */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Chooses "a point on the map" for the event and clicks the map's centre; resolves once the console names the point. */
export async function placeEventAtMapCentre(page: Page): Promise<void> {
  const event = page.getByTestId('planner-event');
  await event.locator('select').first().selectOption('@point');
  await page.getByText('Click the event’s place on the map').waitFor();
  const box = (await page.locator('#scene canvas').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => event.locator('select').first().locator('option:checked').textContent(), { timeout: 30_000 }).toMatch(/^Map point 121\.\d{4}, 31\.\d{4}$/);
}
