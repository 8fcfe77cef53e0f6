// Every report a seat has been given in this game screen, so none is lost from sight: a seat view
// carries only the last turn's news and this one's, and a classroom seat whose reports pile up may
// skip the dialogs of turns gone by. The Reports tab reads the earlier turns from here.
// A page opened on a game under way (a classroom seat reloaded, or taken back in a new tab or on
// another device) is given the earlier turns by the authority that holds the game (the server's
// `reports`, computed by the engine's seatReports under the seat view's rules), not from storage on
// the device: nothing of them is left behind on a shared school computer, and a page that missed
// turns while its connection was down gets them too.
import type { Compiled, NewsItem } from '../engine/index';
import { turnOfDay } from './board';
import { newsKey } from './heard';

export interface BookTurn {
  /** The turn's index (0 is the first). */
  turn: number;
  items: NewsItem[];
}

export class ReportBook {
  private readonly items: NewsItem[] = [];
  private readonly counts = new Map<string, number>();

  /**
   * Adds the items not held yet. Views overlap, so an item is counted by content: a line that comes
   * twice in one list (a repeated line) is held twice, but the same list taken again adds nothing.
   */
  add(news: readonly NewsItem[]): void {
    const now = new Map<string, number>();
    for (const n of news) {
      const k = newsKey(n);
      const count = (now.get(k) ?? 0) + 1;
      now.set(k, count);
      if (count > (this.counts.get(k) ?? 0)) {
        this.counts.set(k, count);
        this.items.push(n);
      }
    }
  }

  /** The items held but not in `shown` (the latest reports, on screen already), by turn, the newest turn first. */
  earlier(c: Compiled, shown: readonly NewsItem[]): BookTurn[] {
    const byTurn = new Map<number, NewsItem[]>();
    for (const n of notAmong(this.items, shown)) {
      const t = turnOfDay(c, n.day);
      const list = byTurn.get(t);
      if (list) list.push(n);
      else byTurn.set(t, [n]);
    }
    return [...byTurn].sort((a, b) => b[0] - a[0]).map(([turn, items]) => ({ turn, items }));
  }
}

/**
 * The items of `items` not in `shown`, counted by content (heard.ts newsKey): a line that comes twice
 * in `items` and once in `shown` is left once.
 */
export function notAmong(items: readonly NewsItem[], shown: readonly NewsItem[]): NewsItem[] {
  const skip = new Map<string, number>();
  for (const n of shown) skip.set(newsKey(n), (skip.get(newsKey(n)) ?? 0) + 1);
  return items.filter(n => {
    const k = newsKey(n);
    const left = skip.get(k) ?? 0;
    if (left > 0) skip.set(k, left - 1);
    return left === 0;
  });
}
