// Which news a seat has not been given before. A seat view carries the news of the last turn and
// this one, so consecutive views overlap; items are counted by content (a repeated line counts
// each time it recurs), and only the count beyond what was heard before is fresh. The match uses it
// to hand out news as it grows; the history watcher to date when each side learned what.
import type { NewsItem } from '../engine/index';

const newsKey = (n: NewsItem) => `${n.day}|${n.cause}|${n.text}`;

export class Heard {
  private counts = new Map<string, number>();

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
