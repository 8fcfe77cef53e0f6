// The what-if explorer in the browser: from the opening of 1927, continuations played in Web
// Workers with a progress bar, the outcome charts and tables with history marked; and a long run
// cancelled part-way, leaving nothing behind. Photographed at 1280 x 720 and 1920 x 1080.
import { expect, it } from 'vitest';
import { describeBrowser, screenshot } from './harness';
import { watch } from './history';

describeBrowser('history: the what-if explorer', browser => {
  it('plays continuations from 2 May 1927 and charts the outcomes against history', async () => {
    const tp = await browser.open('/', { viewport: { width: 1920, height: 1080 } });
    const page = tp.page;
    await watch(page);
    await page.click('[data-action=explore]');
    await page.waitForSelector('#explore-games');
    expect(await page.locator('.watch-title .help').innerText()).toMatch(/From history as it stands on Monday 2 May 1927/);
    await page.fill('#explore-games', '300');
    await page.selectOption('#explore-britain', 'historical');
    await page.click('[data-action=run]');
    await page.waitForSelector('#explore-head', { timeout: 110_000 });
    expect(await page.locator('#explore-head').innerText()).toBe('300 continuations from Monday 2 May 1927');
    // Each scenario outcome with its rate, and whether it came about in history.
    const outcomes = page.locator('.outcomes tbody tr');
    expect(await outcomes.count()).toBeGreaterThan(1);
    for (const t of await outcomes.allInnerTexts()) expect(t).toMatch(/\d+\.\d%\s+(yes|no)/);
    expect(await page.locator('.outcomes tr.in-history').count()).toBeGreaterThan(0);
    // Three charts drawn (uPlot canvases), each with its figures in words.
    expect(await page.locator('.chart canvas').count()).toBe(3);
    const words = await page.locator('.chart-card .help').allInnerTexts();
    expect(words[0]).toMatch(/of games broke off relations; .* never did\. History broke them off on .*1927\./);
    expect(words[1]).toMatch(/Median peak \d+ .*history \d+/);
    expect(words[2]).toMatch(/history £-?[\d,]+k/);
    // Both sides' objectives, with history's score.
    expect(await page.locator('.objectives-grid table').count()).toBe(2);
    await screenshot(page, 'history-explore-1920');
    tp.expectNoConsoleErrors();
  });

  it('cancels a long run part-way with the keyboard', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 } });
    const page = tp.page;
    await watch(page);
    await page.click('[data-action=explore]');
    await page.waitForSelector('#explore-games');
    await page.fill('#explore-games', '10000');
    await page.keyboard.press('Enter');
    // The progress bar moves, and the focus is on Cancel.
    await page.waitForSelector('#explore-progress');
    await page.waitForFunction(() => Number((document.querySelector('#explore-progress') as HTMLProgressElement | null)?.value ?? 0) > 0, null, { timeout: 60_000 });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('cancel');
    expect(await page.getAttribute('#explore-progress', 'max')).toBe('10000');
    await screenshot(page, 'history-explore-running');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#explore-stopped');
    expect(await page.locator('#explore-stopped').innerText()).toMatch(/Cancelled/);
    expect(await page.locator('.chart').count()).toBe(0);
    // The form is back, ready to run again.
    expect(await page.locator('[data-action=run]').isEnabled()).toBe(true);
    tp.expectNoConsoleErrors();
  });
});
