// The computer's reasons as a player reads them: each factor in its own unit, said once (a share of
// the clock as a percentage, not "points"; a cabinet's share as a percentage; a fact from the record with
// no figure at all), and no term or order label spliced into a sentence with its capital letter.
import { describe, expect, it } from 'vitest';
import { makePlayer, runGame } from '../../src/ai/index';
import type { Player } from '../../src/ai/player';
import { factorFigure, type Reasons } from '../../src/ai/reasons';
import { stripAnsi } from '../../src/cli/format';
import { reasonsLines } from '../../src/cli/reasons';
import { createGame } from '../../src/engine/index';
import type { Side } from '../../src/engine/vocab';
import { loadScenarioFile } from '../loadScenario';

/** `p`, keeping every reasons it gives. */
function recording(p: Player, said: Reasons[]): Player {
  const keep = () => {
    const r = p.why?.();
    if (r) said.push(r, ...(r.answers ? [r.answers] : []));
  };
  return {
    kind: p.kind,
    decide(ctx, ev) {
      const o = p.decide(ctx, ev);
      keep();
      return o;
    },
    orders(ctx) {
      const os = p.orders(ctx);
      keep();
      return os;
    },
    why: () => p.why?.(),
  };
}

/** Every reasons the two players gave over one game. */
function reasonsOfGame(id: string, seed: string, kinds: Record<Side, Parameters<typeof makePlayer>[0]>): Reasons[] {
  const sc = loadScenarioFile(id);
  const said: Reasons[] = [];
  runGame(sc, createGame(sc, seed, { record: false }), { britain: recording(makePlayer(kinds.britain, sc, 'britain'), said), ussr: recording(makePlayer(kinds.ussr, sc, 'ussr'), said) }, false);
  return said;
}

const terminal = (r: Reasons) => reasonsLines(r, 160).map(stripAnsi).join('\n');

describe('reasons in their own units', () => {
  it("show a bargainer's share of the clock and of the best package as percentages, not points", () => {
    const said = reasonsOfGame('1932', 'units', { britain: 'boulware', ussr: 'conceder' });
    const withClock = said.filter(r => r.factors.some(f => f.label === 'Share of the negotiation clock gone'));
    expect(withClock.length).toBeGreaterThan(0);
    for (const r of withClock) {
      const text = terminal(r);
      expect(text).toMatch(/Share of the negotiation clock gone: \d+%/);
      expect(text).toMatch(/Share of the best package’s worth aimed at \((boulware|conceder)\): \d+%/);
      expect(text).not.toMatch(/clock gone: [−+]/);
    }
  });

  it("give the persona's reading of a note's support as a share, beside the half it needs, not in percentage points", () => {
    const said = reasonsOfGame('1932', 'units', { britain: 'boulware', ussr: 'persona' });
    const shares = said.flatMap(r => r.factors).filter(f => /that would ratify (?:British|Soviet) note \d+ \(it needs half\)$/.test(f.label));
    expect(shares.length).toBeGreaterThan(0);
    for (const f of shares) expect(factorFigure(f)).toMatch(/^\d+%$/);
  });

  it('give the record as a fact, with no figure', () => {
    const said = reasonsOfGame('1929', 'units', { britain: 'historical', ussr: 'persona' });
    const record = said.filter(r => /the record gives|the choice the sources record/.test(r.summary) && r.factors.length);
    expect(record.length).toBeGreaterThan(0);
    for (const r of record) {
      const text = terminal(r);
      expect(text).toMatch(/• /);
      expect(text).not.toMatch(/points/);
    }
  });

  it('put every other factor in points, once', () => {
    expect(factorFigure({ label: 'x', weight: 1, value: 2.14, sources: [] })).toBe('+2.1 points');
    expect(factorFigure({ label: 'x', weight: 1, value: 0.625, unit: 'share', sources: [] })).toBe('63%');
    expect(factorFigure({ label: 'x', weight: 1, value: 1, unit: 'none', sources: [] })).toBeNull();
    const said = [...reasonsOfGame('1932', 'units', { britain: 'negotiator', ussr: 'persona' }), ...reasonsOfGame('1932', 'units2', { britain: 'persona', ussr: 'negotiator' })];
    const labels = said.flatMap(r => r.factors.map(f => `${f.label}: ${factorFigure(f) ?? ''}`));
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) expect(l, l).not.toMatch(/points.*: [−+]\d+\.\d points$/);
  });
});

describe('reasons that read as sentences', () => {
  // Labels begin with a capital. Spliced after a lower-case word ("could not accept The balance of
  // trade", "Asks for Order of talks", "orders Consult the Dominions") they read wrongly; after a
  // colon, as a list, they read rightly. A label that begins with a name may stand anywhere.
  const beginsWithName = /^(Lena|Arcos|Comintern|Moscow|London|Anglo|Soviet|Britain|British)\b/;
  for (const [id, kinds] of [
    ['1932', { britain: 'negotiator', ussr: 'boulware' }],
    ['1927', { britain: 'persona', ussr: 'negotiator' }],
    ['1929', { britain: 'titfortat', ussr: 'persona' }],
  ] as const) {
    it(`splice no term or order label mid-sentence (${id}, ${kinds.britain} v ${kinds.ussr})`, () => {
      const sc = loadScenarioFile(id);
      const labels = [...sc.negotiation.terms.map(t => t.label), ...sc.actions.map(a => a.label)].filter(l => !beginsWithName.test(l));
      const said = reasonsOfGame(id, 'sentences', kinds);
      const texts = said.flatMap(r => [r.summary, ...r.rejected.map(a => a.why)]);
      expect(texts.length).toBeGreaterThan(3);
      for (const t of texts) for (const l of labels) expect(t.includes(` ${l}`) && new RegExp(`[a-z,] ${l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(t), `"${l}" spliced in: ${t}`).toBe(false);
    }, 120_000);
  }
});
