// Pass and play for a classroom: a group sets up with students at roles; a "pass the screen to"
// curtain comes before the lead's desk and before each minister's vote, the desk hidden behind it;
// each student sees their own secret aims and no one else's; the minister's vote goes into the
// game's moves, saved with the group and seats. Screenshots of the setup, a curtain and a
// minister's vote at 1280x720 and 1920x1080.
import { expect, it } from 'vitest';
import { loadScenarioFile } from '../loadScenario';
import { describeBrowser, screenshot } from './harness';

const sc = loadScenarioFile('1927');
const aim = (id: string) => sc.roles!.find(r => r.id === id)!.secretAim;

describeBrowser('classroom: pass and play', browser => {
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    it(`passes the screen between students, each seeing only their own aims (${width}x${height})`, async () => {
      const tp = await browser.open('/', { viewport: { width, height } });
      const page = tp.page;
      await page.click('[data-action=classroom]');
      await page.waitForSelector('[data-action=start-class]');
      await page.fill('#class-group', 'Group 3');
      await page.fill('#class-seed', '31');
      // Begin without the lead: refused with the reason.
      await page.fill('#role-cecil', 'Ben');
      await page.click('[data-action=start-class]');
      expect(await page.locator('.class-form .notice.error').innerText()).toMatch(/none plays its lead, Sir Austen Chamberlain/);
      await page.fill('#role-chamberlain', 'Amira');
      await screenshot(page, `classroom-setup-${width}`);
      await page.click('[data-action=start-class]');

      // The curtain before Amira's desk: the desk is hidden, no aims on the page.
      await page.waitForSelector('dialog.classroom-curtain');
      expect(await page.locator('dialog.classroom-curtain h2').innerText()).toBe('Pass the screen to Amira');
      expect(await page.locator('.game.hidden-for-handover').count()).toBe(1);
      expect(await page.locator('body').innerText()).not.toContain(aim('chamberlain'));
      await screenshot(page, `classroom-curtain-${width}`);
      await page.click('[data-action=i-am]');

      // Through the turn's reports to the desk.
      for (let k = 0; k < 10 && !(await page.locator('[data-action=send]').isVisible()); k++) {
        const more = page.locator('dialog .continue');
        if (await more.isVisible()) await more.click();
        else await page.waitForTimeout(200);
      }
      await page.click('#tab-goals');
      expect(await page.locator('.role-aims').innerText()).toContain(aim('chamberlain'));
      expect(await page.locator('body').innerText()).not.toContain(aim('cecil'));

      // Amira orders the break, which goes to the Cabinet: Ben votes behind his own curtain.
      await page.click('#tab-orders');
      await page.check('input[data-action-id=break-relations]');
      await page.click('[data-action=send]');
      await page.waitForSelector('dialog.classroom-curtain');
      expect(await page.locator('dialog.classroom-curtain h2').innerText()).toBe('Pass the screen to Ben');
      expect(await page.locator('body').innerText()).not.toContain(aim('chamberlain'));
      await page.click('[data-action=i-am]');
      await page.waitForSelector('dialog.classroom-vote');
      const vote = await page.locator('dialog.classroom-vote').innerText();
      expect(vote).toContain(aim('cecil'));
      expect(vote).toMatch(/Break off relations|break/i);
      expect(await page.locator('body').innerText()).not.toContain(aim('chamberlain'));
      expect(await page.locator('[data-action=cast-votes]').isDisabled()).toBe(true);
      await page.check('input[data-vote=against]');
      await screenshot(page, `classroom-vote-${width}`);
      await page.click('[data-action=cast-votes]');
      // Back to Amira, who sends the orders with Ben's vote in them.
      await page.waitForSelector('dialog.classroom-curtain');
      expect(await page.locator('dialog.classroom-curtain h2').innerText()).toBe('Pass the screen to Amira');
      await page.click('[data-action=i-am]');

      // The game saved in the browser holds the vote, the group and the seats.
      await expect
        .poll(
          () =>
            page.evaluate(() => {
              for (let i = 0; i < localStorage.length; i++) {
                const v = localStorage.getItem(localStorage.key(i)!) ?? '';
                if (v.includes('"seats"')) return v;
              }
              return '';
            }),
          { timeout: 30_000 },
        )
        .toMatch(/"votes":\[\{"role":"cecil","item":"action:break-relations","vote":-1\}\]/);
      const saved = await page.evaluate(() => {
        for (let i = 0; i < localStorage.length; i++) {
          const v = localStorage.getItem(localStorage.key(i)!) ?? '';
          if (v.includes('"seats"')) return v;
        }
        return '';
      });
      expect(saved).toContain('"group":"Group 3"');
      expect(saved).toContain('{"role":"chamberlain","player":"Amira"}');
      tp.expectNoConsoleErrors();
    }, 240_000);
  }
});
