// A minister's vote while his connection is down (session 21): nothing is sent or queued, the bar
// says the vote was not sent and where it is kept, his role fold keeps it on its item, marked not
// sent, and once the connection is back one press sends it and the lead's open decision shows it.
// Then, on the next turn, a reload of his page does not open the first turn's headline ("Relations
// broken") again: it is still on the Reports tab. 1929, Britain's first decision: its third option
// goes to the Cabinet. Screenshots at 1280x720 and 390x844.
import { expect, it } from 'vitest';
import { cabinetLesson, LAPTOP, PHONE, throughReports } from './classPages';
import { useClassServer } from './classServer';
import { describeBrowser, viewportShot } from './harness';
import { playInPage } from './play';

const LONG = { timeout: 60_000 };

describeBrowser('classroom: a minister’s vote across a dropped connection', browser => {
  const server = useClassServer('classvotedrop');

  it('keeps the vote refused while down, sends it in one press once back, and a reload does not open old headlines', async () => {
    const { teacher, card, ada, boris, cecil, link } = await cabinetLesson(browser, server);
    const c = cecil.page;
    const votes = ada.page.locator('dialog.decision-dialog[open] .option-votes').first();
    expect(await votes.innerText()).toBe('No minister has voted on it yet.');

    // The connection drops; Cecil votes For the option before the Cabinet: refused, said, and kept.
    await c.locator('.cabinet-panel').evaluate(d => ((d as HTMLDetailsElement).open = true));
    link.set(false);
    await c.waitForFunction(() => /reconnecting/.test(document.querySelector('.classbar .cb-net')?.textContent ?? ''), null, LONG);
    const forButton = c.locator('button[data-vote=for][data-item^="option:"]').first();
    const item = (await forButton.getAttribute('data-item'))!;
    const itemBox = c.locator('.cp-item', { has: c.locator(`[data-item="${item}"]`) });
    await forButton.click();
    expect(await c.locator('.classbar .cb-refused').innerText()).toMatch(/^Vote not sent: the connection to the classroom server is down .*kept under “Your role”/);
    expect(await itemBox.locator('.cp-unsent').innerText()).toMatch(/^Your vote For is not sent: the connection is down\./);
    expect(await itemBox.locator('.cp-mine').innerText()).toMatch(/^Not voted/);
    expect(await itemBox.locator('[data-action=send-vote]').count()).toBe(0);
    expect(await c.locator('.cabinet-panel .cp-summary').innerText()).toMatch(/1 not sent/);
    await itemBox.scrollIntoViewIfNeeded();
    await viewportShot(c, 'class-vote-unsent-down-390x844');
    await c.setViewportSize(LAPTOP);
    await itemBox.scrollIntoViewIfNeeded();
    await viewportShot(c, 'class-vote-unsent-down-1280x720');
    await c.setViewportSize(PHONE);
    // Nothing reached the lead.
    expect(await votes.innerText()).toBe('No minister has voted on it yet.');

    // Back: the kept vote goes with one press, and Ada's open decision shows it.
    const sendKept = itemBox.locator('[data-action=send-vote]');
    // Closed meanwhile, the fold opens on it as the connection comes back.
    await c.locator('.cabinet-panel').evaluate(d => ((d as HTMLDetailsElement).open = false));
    await viewportShot(c, 'class-vote-unsent-folded-390x844');
    link.set(true);
    await c.waitForFunction(() => !document.querySelector('.classbar .cb-net')?.textContent, null, LONG);
    await sendKept.waitFor(LONG);
    expect(await c.locator('.cabinet-panel').evaluate(d => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await itemBox.locator('.cp-unsent').innerText()).toMatch(/^Your vote For is not sent: the connection is back\./);
    await itemBox.scrollIntoViewIfNeeded();
    await viewportShot(c, 'class-vote-unsent-back-390x844');
    await c.setViewportSize(LAPTOP);
    await itemBox.scrollIntoViewIfNeeded();
    await viewportShot(c, 'class-vote-unsent-back-1280x720');
    await c.setViewportSize(PHONE);
    await sendKept.click();
    await itemBox.locator('.cp-mine', { hasText: /^You vote For$/ }).waitFor(LONG);
    expect(await itemBox.locator('.cp-unsent').count()).toBe(0);
    await ada.page.waitForFunction(() => /^Ministers' votes so far: for, /.test(document.querySelector('dialog.decision-dialog[open] .option-votes')?.textContent ?? ''), null, LONG);

    // The next turn: Cecil reads its reports, then reloads his page. Turn 1's "Relations broken" is
    // still in the seat's view (the last turn's news and this one's) and on his Reports tab, but no
    // dialog opens for it, nor for anything else he was shown, when the game next moves.
    await ada.page
      .locator('dialog.decision-dialog[open] .option-btn', { has: ada.page.locator('.option-votes') })
      .first()
      .click();
    await Promise.all([playInPage(ada.page, { maxDesks: 1 }), playInPage(boris.page, { maxDesks: 1 })]);
    await c.waitForFunction(() => /turn 2 of/.test(document.querySelector('.classbar .cb-phase')?.textContent ?? ''), null, LONG);
    await throughReports(c, 'none');
    await c.waitForFunction(() => /turn\s2\sof/.test(document.querySelector('.topbar .phase')?.textContent ?? ''), null, LONG);
    await c.reload();
    await c.waitForSelector('.game .topbar', LONG);
    // The teacher's pause and resume move the game's screen on (a page taken back waits for the server's next word).
    await card.locator('[data-action=pause]').click();
    await c.waitForFunction(() => /paused/.test(document.querySelector('.panel .status')?.textContent ?? ''), null, LONG);
    await card.locator('[data-action=resume]').click();
    await c.waitForFunction(() => !/paused/.test(document.querySelector('.panel .status')?.textContent ?? ''), null, LONG);
    expect(await c.locator('dialog[open]').count(), 'a dialog of reports already shown').toBe(0);
    await c.click('#tab-reports');
    expect(await c.locator('#panel').textContent()).toMatch(/Relations broken/);
    await c.locator('#panel .stop-press').scrollIntoViewIfNeeded();
    await viewportShot(c, 'class-reload-reports-390x844');
    await c.setViewportSize(LAPTOP);
    await viewportShot(c, 'class-reload-reports-1280x720');
    for (const p of [teacher, ada, boris]) p.expectNoConsoleErrors();
    await link.close();
  }, 300_000);
});
