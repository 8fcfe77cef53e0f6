// History mode's watching side in Node: the 1927 history replayed turn by turn from seat views,
// each side's column holding nothing of the other's private business; the knowledge gap marking
// the tip about Arcos as London's alone and the rupture as seen by Moscow without its cause; and a branch
// started from the watch, played on by a match, recorded move for move in the tree. A saved game
// with a teacher's event replays it where it fell, and a branch from after it keeps it.
import { describe, expect, it } from 'vitest';
import { makePlayer, runGame } from '../../src/ai/index';
import { HistoryTree, TRUNK_ID } from '../../src/app/history/index';
import { Match } from '../../src/app/match';
import { inProcessAi } from '../../src/app/transport';
import { HistorySession, heardShown, knowledgeGap, Recording, timeline } from '../../src/app/watch/index';
import { compile, createGame, injectEvent, replay, SIDES, stateHash } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1927');
const c = compile(sc);
const rec = Recording.history(sc);
const frames = timeline(rec);

describe('watching history', () => {
  it('has one frame per turn played, from the first date to the end, covering every move once', () => {
    expect(frames[0]!.date).toBe('Monday 2 May 1927');
    expect(frames.map(f => f.turn)).toEqual(frames.map((_, k) => k));
    expect(frames.at(-1)!.ended).toBe('the scenario reaches its end date');
    const made = frames.flatMap(f => SIDES.flatMap(s => f.sides[s].moves.map(m => m.pos))).sort((a, b) => a - b);
    expect(made).toEqual(rec.moves.map((_, k) => k));
    // History's own moves are history's: no decision taken departs from the record.
    expect(frames.flatMap(f => SIDES.flatMap(s => f.sides[s].moves)).some(m => m.historical === false)).toBe(false);
  });

  it('shows what a person reads: no event named again under its own title, sources cited in words', () => {
    const shown = heardShown(frames[0]!.sides.britain.heard);
    // The first turn opens on the February note: its title is read, so its cause is not repeated as "event: …".
    expect(shown.map(x => x.line.text)).toContain('May 1927: after the February note');
    expect(shown.some(x => x.cause === 'event: May 1927: after the February note')).toBe(false);
    const all = frames.flatMap(f => SIDES.flatMap(s => heardShown(f.sides[s].heard)));
    const sources = all.flatMap(x => (x.sources ? [x.sources] : []));
    expect(sources.length).toBeGreaterThan(20);
    for (const t of sources) {
      expect(t).toMatch(/^Sources: /);
      expect(t).not.toMatch(/\bL\d/);
    }
    // A cause is still named where no line gave it: the orders and decisions behind what was heard.
    expect(all.some(x => x.cause?.startsWith('decision: '))).toBe(true);
  });

  it("never shows a side the other side's private decisions or orders", () => {
    const privateCauses = (owner: 'britain' | 'ussr') =>
      new Set([
        ...c.events.filter(e => e.decision?.side === owner && e.privateTo === owner).flatMap(e => [`event:${e.id}`, ...e.decision!.options.map(o => `option:${e.id}.${o.id}`)]),
        ...c.actions.filter(a => a.side === owner && !a.public).map(a => `action:${a.id}`),
      ]);
    for (const side of SIDES) {
      const theirs = privateCauses(side === 'britain' ? 'ussr' : 'britain');
      const heard = frames.flatMap(f => f.sides[side].heard);
      expect(heard.length).toBeGreaterThan(50);
      expect(heard.filter(x => theirs.has(x.cause))).toEqual([]);
    }
    // The tip about Arcos, on which London acted in secret, is London's alone.
    expect(frames.some(f => f.sides.britain.heard.some(x => x.text === 'A tip about Arcos'))).toBe(true);
    expect(frames.some(f => f.sides.ussr.heard.some(x => /tip about Arcos|Approve the search/i.test(x.text)))).toBe(false);
  });

  it('marks the knowledge gap: the tip about Arcos known to London only, the break announced to both, a cause withheld from Moscow', () => {
    const g = knowledgeGap(frames);
    const tip = g.rows.find(r => r.cells.britain?.text === 'A tip about Arcos')!;
    expect(tip.kind).toBe('only');
    expect(tip.cells.ussr).toBeNull();
    expect(tip.note).toBe('Moscow never heard of this');
    // The Cabinet's break of 23 May is Britain's secret until it is announced on 24 May: both are told then.
    const rupture = g.rows.find(r => r.cells.britain?.text === 'Relations: relations broken off.')!;
    expect(rupture.kind).toBe('shared');
    expect(rupture.date).toBe('Tuesday 24 May 1927');
    // London loses sight of the Politburo with Baldwin's statement, an event of 24 May's opening, not at the 23 May Cabinet.
    expect(g.sight.find(s => s.side === 'britain' && !s.sees)?.date).toBe('Tuesday 24 May 1927');
    expect(g.counts.shared).toBeGreaterThan(g.counts.only);
    // An effect seen without its cause: in 1932 the free-trade ministers' resignations over Ottawa
    // follow Britain's own business, which Moscow does not read.
    const g32 = knowledgeGap(timeline(Recording.history(loadScenarioFile('1932'))));
    const resigns = g32.rows.find(r => r.kind === 'effect' && /Samuel .* resigns/.test(r.cells.britain?.text ?? ''))!;
    expect(resigns.cells.ussr!.withheld).toBe(true);
    expect(resigns.note).toBe('Moscow saw the effect but was not told the cause');
  });

  it('ends the watch of a game not over on its last resolved turn: the news heard at the open turn’s start is left out', () => {
    // History cut at the start of the turn of 24 May (both sides hear news as it opens: the break
    // announced), as Recording.resolved() cuts a game a person still plays.
    const open = frames.findIndex(f => f.date === 'Tuesday 24 May 1927');
    const at = rec.moves.findIndex((_, k) => rec.turnAt(k + 1) === open) + 1;
    const cut = Recording.replay(sc, rec.seed, rec.moves.slice(0, at), rec.origin);
    if (!cut.ok) throw new Error(cut.error);
    expect(cut.value.turnAt(cut.value.end)).toBe(open);
    expect(cut.value.endedAt(cut.value.end)).toBe(false);
    const cf = timeline(cut.value);
    const last = cf.at(-1)!;
    expect(last.turn).toBe(open - 1);
    for (const s of SIDES) {
      // The open turn opened on news (the test would not test anything otherwise)...
      expect(frames[open]!.sides[s].heard.length).toBeGreaterThan(0);
      // ...none of which the watch's last frame lists: it holds only what was known by its own date.
      expect(last.sides[s].heard.every(x => x.day < c.days[open]!)).toBe(true);
      expect(last.sides[s].heard.map(x => x.text)).toEqual(frames[open - 1]!.sides[s].heard.map(x => x.text));
    }
  });

  it("moves a frame's figures by its own turn alone: its opening and resolution, not the next turn's opening", () => {
    // What each frame says moved, against the ledger's changes dated on its own turn's day (the
    // opening of a turn is dated on its day, so the next turn's opening falls outside this frame).
    const check = (r: Recording, fs: ReturnType<typeof timeline>, which: number[]) => {
      let compared = 0;
      for (const k of which) {
        const f = fs[k]!;
        const next = c.days[f.turn + 1] ?? Number.POSITIVE_INFINITY;
        const rest = f.ended !== null;
        for (const s of SIDES) {
          const ledger = r.view(r.end, s, true).ledger;
          for (const l of f.sides[s].figures) {
            if (l.delta === null || !ledger.some(e => e.fig === l.fig)) continue;
            const sum = ledger.filter(e => e.fig === l.fig && e.day >= f.day && (e.day < next || rest)).reduce((t, e) => t + e.delta, 0);
            expect(l.delta, `${f.date}, ${s}, ${l.name}`).toBeCloseTo(sum, 6);
            compared++;
          }
        }
      }
      return compared;
    };
    // Each side's political capital is renewed as a turn opens: every frame but the last would show the next turn's.
    const capital = (s: 'britain' | 'ussr', f: (typeof frames)[number]) => f.sides[s].figures.find(l => l.fig === c.side[s].iCapital)?.delta ?? 0;
    expect(frames.slice(0, -1).some(f => SIDES.some(s => capital(s, f) !== 0))).toBe(true);
    expect(check(rec, frames, [0, 1, frames.length - 2, frames.length - 1])).toBeGreaterThan(20);
    // The first frame counts the first turn's opening: war danger from the scenario's start, not from after its first events.
    const danger = frames[0]!.sides.britain.figures.find(l => l.fig === c.iTension)!;
    expect(danger.value! - danger.delta!).toBeCloseTo(c.initialFig[c.iTension]!, 6);
    // A cut watch (a game in play, up to its last resolved turn): its last frame stops at that turn's close,
    // before the open turn's opening (the break announced on 24 May).
    const open = frames.findIndex(f => f.date === 'Tuesday 24 May 1927');
    const at = rec.moves.findIndex((_, k) => rec.turnAt(k + 1) === open) + 1;
    const cut = Recording.replay(sc, rec.seed, rec.moves.slice(0, at), rec.origin);
    if (!cut.ok) throw new Error(cut.error);
    const cf = timeline(cut.value);
    expect(check(cut.value, cf, [cf.length - 1])).toBeGreaterThan(5);
    // ...and says what the whole game's frame of that turn says.
    for (const s of SIDES) expect(cf.at(-1)!.sides[s].figures).toEqual(frames[open - 1]!.sides[s].figures);
  });

  it("dates a line in the knowledge gap by the day it is shown, history's, not the turn it was heard on", () => {
    // 1929's Cabinet of 23 January fires on the turn of 4 February (the first turn its date reaches).
    const g = knowledgeGap(timeline(Recording.history(loadScenarioFile('1929'))));
    const afghan = g.rows.filter(r => /23 January: a word to Moscow/.test(r.cells.britain?.text ?? '') || /No active step/.test(r.cells.britain?.text ?? ''));
    expect(afghan.length).toBe(2);
    for (const r of afghan) {
      expect(r.date).toBe('Wednesday 23 January 1929');
      expect(r.cells.britain!.date).toBe('Monday 4 February 1929');
    }
    // In order of the dates shown.
    expect(g.rows.map(r => r.shown)).toEqual(g.rows.map(r => r.shown).sort((a, b) => a - b));
  });
});

