// Short share codes carry who played each side and only the people's moves; the computer's
// are made again on reading, exactly as the game made them, and the end state's hash still refuses
// an altered code. A code of format 1 is still read.
import { describe, expect, it } from 'vitest';
import { AI_VIEW, aiRng, nextMove, playerFor } from '../../../src/ai/index';
import { CODE_PREFIX, checkShared, encodeShareCode, type HistoryTree, type Line, parseShared, shareSegments, TRUNK_ID } from '../../../src/app/history/index';
import { crc32 } from '../../../src/app/history/shareCode';
import { Match } from '../../../src/app/match';
import { makeAppSave } from '../../../src/app/saveFile';
import { inProcessAi } from '../../../src/app/transport';
import { compile, seatView } from '../../../src/engine/index';
import { decisionStep, sc1927, tree1927 } from './helpers';

/**
 * A branch as the game screen makes it: a match restored at the Arcos tip with a person for Britain
 * (whose moves a persona of its own picks here) against the computer, played on for `own` moves.
 */
async function playedBranch(t: HistoryTree, own: number): Promise<Line> {
  const c = compile(sc1927);
  const tip = decisionStep(t, 'arcos-tip');
  const before = t.moves(TRUNK_ID).slice(0, tip.index);
  const players = { britain: 'human', ussr: 'persona' } as const;
  const r = await Match.restore(sc1927, makeAppSave(sc1927, t.seed, before, t.stateAt({ node: TRUNK_ID, at: tip.index }), players), { ai: inProcessAi });
  if (!r.ok) throw new Error(r.error);
  const m = r.value;
  const person = playerFor('persona', sc1927, 'britain');
  let first = true;
  while (m.moves.length < tip.index + own) {
    const a = await m.advance();
    if (!a.ok) throw new Error(a.error);
    const n = m.next();
    if (n.kind === 'ended') break;
    if (n.kind !== 'decide' && n.kind !== 'orders') throw new Error(`unexpected ${n.kind}`);
    const move = first
      ? ({ type: 'decide', side: 'britain', event: 'arcos-tip', option: 'refuse' } as const)
      : nextMove(
          c,
          m.inspect(s => seatView(c, s, 'britain', AI_VIEW)),
          person,
          aiRng(`person@${m.moves.length}`, 'britain'),
        );
    first = false;
    if (!move) throw new Error('the person has no move');
    const s = m.submit('britain', move);
    if (!s.ok) throw new Error(s.error);
  }
  m.dispose();
  return { scenario: sc1927.id, scenarioVersion: sc1927.version, seed: t.seed, moves: [...m.moves], reseeds: [] };
}

const b64 = (code: string) => new Uint8Array(Buffer.from(code.slice(5), 'base64url'));
/** A code with its body changed by `f` and its check digits made right again: only the hash can catch it. */
function forge(code: string, f: (body: Uint8Array) => void): string {
  const bytes = b64(code);
  const body = bytes.slice(0, bytes.length - 4);
  f(body);
  const c = crc32(body);
  return code.slice(0, 5) + Buffer.from([...body, c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255, c & 255]).toString('base64url');
}

