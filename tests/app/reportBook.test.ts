// The reports a screen has been given stay readable on its Reports tab after the turn has moved on
// (a seat view carries only the last turn's news and this one's), among them a classroom minister's
// reports skipped with "Skip to the latest": by turn, newest first, each once however often the
// overlapping views bring it, and none of those on screen already.
import { describe, expect, it } from 'vitest';
import { ReportBook } from '../../src/app/reportBook';
import { compile, type NewsItem } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const c = compile(loadScenarioFile('1929'));
const at = (turn: number, text: string, extra: Partial<NewsItem> = {}): NewsItem => ({ day: c.days[turn]!, text, cause: 'rule:test', ...extra });

describe('the book of reports behind the Reports tab', () => {
  it('keeps every turn’s reports, each once, and lists those not on screen by turn, newest first', () => {
    const book = new ReportBook();
    const t0 = [at(0, 'Relations broken; protecting powers act for each side.', { headline: 'relations' }), at(0, 'A quiet week.')];
    const t1 = [at(1, 'The Cabinet meets.'), at(1, 'The Cabinet meets.')];
    const t2 = [at(2, 'The election is called.')];
    const t3 = [at(3, 'Labour takes office.')];
    // Views overlap (the last turn and this one): turn 0's reports come again with turn 1's.
    book.add(t0);
    book.add([...t0, ...t1]);
    book.add([...t1, ...t2]);
    // Turns 1 and 2 were skipped; turn 3's are on screen.
    book.add([...t2, ...t3]);
    const earlier = book.earlier(c, t3);
    expect(earlier.map(t => t.turn)).toEqual([2, 1, 0]);
    expect(earlier[0]!.items).toEqual(t2);
    // A line that came twice in one turn is held twice, but not again when the next view repeats it.
    expect(earlier[1]!.items).toEqual(t1);
    expect(earlier[2]!.items).toEqual(t0);
  });

  it('lists nothing earlier while everything it holds is on screen', () => {
    const book = new ReportBook();
    const t0 = [at(0, 'A quiet week.')];
    book.add(t0);
    expect(book.earlier(c, t0)).toEqual([]);
  });
});
