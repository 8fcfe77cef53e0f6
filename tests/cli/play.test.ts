// `play` with piped input, its saves, and `replay`, run as child processes of
// `tsx src/cli/main.ts` against the mini fixture.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, MINI, tempDir } from './helpers';

const dir = tempDir();

/** Enough "choose option 1" / "send orders" pairs to play the mini scenario to its end. */
const script = (pairs = 40) => '1\n\n'.repeat(pairs);

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
    hash = /Final state ([0-9a-f]{16})/.exec(r.out)![1]!;
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
    expect(rest.out).toContain(`Final state ${hash}.`);
  });
});
