// Which news a seat has not been given before. A seat view carries the news of the last turn and
// this one, so consecutive views overlap; items are counted by content (a repeated line counts
// each time it recurs), and only the count beyond what was heard before is fresh. The match uses it
// to hand out news as it grows; the history watcher to date when each side learned what.
import type { NewsItem } from '../engine/index';

/** A news item by its content: the same line on the same day from the same cause is the same item. */
export const newsKey = (n: NewsItem) => `${n.day}|${n.cause}|${n.text}`;

export class Heard {
  private counts = new Map<string, number>();

  /** What has been heard, as text to keep (a classroom seat's page keeps it, so a new page of the same seat does not hear it all again). */
  toJSON(): [string, number][] {
    return [...this.counts];
  }

  /** What `toJSON` kept; anything unreadable is nothing heard. */
  static from(kept: unknown): Heard {
    const h = new Heard();
    if (Array.isArray(kept)) for (const e of kept) if (Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number') h.counts.set(e[0], e[1]);
    return h;
  }

  /** The items of `news` (a seat view's news) not heard before; remembers them. */
  fresh(news: readonly NewsItem[]): NewsItem[] {
    const now = new Map<string, number>();
    const out: NewsItem[] = [];
    for (const n of news) {
      const k = newsKey(n);
      const count = (now.get(k) ?? 0) + 1;
      now.set(k, count);
      if (count > (this.counts.get(k) ?? 0)) out.push(n);
    }
    this.counts = now;
    return out;
  }
}
