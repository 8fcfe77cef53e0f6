// Pass and play, 1932: a student at Vansittart, the Foreign Office's Permanent Under-Secretary, who
// is outside the Cabinet (member: false), advises on what goes to it rather than votes. His screen
// says so, and what he gives is called advice. Screenshots at 1280x720 and 390x844.
import { expect, it } from 'vitest';
import { describeBrowser, screenshot } from './harness';

describeBrowser('classroom: an adviser outside the Cabinet', browser => {
  for (const [width, height] of [
    [1280, 720],
    [390, 844],
  ] as const) {
    it(`tells the student at Vansittart he advises, and takes his advice (${width}x${height})`, async () => {
      const tp = await browser.open('/', { viewport: { width, height } });
      const page = tp.page;
      await page.click('[data-action=classroom]');
      await page.waitForSelector('[data-action=start-class]');
      await page.check('input[name=class-scenario][value="1932"]');
      await page.waitForSelector('#role-vansittart');
      await page.fill('#class-seed', '7');
      await page.fill('#role-chamberlain', 'Amira');
      await page.fill('#role-vansittart', 'Ben');
      await page.click('[data-action=start-class]');
      await page.waitForSelector('dialog.classroom-curtain');
      await page.click('[data-action=i-am]');
      // Through the reports to the matters put to Britain: Amira takes an option that goes to the Cabinet.
      const ben = page.locator('dialog.classroom-curtain', { hasText: 'Pass the screen to Ben' });
      for (let k = 0; k < 40 && !(await ben.isVisible()); k++) {
        const link = page.locator('.option-btn', { hasText: 'Goes to a vote' });
        const more = page.locator('dialog .continue');
        if (await link.first().isVisible()) await link.first().click();
        else if (await more.first().isVisible()) await more.first().click();
        else await page.waitForTimeout(250);
      }
      await ben.waitFor();
      expect(await page.locator('dialog.classroom-curtain').innerText()).toMatch(/Ben \(Sir Robert Vansittart, .*\): your advice is asked on an item before the Cabinet\./);
      await page.click('[data-action=i-am]');
      await page.waitForSelector('dialog.classroom-vote');
      const dialog = await page.locator('dialog.classroom-vote').innerText();
      expect(dialog).toMatch(/The lead asks your advice on what goes to the Cabinet/);
      expect(dialog).toMatch(/not a member of the Cabinet, so you do not vote: you advise/);
      expect(await page.locator('[data-action=cast-votes]').textContent()).toBe('Give my advice');
      await page.check('input[data-vote=for]');
      await screenshot(page, `classroom-advice-${width}`);
      await page.click('[data-action=cast-votes]');
      await page.waitForSelector('dialog.classroom-curtain');
      expect(await page.locator('dialog.classroom-curtain').innerText()).toMatch(/the votes are cast and the advice given; send your orders/);
    });
  }
});
