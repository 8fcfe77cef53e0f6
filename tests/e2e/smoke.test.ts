// The built page loads in Chromium, shows the game's title and logs no errors.
import { expect, it } from 'vitest';
import { describeBrowser, screenshot, waitForHeading } from './harness';

describeBrowser('smoke: the built app in Chromium', browser => {
  it('shows the title heading with no console errors', async () => {
    const { page, expectNoConsoleErrors } = await browser.open('/');
    const title = await waitForHeading(page);
    expect(title).toContain('Anglo-Soviet');
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'title');
    expectNoConsoleErrors();
  });

  it('shows the title with reduced motion too', async () => {
    const { page, expectNoConsoleErrors } = await browser.open('/', { reducedMotion: 'reduce' });
    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
    expect(await waitForHeading(page)).toContain('Anglo-Soviet');
    expectNoConsoleErrors();
  });
});