describe('short share codes', () => {
  it('carry only the people’s moves of a played branch and replay it exactly', async () => {
    const t = tree1927();
    const line = await playedBranch(t, 60);
    const node = t.adopt(line, { players: { britain: 'human', ussr: 'persona' } });
    if (!node.ok) throw new Error(node.error);
    const full = await encodeShareCode(sc1927, line);
    const short = await encodeShareCode(sc1927, line, shareSegments(t, node.value.id));
    expect(short.startsWith(CODE_PREFIX)).toBe(true);
    // Half the moves are the computer's, and they are left out.
    expect(short.length).toBeLessThan(full.length * 0.7);
    const p = parseShared(short);
    if (!p.ok) throw p.error;
    const c = await checkShared(sc1927, p.value);
    if (!c.ok) throw c.error;
    expect(c.value.line).toEqual(line);

    // The hash catches what the check digits cannot: a forged end state, or a person's move changed.
    const hashForged = forge(short, body => body.fill(0, body.length - 8));
    const ph = parseShared(hashForged);
    if (!ph.ok) throw ph.error;
    const rh = await checkShared(sc1927, ph.value);
    expect(!rh.ok && rh.error.kind).toBe('altered');
    let refusedMoves = 0;
    for (let k = 1; k <= 6; k++) {
      const moved = forge(short, body => {
        const i = body.length - 8 - k * 3;
        body[i] = body[i]! ^ 1;
      });
      const pm = parseShared(moved);
      const rm = pm.ok ? await checkShared(sc1927, pm.value) : null;
      expect(rm?.ok ?? false).toBe(false);
      if (rm && !rm.ok) refusedMoves++;
    }
    expect(refusedMoves).toBeGreaterThan(0);
  }, 120_000);

  it('make the tree’s own computer moves again too, carrying any move its players would not have made', async () => {
    const t = tree1927();
    const tip = decisionStep(t, 'arcos-tip');
    const a = t.branch({ node: TRUNK_ID, at: tip.index }, { players: { britain: 'persona', ussr: 'persona' }, moves: [{ type: 'decide', side: 'britain', event: 'arcos-tip', option: 'refuse' }] });
    if (!a.ok) throw new Error(a.error);
    t.playComputers(a.value.id, 40);
    const line = t.line(a.value.id);
    const short = await encodeShareCode(sc1927, line, shareSegments(t, a.value.id));
    // The move put in by hand is carried; the 40 the players made are not.
    expect(short.length).toBeLessThan(70);
    expect(short.length).toBeLessThan((await encodeShareCode(sc1927, line)).length / 3);
    const p = parseShared(short);
    if (!p.ok) throw p.error;
    const c = await checkShared(sc1927, p.value);
    expect(c.ok && c.value.line).toEqual(line);
    // Named players that did not make these moves: the moves they would not have made are carried, so it still reads back, only longer.
    const wrong = await encodeShareCode(sc1927, line, [{ at: tip.index, players: { britain: 'random', ussr: 'random' } }]);
    expect(wrong.length).toBeGreaterThan(short.length * 2);
    const pw = parseShared(wrong);
    if (!pw.ok) throw pw.error;
    const cw = await checkShared(sc1927, pw.value);
    expect(cw.ok && cw.value.line).toEqual(line);
  }, 60_000);

  it('still read a code of format 1 (made before format 2), or refuse it for another scenario version', async () => {
    // Made by the format-1 encoder: the Arcos tip refused, then 35 moves of the persona on both sides (tree.playComputers).
    const old =
      'ASD1-AQQxOTI3AgloaXN0b3J5LTAFAB8AAQICBQADAAEAKQAFAAsDBQAdACAAGgAbABwCAgAEAAYDAwAeACIAHwIAAwIAFgAVAgEAAAMBABQCAAMBACMCAAMAAgADAAIAAwACAQACAwACAAMAAgEAAAMAAgADAAIAAwEAFQIAAwACAgAFACkDAP7KYk-Pbur-1DbFEw';
    const p = parseShared(old);
    if (!p.ok) throw p.error;
    const c = await checkShared(sc1927, p.value);
    if (sc1927.version !== 2) {
      expect(!c.ok && c.error.kind).toBe('version');
      return;
    }
    if (!c.ok) throw c.error;
    const t = tree1927();
    const tip = decisionStep(t, 'arcos-tip');
    const a = t.branch({ node: TRUNK_ID, at: tip.index }, { players: { britain: 'persona', ussr: 'persona' }, moves: [{ type: 'decide', side: 'britain', event: 'arcos-tip', option: 'refuse' }] });
    if (!a.ok) throw new Error(a.error);
    t.playComputers(a.value.id, 30);
    expect(c.value.line).toEqual(t.line(a.value.id));
  });
});
