// The big moments of a turn, told apart from the ordinary news for every front end. The engine marks
// them (NewsItem.headline); here they are named and ordered, and the rest of a turn's news is judged
// worth a report of its own or not, so the browser's dialogs, the terminal's boxes and the live
// region all say the same thing.
import { type Compiled, eventOfCause, type HeadlineKind, type NewsItem, newsDay, RELATION_LABELS, type Side } from '../engine/index';

/** The small line above a headline: what kind of moment it is. */
export const HEADLINE_KICKER: Readonly<Record<HeadlineKind, string>> = {
  relations: 'Diplomatic relations',
  resignation: 'Resignation',
  government: 'A change of leadership',
  agenda: 'Forced onto the agenda',
  'note-ratified': 'Agreement ratified',
  'note-refused': 'Agreement not ratified',
  'note-rejected': 'Note rejected',
  'game-end': 'The end',
};

export interface Headline {
  kind: HeadlineKind;
  kicker: string;
  /** The news line itself, shown big. */
  text: string;
  /** Why, and who: shown under it (null when the engine gave none). */
  detail: string | null;
  day: number;
  item: NewsItem;
}

/**
 * A headline's line in big type: the engine's news line, but a change of relations says the new
 * state alone ("Relations broken off.", not "Relations: relations broken off.").
 */
export function headlineText(n: NewsItem): string {
  if (n.headline !== 'relations') return n.text;
  const long = Object.values(RELATION_LABELS).find(l => n.text === `Relations: ${l.long}.`)?.long;
  return long ? `${long.charAt(0).toUpperCase()}${long.slice(1)}.` : n.text;
}

/** A news line as a headline, or null; one an event made is dated by history's day (newsDay). */
export const headlineOf = (n: NewsItem, c: Compiled): Headline | null =>
  n.headline === undefined
    ? null
    : {
        kind: n.headline,
        kicker: HEADLINE_KICKER[n.headline],
        text: headlineText(n),
        detail: n.detail ?? null,
        day: newsDay(c, n),
        item: n,
      };

/** A piece of a headline's detail as a front end lays it out: running text, or a list with its lead-in. */
export type DetailPart = { kind: 'text'; text: string } | { kind: 'list'; lead: string; items: string[] };

/**
 * The lists in the engine's notes on a note's fate (engine/negotiation.ts): the terms that weighed
 * against a package, each "Term: option (worth -N to it; without it, …)", and the terms now binding,
 * which close the detail.
 */
const LIST = /(Terms that weighed against it|Now binding): /g;

/**
 * A headline's detail split so that a list of terms reads as a list (one term to a line in the
 * terminal, a list in the browser) rather than one dense run of "Term: option (worth …); ...":
 * the sentences around it stay as text. The words are the engine's, unchanged.
 */
export function detailParts(detail: string): DetailPart[] {
  const out: DetailPart[] = [];
  const text = (t: string) => {
    if (t.trim()) out.push({ kind: 'text', text: t.trim() });
  };
  let at = 0;
  for (const m of detail.matchAll(LIST)) {
    const start = m.index,
      body = start + m[0].length;
    if (start < at) continue;
    const refused = m[1]!.startsWith('Terms');
    // A term against ends with its bracket of figures; the list ends at the first such item followed by a full stop.
    const close = refused ? /\)\.(?= |$)/g : /\.$/g;
    close.lastIndex = body;
    const end = close.exec(detail);
    if (!end) continue;
    const stop = end.index + end[0].length - 1; // the full stop
    text(detail.slice(at, start));
    const items = detail.slice(body, stop).split(refused ? /(?<=\)); / : /; /);
    out.push({ kind: 'list', lead: `${m[1]}:`, items });
    at = stop + 1;
  }
  text(detail.slice(at));
  return out;
}

/** What a screen reader hears for a headline. */
export const headlineSpeech = (x: Headline): string => `Headline, ${x.kicker}: ${x.text}${x.detail ? ` ${x.detail}` : ''}`;

/** Key of a news line as a person has seen it (a repeat of the same line on the same day is no news). */
export const seenKey = (n: NewsItem): string => `${n.day}|${n.text}`;

/**
 * Whether a line only echoes a move this seat just made ("Britain: Brief the press."): the person
 * knows it already. A cabinet's vote on it is not an echo: that can go either way.
 */
export function isEcho(c: Compiled, n: NewsItem, seat: Side): boolean {
  const prefix = `${c.sc.sides[seat].name}: `;
  if (!n.text.startsWith(prefix)) return false;
  const label = n.text.slice(prefix.length, -1);
  if (n.cause.startsWith('action:')) {
    const k = c.actionIndex.get(n.cause.slice(7));
    return k !== undefined && c.actions[k]!.side === seat && c.actions[k]!.label === label;
  }
  const m = /^option:([^.]+)\.(.+)$/.exec(n.cause);
  if (!m) return false;
  const ev = c.events[c.eventIndex.get(m[1]!) ?? -1];
  return ev?.decision?.side === seat && ev.decision.options.some(o => o.id === m[2] && o.label === label);
}

export interface ReportPlan {
  /** Each gets its own dialog or box, in the order the engine told them (oldest first). */
  headlines: Headline[];
  /** The rest of the news, for the ordinary report. */
  rest: NewsItem[];
  /** Whether the ordinary report says anything the person has not seen or done: else it is not shown. */
  reportIsNew: boolean;
}

/**
 * A seat's fresh news as a front end presents it, the game's end left to the end screen. `seen` holds the seenKey of every line already
 * shown to the seat; the caller adds the lines it shows.
 */
export function planReports(c: Compiled, fresh: readonly NewsItem[], seat: Side, seen: ReadonlySet<string>): ReportPlan {
  const headlines: Headline[] = [];
  const rest: NewsItem[] = [];
  for (const n of fresh) {
    // The end of the game is told by the end screen, which follows at once: a dialog or report saying
    // only "The game ends" before it would repeat it. The last turn's other headlines stay.
    if (n.headline === 'game-end') continue;
    const x = headlineOf(n, c);
    if (x) headlines.push(x);
    else rest.push(n);
  }
  const reportIsNew = rest.some(n => !seen.has(seenKey(n)) && !isEcho(c, n, seat));
  return { headlines, rest, reportIsNew };
}

/**
 * A turn's reports in a sentence for the screen reader: how many, and the first three by title. An
 * event's lines make one report (its title said once), as the reports dialog shows them.
 */
export function reportsSpeech(c: Compiled, rest: readonly NewsItem[]): string {
  const titles = [...new Set(rest.map(n => eventOfCause(c, n.cause)?.title ?? n.text))];
  if (!titles.length) return '';
  return `${titles.length} report${titles.length === 1 ? '' : 's'}: ${titles.slice(0, 3).join('; ')}${titles.length > 3 ? '…' : ''}`;
}
