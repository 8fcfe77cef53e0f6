// The turn the search player sends a note, in the browser's reports: its reasons say what the note
// offers, term by term, a sentence to each ("Its note proposes these terms. Credit terms: ..."), and give each figure from playouts with its error.
// Photographed at 1280x720 as why-search-note and at 390x844 (a phone) as why-search-note-phone.
import { expect, it } from 'vitest';
import { describeBrowser } from './harness';
import { newGame } from './play';
import { reasonsTurn } from './reasonsTurn';

describeBrowser("the search player's reasons for a note", browser => {
  it('name the terms it offers', async () => {
    const tp = await browser.open('/', { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = tp.page;
    // Seed 3: under 1932 version 9 and the package tables of session 24, search:1 sends no note in seeds 1
    // and 2 while the page plays the Soviet side; in seed 3 it does.
    await newGame(page, { scenario: '1932', side: 'ussr', opponent: 'search', level: 1, seed: '3' });
    const noteTurn = (t: string) => /Britain’s orders: .*send a note/.test(t);
    const { text: shown, phoneWidth, overlaps } = await reasonsTurn(page, noteTurn, 'why-search-note');
    expect(phoneWidth).toBeLessThanOrEqual(390);
    expect(overlaps).toEqual([]);
    // The summary, the entry's first line.
    const text = shown.split('\n')[0]!;
    expect(text, "the search's note turn is in the reports").not.toBe('');
    // Every term of the 1932 table, each with the option the note offers.
    const terms = /Its note proposes these terms\. (.+)$/.exec(text.trim())?.[1];
    expect(terms, text).toBeDefined();
    for (const t of ['The balance of trade', 'Credit terms', 'Most-favoured-nation treatment', 'Timber, wheat and Article 21', 'The Lena Goldfields claim', 'Propaganda', 'British shipping'])
      expect(terms).toMatch(new RegExp(`(?:^|\\. )${t}: `));
    expect(text).toMatch(/It played \d+ possible futures from here: this move averages \d+\.\d+ of 100 \(give or take <?\d+\.\d+\)/);
    tp.expectNoConsoleErrors();
    await tp.close();
  }, 600_000);
});