describe('a branch from the watch, played on by a match', () => {
  it('is recorded in the tree move for move, with its divergence named', async () => {
    const tree = HistoryTree.create(sc);
    const session = new HistorySession(tree);
    const trunk = session.recording(TRUNK_ID);
    expect(trunk.moves).toEqual(rec.moves);
    // The rupture vote, as London faced it.
    const pos = rec.moves.findIndex(m => m.type === 'decide' && m.event === 'rupture-vote');
    const b = session.branch({ node: TRUNK_ID, at: pos }, 'britain', 'historical');
    if (!b.ok) throw new Error(b.error);
    const restored = await Match.restore(sc, b.value.save);
    if (!restored.ok) throw new Error(restored.error);
    const m = restored.value;
    const made: string[] = [];
    session.follow(m, b.value.target, { node: id => made.push(id), error: e => made.push(`error: ${e}`) });
    expect(tree.nodes()).toHaveLength(1); // nothing until the first move
    const ev = c.events[c.eventIndex.get('rupture-vote')!]!;
    const other = ev.decision!.options.find(o => !o.historical)!;
    expect(m.submit('britain', { type: 'decide', side: 'britain', event: 'rupture-vote', option: other.id }).ok).toBe(true);
    expect(made).toHaveLength(1);
    const id = made[0]!;
    expect(session.title(id)).toMatch(new RegExp(`Britain chose “${other.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}” where history chose “Break, and publish`));
    // The person gives orders, the computer plays its moves: every move lands in the branch.
    while (m.duty('britain') === 'decide') {
      const pend = m.view('britain').pending[0]!;
      const e = c.events[pend]!;
      expect(m.submit('britain', { type: 'decide', side: 'britain', event: e.id, option: e.decision!.options[0]!.id }).ok).toBe(true);
    }
    expect(m.submit('britain', { type: 'orders', side: 'britain', orders: [] }).ok).toBe(true);
    expect((await m.advance()).ok).toBe(true);
    expect(tree.moves(id)).toEqual(m.save().moves);
    expect(tree.length(id)).toBeGreaterThan(pos + 1);
    // The branch is watched from seat views like history, and departs from it at the vote.
    const frames2 = timeline(session.recording(id));
    expect(frames2.flatMap(f => f.sides.britain.moves).find(x => x.pos === pos)?.historical).toBe(false);
    m.dispose();
  });
});

