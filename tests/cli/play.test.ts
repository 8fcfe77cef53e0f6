// `play` with piped input, its saves, and `replay`, run as child processes of
// `tsx src/cli/main.ts` against the mini fixture.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Match } from '../../src/app/match';
import { parseScenario } from '../../src/scenario/load';
import { cli, MINI, ROOT, tempDir } from './helpers';

const mini = (() => {
  const r = parseScenario(readFileSync(join(ROOT, MINI), 'utf8'), MINI);
  if (!r.ok) throw new Error(r.error);
  return r.value;
})();

const dir = tempDir();

/** Enough "choose option 1" / "send orders" pairs to play the mini scenario to its end. */
const script = (pairs = 40) => '1\n\n'.repeat(pairs);

describe('play --help', () => {
  // Without --side the game seats the player for Britain: the usage line must not show --side as required.
  it('shows --side as optional, with its default', () => {
    const r = cli(['play', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('[--side britain|ussr (default britain');
    expect(r.out).not.toMatch(/ --side britain\|ussr \[/);
  });
});

describe('the opponent named on the title screen', () => {
  it.each([
    ['search:1@0.5', /played by the computer, thinking ahead, strength 1, held partly to history \(fidelity 0\.5\)/],
    ['boulware', /played by the computer, a bargaining baseline that concedes late/],
    ['negotiator', /played by the computer, bargaining over every package\./],
    ['persona@0.25', /played by the computer, in the manner of Deputy, held close to history \(fidelity 0\.25\)/],
    ['random', /played by the computer, at random/],
  ])('--opponent %s is said as what it is', (name, said) => {
    const r = cli(['play', '--scenario', MINI, '--side', 'britain', '--opponent', name], 'q\n');
    expect(r.code).toBe(0);
    expect(r.out.replace(/\s+/g, ' ')).toMatch(said);
  });
});

describe('--fidelity where the dial does nothing', () => {
  it.each([
    [['--opponent', 'historical', '--fidelity', '0.5'], /--fidelity: a fidelity does nothing here: the historical player makes history’s every move already/],
    [['--opponent', 'historical@0.25'], /--opponent: a fidelity does nothing here: the historical player makes history’s every move already/],
    [['--opponent', 'human', '--fidelity', '0'], /--fidelity: a fidelity does nothing here: a person plays that side/],
  ])('%j is refused with the reason', (args, said) => {
    const r = cli(['play', '--scenario', MINI, '--side', 'britain', ...args], 'q\n');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(said);
  });
});

describe('play, save and replay', () => {
  const save = join(dir, 'game.json');
  let hash = '';

  it('plays a whole game from piped input to the end screen and writes a save', () => {
    const r = cli(['play', '--scenario', MINI, '--side', 'britain', '--seed', '7', '--save', save], script());
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('Monday 2 May 1927 · Weekly');
    expect(r.out).toContain('Decision: A tip');
    expect(r.out).toContain('The game ends');
    expect(r.out).toMatch(/Score \(out of 100\)/);
    expect(r.out).toMatch(/(better than|as|worse than) history/);
    expect(r.out).toContain(`Saved to ${save}`);
    // Nothing marks the historical option during play.
    expect(r.out.split('The game ends')[0]).not.toMatch(/historical/i);
    hash = /the final state is ([0-9a-f]{16})/.exec(r.out)![1]!;
    const data = JSON.parse(readFileSync(save, 'utf8'));
    expect(data.hash).toBe(hash);
    expect(data.seed).toBe('7');
  });

  it('replays the save to the same hash', () => {
    const r = cli(['replay', save, '--scenario', MINI]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`hash ${hash}`);
    expect(r.out).toContain('mini v1 · seed 7');
  });

  it('refuses an altered save', () => {
    const data = JSON.parse(readFileSync(save, 'utf8'));
    const k = data.moves.findIndex((m: { type: string; side: string }) => m.type === 'decide' && m.side === 'britain');
    const flip: Record<string, string> = { approve: 'refuse', refuse: 'approve', ignore: 'exploit', exploit: 'ignore' };
    data.moves[k].option = flip[data.moves[k].option];
    const altered = join(dir, 'altered.json');
    writeFileSync(altered, JSON.stringify(data));
    const r = cli(['replay', altered, '--scenario', MINI]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${altered}: refused:`);
    expect(r.err).toMatch(/altered|does not replay/);
  });

  it('answers bad input with a message, quits cleanly at the end of input, and a loaded save plays on to the same end', () => {
    const part = join(dir, 'part.json');
    const lines = script().split('\n');
    // Commands that change nothing first, then the first dozen lines of the whole game's script.
    const noise = ['frobnicate', '99', 'w nothing-like-this', 'why 1', 'c', 't', 'h', 'i 1', 'o', 'x'];
    const first = cli(['play', '--scenario', MINI, '--seed', '7', '--save', part], `${[...noise, ...lines.slice(0, 12)].join('\n')}\n`);
    expect(first.code).toBe(0);
    expect(first.out).toContain('"frobnicate" is not a command');
    expect(first.out).toContain('There is no action 99');
    expect(first.out).toContain('No figure matches "nothing-like-this"');
    expect(first.out).toContain('Why: your standing');
    expect(first.out).toContain('Cabinets');
    expect(first.out).toContain('Trade by month');
    expect(first.out).toContain('Note cancelled');
    expect(first.out).toContain('(end of input)');
    expect(first.out).not.toContain('The game ends');
    expect(first.out).toContain(`Saved to ${part}`);

    const rest = cli(['play', '--scenario', MINI, '--load', part], `${lines.slice(12).join('\n')}\n`);
    expect(rest.code).toBe(0);
    expect(rest.out).toContain('Loaded a saved game');
    expect(rest.out).toContain('The game ends');
    // The same end as the game played in one sitting (first test: same seed, same script).
    expect(rest.out).toContain(`the final state is ${hash} `);
  });

  it('writes the one save format with who plays each side, and loaded saves of either front end keep their sides', async () => {
    // The terminal's save, read as the browser reads it.
    const data = JSON.parse(readFileSync(save, 'utf8'));
    expect(data.app).toEqual({ sides: { britain: 'human', ussr: 'persona' }, dice: { ussr: { player: 'persona', rng: expect.any(Object) } } });
    expect(data.cli).toBeUndefined();
    const asUssr = join(dir, 'ussr.json');
    const part = cli(['play', '--scenario', MINI, '--side', 'ussr', '--opponent', 'historical', '--seed', '9', '--save', asUssr], `${script().split('\n').slice(0, 6).join('\n')}\n`);
    expect(part.code).toBe(0);
    const written = JSON.parse(readFileSync(asUssr, 'utf8'));
    expect(written.app).toEqual({ sides: { britain: 'historical', ussr: 'human' }, dice: { britain: { player: 'historical', rng: expect.any(Object) } } });
    const inBrowser = await Match.restore(mini, written);
    if (!inBrowser.ok) throw new Error(inBrowser.error);
    expect(inBrowser.value.setup.sides).toEqual({ britain: 'historical', ussr: 'human' });
    expect(inBrowser.value.save().hash).toBe(written.hash);

    // A save the browser wrote (here: by a match in this process) loads in the terminal with its sides.
    const m = Match.create(mini, { scenario: 'mini', seed: '9', sides: { britain: 'random', ussr: 'human' } });
    if (!m.ok) throw new Error(m.error);
    m.value.start();
    await m.value.advance();
    const fromBrowser = join(dir, 'browser.json');
    writeFileSync(fromBrowser, JSON.stringify(m.value.save()));
    const r = cli(['play', '--load', fromBrowser, '--scenario', MINI], script());
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/You are .*\(Soviet Union\)/);
    expect(r.out).toContain('played by the computer, at random');
    expect(r.out).toContain('The game ends');

    // An old terminal save (cli: side, opponent) still loads, with its sides.
    const { app: _app, ...engineSave } = written;
    const old = join(dir, 'old.json');
    writeFileSync(old, JSON.stringify({ ...engineSave, cli: { side: 'ussr', opponent: 'historical' } }));
    const o = cli(['play', '--load', old, '--scenario', MINI], '');
    expect(o.code).toBe(0);
    expect(o.out).toMatch(/You are .*\(Soviet Union\)/);
    // (The sentence wraps at the terminal's width.)
    expect(o.out.replace(/\s+/g, ' ')).toContain('played by the computer, taking the course the sources record');
    expect(o.out).toContain(`Loaded a saved game: ${written.moves.length} moves replayed.`);
  });

  it('a saved game in the middle of a turn never holds the computer’s orders for that turn', () => {
    const mid = join(dir, 'mid.json');
    // One decision and the orders of the first turn, then the next turn's decision: the input ends mid-turn.
    const r = cli(['play', '--scenario', MINI, '--seed', '7', '--save', mid], '1\n\n1\n');
    expect(r.code).toBe(0);
    const moves = JSON.parse(readFileSync(mid, 'utf8')).moves as { type: string; side: string }[];
    let given = new Set<string>(),
      open: { type: string; side: string }[] = [];
    for (const mv of moves) {
      open.push(mv);
      if (mv.type === 'orders') given.add(mv.side);
      if (given.size === 2) {
        given = new Set();
        open = [];
      }
    }
    expect(open.some(mv => mv.type === 'orders' && mv.side === 'ussr')).toBe(false);
    // The first turn resolved with Britain's orders first, the computer's after.
    const orders = moves.filter(mv => mv.type === 'orders').map(mv => mv.side);
    expect(orders.slice(0, 2)).toEqual(['britain', 'ussr']);
  });

  it('two people at one terminal pass the keyboard between them each turn', () => {
    const r = cli(['play', '--scenario', MINI, '--seed', '7', '--opponent', 'human'], '1\n\n\n1\n\n\n1\n\n\n');
    expect(r.code).toBe(0);
    expect(r.out).toContain('played by a second person at this terminal');
    const handovers = r.out.match(/Pass the keyboard to (Britain|the Soviet Union)/g) ?? [];
    expect(handovers.slice(0, 2)).toEqual(['Pass the keyboard to the Soviet Union', 'Pass the keyboard to Britain']);
  });
});
