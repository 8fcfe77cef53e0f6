// History mode's branch diff dates each event as its players were shown it (engine shownDay): in 1932,
// where Moscow refuses Ovey's demand for an apology, the incident history closed on 13 December (in
// the turn of 12 December) is only in history, and the talks history opened on 15 December (in the
// turn of 26 December) open on 20 February 1933 in the branch. Photographed at 1280x720 as
// history-diff-dates and at 390x844 (a phone) as history-diff-dates-phone; the tree it is picked from, on a phone, as history-tree-phone; at 1280 the tree's fifteen months are named every other month, not run together.
// On the phone the chart's longest figure name reads in full (a select cut it), as history-diff-figure-phone;
// so does its y-axis title, above the chart (up the side it was cut at both ends).
import { expect, it } from 'vitest';
import { encodeShareCode, HistoryTree, TRUNK_ID } from '../../src/app/history/index';
import { compile, dayOf, longDate } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';
import { chooseLongest, describeBrowser, screenshot, selectsAsShown, viewportShot } from './harness';
import { importBranch, untidy } from './history';

describeBrowser("the branch diff's dates", browser => {
  it('are the dates the reports gave, on history’s turn and off it', async () => {
    const sc = loadScenarioFile('1932');
    const c = compile(sc);
    const tree = HistoryTree.create(sc);
    const at = tree.moves(TRUNK_ID).findIndex(m => m.type === 'decide' && m.event === 'ovey-litvinov');
    const historical = { britain: 'historical', ussr: 'historical' } as const;
    const b = tree.branch({ node: TRUNK_ID, at }, { players: historical, moves: [{ type: 'decide', side: 'ussr', event: 'ovey-litvinov', option: 'refuse' }] });
    if (!b.ok) throw new Error(b.error);
    const played = tree.playComputers(b.value.id);
    if (!played.ok) throw new Error(played.error);
    const code = await encodeShareCode(sc, tree.line(b.value.id));
    const title = (id: string) => c.events[c.eventIndex.get(id)!]!.title;

    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = tp.page;
    await importBranch(page, code, '1932');
    // The tree on a phone: the branch's card below the tree, not over its rows; each row's title and dates on a line of their own.
    await page.locator('.tree-node').nth(1).click();
    // At 1280 the tree's fifteen months are named every other month, apart ('Feb 1932Mar 1932' ran together).
    expect(await untidy(page)).toEqual([]);
    expect(await page.locator('.tree-head .month').allInnerTexts()).toContain('Apr 1932');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await untidy(page)).toEqual([]);
    await viewportShot(page, 'history-tree-phone');
    // Each branch's name and dates whole (cut to one line, every branch read "On Wednesday…" and
    // "21 January 1929 – 3…"), and its track beside it, as tall as its row.
    const rows = await page.locator('.tree-node').evaluateAll(nodes =>
      nodes.map((n, i) => {
        const cut = [...n.querySelectorAll('.node-title, .node-sub')].filter(s => s.scrollWidth > s.clientWidth + 0.5 || s.scrollHeight > s.clientHeight + 0.5);
        const a = n.getBoundingClientRect();
        const t = document.querySelectorAll('.tree-track')[i]?.getBoundingClientRect();
        return { cut: cut.map(s => s.textContent), beside: !!t && Math.abs(t.top - a.top) < 1 && Math.abs(t.bottom - a.bottom) < 1 };
      }),
    );
    expect(rows).toEqual(rows.map(() => ({ cut: [], beside: true })));
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.check('[data-pick=trunk]');
    await page.locator('.tree-pick input').nth(1).check();
    await page.click('[data-action=compare]');
    await page.waitForSelector('.diff-chart canvas');
    const events = page.locator('.events-diff');
    expect(await page.locator('#only-a').innerText()).toContain(`${title('incident-closed')} (${longDate(dayOf('1932-12-13'))})`);
    const moved = page.locator('.events-diff + p.help');
    expect(await moved.innerText()).toContain(`${title('talks-open')} (A ${longDate(dayOf('1932-12-15'))}, B ${longDate(dayOf('1933-02-20'))})`);
    await events.scrollIntoViewIfNeeded();
    expect(await untidy(page)).toEqual([]);
    await screenshot(page, 'history-diff-dates');
    await page.setViewportSize({ width: 390, height: 844 });
    await events.evaluate(e => e.scrollIntoView({ block: 'start' }));
    await viewportShot(page, 'history-diff-dates-phone');
    expect(await untidy(page)).toEqual([]);
    await chooseLongest(page, '#diff-figure');
    await page.locator('#diff-figure').evaluate(e => e.parentElement!.scrollIntoView({ block: 'center' }));
    await viewportShot(page, 'history-diff-figure-phone');
    const [figure] = await selectsAsShown(page, '#diff-figure');
    expect({ shown: figure!.shown, cut: figure!.cut }, figure!.chosen).toEqual({ shown: figure!.chosen, cut: false });
    // Its chart's y-axis title, too long to be written up the side (it ran off both ends there), is
    // above the chart, whole and in the chart's box: the figure's name, as the picker gives it.
    const yTitle = await page.locator('.diff-chart .chart-y-title').evaluate(el => ({
      text: el.textContent ?? '',
      cut: el.scrollWidth > el.clientWidth + 0.5,
      inBox: el.getBoundingClientRect().right <= el.closest('.diff-chart')!.getBoundingClientRect().right + 0.5,
    }));
    expect(figure!.chosen.startsWith(`${yTitle.text} (`), `"${yTitle.text}" names "${figure!.chosen}"`).toBe(true);
    expect({ cut: yTitle.cut, inBox: yTitle.inBox }).toEqual({ cut: false, inBox: true });
    expect(await untidy(page)).toEqual([]);
    tp.expectNoConsoleErrors();
    await tp.close();
  }, 300_000);
});
