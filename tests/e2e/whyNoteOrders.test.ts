// The turn a bargaining computer sends a note, in the browser's reports: the reasons name the note,
// its worth for both sides with the playouts' error, and each order sent with it with the numbers
// that chose it (its persona's). Photographed at 1280x720 as why-note-orders and at 390x844 (a phone)
// as why-note-orders-phone.
import { expect, it } from 'vitest';
import { describeBrowser } from './harness';
import { newGame } from './play';
import { reasonsTurn } from './reasonsTurn';

describeBrowser("the reasons for a note's turn", browser => {
  it('give the note and every order sent with it, each with its own numbers', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = tp.page;
    await newGame(page, { scenario: '1932', side: 'britain', opponent: 'negotiator', seed: '8' });
    const noteTurn = (t: string) => /Proposes a note/.test(t) && /gives (one order|\d+ orders)/.test(t);
    const { text, phoneWidth, overlaps } = await reasonsTurn(page, noteTurn, 'why-note-orders');
    expect(phoneWidth).toBeLessThanOrEqual(390);
    expect(overlaps).toEqual([]);
    expect(text, "the computer's note turn is in the reports").not.toBe('');
    // The note's worth for both sides, each named, with its error in plain words.
    expect(text).toMatch(
      /Proposes a note worth about [−+]?\d+\.\d+ points \(give or take <?\d+\.\d+\) to (?:Britain|the Soviet Union)’s objectives and about [−+]?\d+\.\d+ points \(give or take <?\d+\.\d+\) to (?:Britain|the Soviet Union)’s objectives/,
    );
    // Each order the summary names as given has a factor of its own: its worth to the objectives, its cost and its dice.
    const given = /gives (?:one order(?:, scoring [−+]\d+\.\d+)?: (.+?)\.|\d+ orders: (.+?)\. The strongest)/.exec(text)!;
    const orders = (given[1] ?? given[2]!).split('; ');
    const lines = text.split('\n');
    for (const o of orders)
      expect(
        lines.some(l => l.startsWith(`${o}: `) && /to our objectives/.test(l) && /capital −\d/.test(l)),
        o,
      ).toBe(true);
    tp.expectNoConsoleErrors();
    await tp.close();
  }, 600_000);
});
