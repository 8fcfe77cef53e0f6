// A classroom on students' own devices (session 20): the lead's decision shows, under each option
// that goes to the Cabinet, the ministers' votes so far, as they come in, and the lead may put the
// decision aside and take it up again (it was a dialog that could not be closed, over the only tally,
// so leads decided before a minister had voted). 1929, Britain's first decision: its third option
// goes to the Cabinet. A minister's header names him, not the lead, and open reports that the game
// has moved past say so, with one press to the newest turn; the reports skipped so stay on the
// Reports tab, under Earlier reports. Screenshots at 1280x720, 768x1024, 390x844.
import { expect, it } from 'vitest';
import { throughReports } from './classPages';
import { useClassServer } from './classServer';
import { createClass, describeBrowser, viewportShot } from './harness';
import { playInPage } from './play';

describeBrowser('classroom: the lead decides seeing the ministers’ votes', browser => {
  const server = useClassServer('classleadvotes');

  it('shows the votes in the decision as they come, and lets the lead put it aside', async () => {
    const open = (urlPath: string, viewport: { width: number; height: number }) => server.open(browser, urlPath, viewport);
    const teacher = await open('/?class', { width: 1280, height: 720 });
    const [code] = await createClass(teacher.page, { groups: 1, pace: 0, scenario: '1929' });
    const join = async (name: string, viewport: { width: number; height: number }) => {
      const tp = await open(`/?join=${code}`, viewport);
      await tp.page.fill('#name', name);
      await tp.page.click('[data-action=join]');
      await tp.page.waitForSelector('.class-lobby');
      return tp;
    };
    // Dealt in order: Britain's lead, the Soviet lead, then Britain's ministers.
    const ada = await join('Ada', { width: 1280, height: 720 });
    const boris = await join('Boris', { width: 1280, height: 720 });
    const cecil = await join('Cecil', { width: 1280, height: 720 });
    await teacher.page.locator('[data-action=start]').first().click();

    await throughReports(ada.page, 'decision');
    const voted = ada.page.locator('dialog.decision-dialog[open] .option-votes');
    await voted.first().waitFor();
    expect(await voted.first().innerText()).toBe('No minister has voted on it yet.');
    expect(await ada.page.locator('dialog.decision-dialog[open] .ballots-note').count()).toBe(1);

    // Cecil, a minister, votes For the option that goes to the Cabinet: Ada's open decision shows it.
    await throughReports(cecil.page, 'none');
    const minister = (await cecil.page.locator('.cabinet-panel .cp-who').innerText()).replace(/^Your role: /, '').split(',')[0]!;
    await cecil.page.locator('.cabinet-panel').evaluate(d => ((d as HTMLDetailsElement).open = true));
    await cecil.page.locator('button[data-vote=for][data-item^="option:"]').first().click();
    await ada.page.waitForFunction(() => /^Ministers' votes so far: for, /.test(document.querySelector('dialog.decision-dialog[open] .option-votes')?.textContent ?? ''), null, { timeout: 60_000 });
    const line = await voted.first().innerText();
    expect(line).toMatch(/^Ministers' votes so far: for, .+; against, none\.$/);
    // The tally names the minister Cecil plays (his role fold says whom).
    expect(
      minister.split(' ').some(w => line.includes(w)),
      `${line} names ${minister}`,
    ).toBe(true);
    for (const [width, height] of [
      [1280, 720],
      [768, 1024],
      [390, 844],
    ] as const) {
      await ada.page.setViewportSize({ width, height });
      await ada.page.locator('dialog.decision-dialog[open] .option-votes').first().scrollIntoViewIfNeeded();
      await viewportShot(ada.page, `class-lead-votes-${width}`);
    }
    await ada.page.setViewportSize({ width: 1280, height: 720 });

    // Put aside: the desk says a decision waits, and brings it back, the votes still in it.
    await ada.page.click('dialog.decision-dialog[open] [data-action=put-aside]');
    await ada.page.waitForSelector('[data-action=back-to-decision]');
    expect(await ada.page.locator('dialog.decision-dialog[open]').count()).toBe(0);
    await viewportShot(ada.page, 'class-lead-aside-1280');
    await ada.page.setViewportSize({ width: 390, height: 844 });
    await ada.page.locator('[data-action=back-to-decision]').scrollIntoViewIfNeeded();
    await viewportShot(ada.page, 'class-lead-aside-390');
    await ada.page.setViewportSize({ width: 1280, height: 720 });
    await ada.page.click('[data-action=back-to-decision]');
    await ada.page.waitForSelector('dialog.decision-dialog[open] .option-votes');
    expect(await voted.first().innerText()).toBe(line);
    // The decision is taken as before.
    await ada.page
      .locator('dialog.decision-dialog[open] .option-btn', { has: ada.page.locator('.option-votes') })
      .first()
      .click();
    await ada.page.waitForFunction(() => !document.querySelector('dialog.decision-dialog'));

    // A minister's screen is his own: his name and office in its header, and whose lead the side
    // follows (it named the lead alone). A class game offers no Save or Load (they only said so).
    const who = (await cecil.page.locator('.topbar .who').textContent()) ?? '';
    expect(who).toContain(minister);
    expect(who).toMatch(/Sir Austen Chamberlain leads/);
    expect(await ada.page.locator('.topbar .who .lead').textContent()).toMatch(/Chamberlain/i);
    for (const p of [ada, cecil]) expect(await p.page.locator('[data-action=save-file], [data-action=load-file]').count()).toBe(0);
    for (const [width, height] of [
      [1280, 720],
      [768, 1024],
      [390, 844],
    ] as const) {
      await cecil.page.setViewportSize({ width, height });
      await cecil.page.evaluate(() => window.scrollTo(0, 0));
      await viewportShot(cecil.page, `class-minister-head-${width}`);
    }

    // Cecil leaves the next turn's reports open while the leads play on: they say the game has moved
    // on past them, and one press brings his screen to the newest turn (it sat turns behind the bar).
    await Promise.all([playInPage(ada.page, { maxDesks: 1 }), playInPage(boris.page, { maxDesks: 1 })]);
    await cecil.page.waitForSelector('dialog[open] .continue', { timeout: 60_000 });
    await Promise.all([playInPage(ada.page, { maxDesks: 1 }), playInPage(boris.page, { maxDesks: 1 })]);
    await cecil.page.waitForSelector('dialog[open] .behind:not([hidden])', { timeout: 60_000 });
    const behind = await cecil.page.locator('dialog[open] .behind').innerText();
    expect(behind).toMatch(/These reports are of turn \d+: the game is at turn 3 now\. Skipped reports stay under Reports \(R\), in Earlier reports\./);
    // A line of the reports he skips, to find again.
    const skippedLine = (await cecil.page.locator('dialog[open] :is(.headline-text, .story > p:not(.dateline), .telegram > p:not(.wire-head), .minutes li)').first().textContent())!.trim();
    expect(skippedLine).not.toBe('');
    await viewportShot(cecil.page, 'class-minister-behind-390');
    await cecil.page.setViewportSize({ width: 1280, height: 720 });
    await viewportShot(cecil.page, 'class-minister-behind-1280');
    await cecil.page.click('dialog[open] [data-action=skip-to-now]');
    await cecil.page.waitForFunction(() => /turn\s3\sof/.test(document.querySelector('.topbar .phase')?.textContent ?? ''), null, { timeout: 30_000 });
    // The skipped reports are still his to read, on the Reports tab (under Earlier reports, each turn folded).
    await throughReports(cecil.page, 'none');
    await cecil.page.click('#tab-reports');
    const earlier = cecil.page.locator('.earlier-reports');
    await earlier.waitFor();
    await earlier.scrollIntoViewIfNeeded();
    await viewportShot(cecil.page, 'class-minister-earlier-reports-1280');
    await cecil.page.setViewportSize({ width: 390, height: 844 });
    await earlier.scrollIntoViewIfNeeded();
    await viewportShot(cecil.page, 'class-minister-earlier-reports-390');
    await cecil.page.locator('.earlier-turn').evaluateAll(ds => ds.forEach(d => ((d as HTMLDetailsElement).open = true)));
    expect((await cecil.page.locator('#panel').textContent())!.replace(/\s+/g, ' ')).toContain(skippedLine.replace(/\s+/g, ' '));
    await cecil.page.setViewportSize({ width: 1280, height: 720 });

    // The teacher ends the game with Ada's desk open: it closes (Send orders stayed live), and her
    // role says the game is over, once, with no seat passing to anyone.
    await ada.page.waitForSelector('.panel [data-action=send]', { timeout: 60_000 });
    await teacher.page.locator('[data-action=end]').first().click();
    await ada.page.waitForFunction(() => /The teacher has ended the game/.test(document.querySelector('.panel .status')?.textContent ?? ''), null, { timeout: 60_000 });
    expect(await ada.page.locator('.orders').count(), 'the orders desk after the end').toBe(0);
    const role = await ada.page.locator('.cabinet-panel').evaluate(d => ((d as HTMLDetailsElement).open = true) && d.textContent);
    expect(role).not.toMatch(/No item is before|Nothing is before|if it comes/);
    await viewportShot(ada.page, 'class-lead-ended-1280');
    for (const p of [teacher, ada, boris, cecil]) p.expectNoConsoleErrors();
  }, 300_000);
});