describe('a saved game with a teacher’s event, watched', () => {
  it('replays the event where it fell, both sides read it when it fires, and a branch from after it keeps it', async () => {
    const seed = 'watched-1';
    const players = { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('persona', sc, 'ussr') };
    const first = runGame(sc, createGame(sc, seed), players).moves.slice(0, 8);
    const mid = replay(sc, seed, first);
    if (!mid.ok) throw new Error(mid.error);
    const given = injectEvent(sc, mid.value, 'frontier-incident');
    if (!given.ok) throw new Error(given.error);
    const moves = [...first, ...runGame(sc, given.value, players).moves.slice(0, 16)];
    const injected = [{ event: 'frontier-incident', at: 8 }];
    const end = replay(sc, seed, moves, undefined, injected);
    if (!end.ok) throw new Error(end.error);
    const rec = Recording.replay(sc, seed, moves, { kind: 'game', sides: { britain: 'human', ussr: 'persona' } }, injected);
    if (!rec.ok) throw new Error(rec.error);
    expect(rec.value.saveAt(moves.length, { britain: 'human', ussr: 'persona' }).hash).toBe(stateHash(end.value));
    // Each side reads it in its news at some position after it was given (the turn it fires).
    const positions = Array.from({ length: moves.length - 8 }, (_, k) => k + 9);
    for (const side of ['britain', 'ussr'] as const)
      expect(positions.some(p => rec.value.view(p, side).news.some(n => n.text === 'Introduced by the teacher: Trouble on the western frontier.'))).toBe(true);
    // A branch from after the event carries it in its save; one from before does not.
    expect(rec.value.saveAt(10, { britain: 'human', ussr: 'persona' }).injected).toEqual(injected);
    expect(rec.value.saveAt(5, { britain: 'human', ussr: 'persona' }).injected).toBeUndefined();
    const m = await Match.restore(sc, rec.value.saveAt(10, { britain: 'human', ussr: 'persona' }), { ai: inProcessAi });
    expect(m.ok).toBe(true);
    if (m.ok) m.value.dispose();
  });
});
