// The class debrief's comparison (src/class/comparison.ts), built with history mode's own tree and
// diff (src/app/history): history's game is the trunk, and each group's game is a branch off it
// from the first move, its dice re-rolled from the group's seed (the start of a game draws no dice,
// so the branch replays the group's game exactly; this is checked against the game's own end state
// and a group that does not replay is reported, not guessed). The teacher's injected events go on
// the branch where they fell (tree.ts), so the game replays with them and they are named in words
// beside the group's first different choice. The divergence is named in words by
// the tree, the figures come from the diff against the trunk, and history's later events and
// decisions are left out of a group that has not got that far. It reads seeds: it runs in the server
// only, and what it returns carries none.

import { diffNodes } from '../app/history/diff';
import { describeDivergence } from '../app/history/divergence';
import { HistoryTree, TRUNK_ID } from '../app/history/tree';
import { cap, dateText } from '../app/history/words';
import type { ClassComparison, ComparedFigure, GroupBranch } from '../class/comparison';
import { compile, type GameState, type Injection, type Move, shownDay, stateHash } from '../engine/index';
import type { Scenario } from '../scenario/schema';
import { comparedFigureIds } from './history';

/** A group's game as stored: its code, seed and moves (no game yet: null), and its state hash if known. */
export interface StoredGame {
  code: string;
  seed: string;
  moves: readonly Move[] | null;
  /** The teacher's injected events, each with the number of moves made when it was given (engine inject.ts). */
  injected?: readonly Injection[];
  /** The hash of the game's end state as the server holds it, to check the branch replays it. */
  hash?: string;
}

export function compareGroups(sc: Scenario, games: readonly StoredGame[]): ClassComparison {
  const c = compile(sc);
  const tree = HistoryTree.create(sc);
  const figureIds = comparedFigureIds(sc);
  const refused: ClassComparison['refused'] = [];
  const placed: { code: string; node: string }[] = [];
  for (const g of games) {
    const r = tree.branch(
      { node: TRUNK_ID, at: 0 },
      { label: `Group ${g.code}`, reseed: g.seed, moves: g.moves ?? [], players: { britain: 'human', ussr: 'human' }, ...(g.injected?.length ? { injected: g.injected } : {}) },
    );
    if (!r.ok) {
      refused.push({ code: g.code, reason: `its game does not replay on the history tree: ${r.error}` });
      continue;
    }
    if (g.hash && stateHash(tree.state(r.value.id)) !== g.hash) {
      refused.push({ code: g.code, reason: 'its game replays to another state than the server holds' });
      tree.remove(r.value.id);
      continue;
    }
    placed.push({ code: g.code, node: r.value.id });
  }

  const historyEnd = tree.state(TRUNK_ID);
  // Each event a game fired, under the date the players were shown (history's, on its own turn).
  const firedIn = (s: GameState) => c.events.flatMap(e => (s.fired[e.i]! >= 0 ? [{ event: e.id, title: e.title, day: shownDay(e, s.fired[e.i]!) }] : [])).sort((a, b) => a.day - b.day);
  const historyFired = firedIn(historyEnd);
  // The diff's events, for the comparison, under the dates their players were shown.
  const shownAs = (e: { event: string; title: string; shown: number }) => ({ event: e.event, title: e.title, day: e.shown });

  // One axis for all: the union of every diff's dates (history's turn dates are in each, and in
  // history's diff with itself); each series mapped onto it as the diff reads a path: its value at
  // its last date on or before, none after its end.
  const diffs = placed.map(p => ({ ...p, d: diffNodes(tree, TRUNK_ID, p.node, { figures: figureIds }) }));
  const own = diffNodes(tree, TRUNK_ID, TRUNK_ID, { figures: figureIds });
  const days = [...new Set([...own.axis, ...diffs.flatMap(x => x.d.axis)].map(a => a.day))].sort((a, b) => a - b);
  const onAxis = (axis: readonly { day: number }[], values: readonly (number | null)[]) =>
    days.map(d => {
      let v: number | null = null;
      let end = -Infinity;
      axis.forEach((a, k) => {
        if (values[k] === null) return;
        end = a.day;
        if (a.day <= d) v = values[k]!;
      });
      return d <= end ? v : null;
    });
  const figures: ComparedFigure[] = figureIds.map(id => {
    const f = c.figs[c.figs.findIndex(x => x.id === id)]!;
    const groups: Record<string, (number | null)[]> = {};
    for (const x of diffs) {
      const s = x.d.figures.find(y => y.id === id);
      if (s) groups[x.code] = onAxis(x.d.axis, s.b);
    }
    return { id, label: f.label, history: onAxis(own.axis, own.figures.find(y => y.id === id)!.a), groups };
  });

  const branches: GroupBranch[] = diffs.map(({ code, node, d }) => {
    const s = tree.state(node);
    const moves = tree.length(node);
    const reached = s.ended ? s.ended.day : c.days[s.turn]!;
    // The teacher's console is the historian's: every group's first different choice, private or not.
    const div = moves ? describeDivergence(tree, node, 'all') : null;
    // Every group plays on its own dice from the start, which the tree says first; the console says
    // it once for all, and names here the first choice that differs.
    const dice = `The dice fell anew from ${dateText(c.days[0]!)}`;
    const said = div?.text.startsWith(`${dice}; then `) ? cap(div.text.slice(dice.length + 7)) : div?.text === `${dice}, the same choices played on` ? 'Has made history’s choices so far.' : div?.text;
    const fired = firedIn(s);
    return {
      code,
      status: !moves && !s.turn ? 'not started' : s.ended ? `ended: ${s.ended.reason}` : `turn ${s.turn + 1} of ${c.days.length}`,
      moves,
      reached,
      divergence: said ?? 'Not started yet.',
      divergeDay: div?.day ?? null,
      decisions: d.decisions
        .filter(x => x.b || (x.a && x.a.day <= reached))
        .map(x => ({
          event: x.event,
          title: x.title,
          side: x.side,
          history: x.a ? { label: x.a.label, day: x.a.shown } : null,
          group: x.b ? { label: x.b.label, day: x.b.shown, historical: x.b.historical } : null,
        })),
      fired,
      events: {
        onlyGroup: d.events.onlyB.map(shownAs),
        onlyHistory: d.events.onlyA.filter(e => e.day <= reached).map(shownAs),
        moved: d.events.moved.filter(m => m.bDay <= reached || m.aDay <= reached).map(m => ({ event: m.event, title: m.title, groupDay: m.bShown, historyDay: m.aShown })),
      },
      outcomes: d.outcomes.map(o => ({ label: o.label, group: o.b, history: o.a })),
      injected: tree.injections(node).map(x => ({ event: x.event, title: c.events[c.eventIndex.get(x.event)!]!.title, day: x.day })),
    };
  });
  return { scenario: sc.id, title: sc.title, days, figures, historyFired, groups: branches, refused };
}
