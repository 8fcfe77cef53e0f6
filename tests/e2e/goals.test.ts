// Goals in sight in the browser: the new-game screen lists the chosen side's objectives with their
// weights and switches with the side; in a game the Goals tab opens with G and shows each objective
// with its status now; nothing before the end tells how history did. Photographed at 1280 x 720.
import { expect, it } from 'vitest';
import { describeBrowser, screenshot } from './harness';
import { newGame, nextScreen } from './play';

describeBrowser('goals', browser => {
  it('shows the side’s objectives on the new-game screen and in the Goals tab (key G)', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 } });
    const page = tp.page;
    await page.click('[data-action=new]');
    await page.waitForSelector('.setup-goals .goal');
    expect(await page.locator('.setup-goals h2').innerText()).toMatch(/Chamberlain/);
    expect(await page.locator('.setup-goals .goal').count()).toBe(10);
    await screenshot(page, 'setup-goals');
    await page.check('input[name=side][value=ussr]');
    expect(await page.locator('.setup-goals h2').innerText()).toMatch(/Litvinov/);
    expect(await page.locator('.setup-goals .goal-label').first().innerText()).toBe('Prevent the rupture');
    expect(await page.locator('.setup-goals').innerText()).not.toMatch(/Historically/);

    await page.click('.form-actions button:not([data-action])');
    await newGame(page, { side: 'britain', opponent: 'persona', seed: '21' });
    for (let s = await nextScreen(page); s !== 'desk'; s = await nextScreen(page)) {
      if (s === 'reports') await page.click('.reports-dialog .continue');
      else if (s === 'decision') await page.locator('.option-btn').first().click();
    }
    const height = () => page.evaluate(() => document.documentElement.scrollHeight);
    const desk = await height();
    await page.keyboard.press('g');
    await page.waitForSelector('#panel .goal');
    expect(await page.getAttribute('#tab-goals', 'aria-selected')).toBe('true');
    expect(await page.getAttribute('#tab-goals', 'aria-keyshortcuts')).toBe('G');
    const statuses = await page.locator('#panel .goal-status').allInnerTexts();
    expect(statuses).toHaveLength(10);
    for (const t of statuses) expect(t).toMatch(/on course|at risk|lost|hidden from you/);
    expect(await page.locator('#panel').innerText()).not.toMatch(/Historically/);
    // The long list scrolls inside the desk; it does not stretch the page.
    expect(await height()).toBeLessThanOrEqual(desk);
    await screenshot(page, 'goals-tab');
    tp.expectNoConsoleErrors();
  });
});
