// Negotiating at the terminal against the mini fixture: what `play --help` says of each computer
// opponent, the Commons step and the warning shown before a note your own cabinet would refuse is
// added, and `w` calling the computer's last reasons back.
import { describe, expect, it } from 'vitest';
import { PLAYER_KINDS } from '../../src/ai/index';
import { cli, MINI } from './helpers';

const play = (input: string) => cli(['play', '--scenario', MINI, '--side', 'britain', '--seed', '7'], input);
const flat = (t: string) => t.replace(/\s+/g, ' ');

describe('negotiating at the terminal', () => {
  it('play --help says what each computer opponent is', () => {
    const r = cli(['play', '--help']);
    expect(r.code).toBe(0);
    for (const kind of PLAYER_KINDS) expect(r.out).toMatch(new RegExp(`^ {2}${kind} +\\S.{10,}$`, 'm'));
    expect(r.out).toMatch(/^ {2}search:1\.\.4 +looks ahead/m);
  });

  it('a note your own cabinet would refuse is shown with the Commons step and a warning before you add it, and may still be added', () => {
    // Turn 1: order 1, then a note giving Britain's worst option (None: -40 to Britain, no British minister backs it).
    const r = play('1\no\n1\n\nq\n');
    expect(r.code).toBe(0);
    const out = flat(r.out);
    expect(out).toMatch(/The Commons: \d+% chance it approves, after both cabinets ratify; Die-hards \(pressure 70\) oppose any agreement/);
    expect(out).toMatch(/Chance it binds if accepted: \d+%/);
    const warn = out.indexOf('Warning: Your own cabinet will probably not ratify this package: only 3% chance.');
    expect(warn).toBeGreaterThan(0);
    expect(warn).toBeLessThan(out.indexOf('Add this note to your orders?'));
    expect(out).toContain('+ note added.');
  });

  it('no warning for a package your own cabinet backs', () => {
    const out = flat(play('1\no\n2\nn\nq\n').out);
    expect(out).toContain('Add this note to your orders?');
    expect(out).not.toContain('Warning: Your own cabinet');
  });

  it("w shows the computer's last reasons again; w list the figures", () => {
    const out = play('1\n\nw\nw list\nq\n').out;
    const given = out.indexOf('Why: Deputy (Soviet Union)');
    const again = out.indexOf("The computer's reasons for its last moves:");
    expect(given).toBeGreaterThan(0);
    expect(again).toBeGreaterThan(given);
    expect(out.indexOf('Why: Deputy (Soviet Union)', again)).toBeGreaterThan(again);
    expect(out.slice(again)).toMatch(/why N, or w NAME: a figure id/);
  });
});
