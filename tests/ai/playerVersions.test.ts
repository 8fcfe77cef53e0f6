// Every versioned part of the computer players (src/ai/versions.ts) plays two fixed reference games,
// the part's player on both sides: one as the history tree plays a branch (a player asked afresh
// for each move, dice from the point: a short code's 'position' stretches), one as a match does (one
// player object and one dice stream per side for the whole game, so a player that remembers, as
// the bargainers do, shows it: the 'match' stretches). Their moves and end states are recorded in
// playerVersions.json with the part's version. If a part's play changes
// and its version does not, this fails: bump the version (codes made with the old one are then
// refused with the reason instead of as "altered") and record the game again with
// UPDATE_PLAYER_VERSIONS=1 npx vitest run tests/ai/playerVersions.test.ts
// A game may also change because the rules did: then its scenario's version has gone up (codes made
// under the old rules are refused for that), and the game is recorded again without a player bump.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playerFor, runGame } from '../../src/ai/index';
import { PLAYER_PARTS, PLAYER_VERSIONS, type PlayerPart } from '../../src/ai/versions';
import { crc32 } from '../../src/app/history/shareCode';
import { HistoryTree, TRUNK_ID } from '../../src/app/history/tree';
import { moveKey } from '../../src/app/history/words';
import { createGame, type Move, stateHash } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const FILE = new URL('./playerVersions.json', import.meta.url);
const UPDATE = process.env.UPDATE_PLAYER_VERSIONS === '1';

/**
 * The player that stands for each part, on both sides, the scenario (1927, or 1929 for the
 * bargainers, whose notes are what sets them apart and which 1927's break in relations leaves
 * little room for), and how many moves of the game are recorded (the slow ones play fewer).
 */
const REFERENCE: Record<PlayerPart, { name: string; scenario?: '1929'; moves: number }> = {
  historical: { name: 'historical', moves: 200 },
  persona: { name: 'persona', moves: 200 },
  random: { name: 'random', moves: 200 },
  negotiator: { name: 'negotiator', moves: 40 },
  boulware: { name: 'boulware', scenario: '1929', moves: 300 },
  conceder: { name: 'conceder', scenario: '1929', moves: 300 },
  hardliner: { name: 'hardliner', scenario: '1929', moves: 300 },
  titfortat: { name: 'titfortat', scenario: '1929', moves: 300 },
  search: { name: 'search:1', moves: 8 },
  fidelity: { name: 'persona@0.5', moves: 200 },
};

interface Recorded {
  version: number;
  player: string;
  /** Moves in the two games together. */
  moves: number;
  /** CRC-32 of the tree game's moves and end state, and the match game's length and end state. */
  game: string;
  /** The version of the scenario the game was played in. */
  scenarioVersion: number;
}

const scenarios = { '1927': loadScenarioFile('1927'), '1929': loadScenarioFile('1929') };

/** Thrown to stop the match-like game at its move limit. */
class Enough extends Error {}

/** The part's reference games, as the tree plays them and as a match does, in a few numbers. */
function play(part: PlayerPart): Omit<Recorded, 'version'> {
  const { name, scenario = '1927', moves } = REFERENCE[part];
  const sc = scenarios[scenario];
  const t = HistoryTree.create(sc);
  const b = t.branch({ node: TRUNK_ID, at: 0 }, { reseed: 'player-versions', players: { britain: name, ussr: name } });
  if (!b.ok) throw new Error(b.error);
  const r = t.playComputers(b.value.id, moves);
  if (!r.ok) throw new Error(r.error);
  // As a match: the same player objects and dice streams all game (runGame), stopped at the limit.
  const held: Move[] = [];
  let last = '';
  try {
    const g = runGame(sc, createGame(sc, 'player-versions'), { britain: playerFor(name, sc, 'britain'), ussr: playerFor(name, sc, 'ussr') }, true, s => {
      last = stateHash(s);
      if (++held.length >= moves) throw new Enough();
    });
    last = stateHash(g.state);
  } catch (e) {
    if (!(e instanceof Enough)) throw e;
  }
  const text = JSON.stringify([t.moves(b.value.id).map(moveKey), stateHash(t.state(b.value.id)), held.length, last]);
  return { player: name, moves: r.value + held.length, game: crc32(new TextEncoder().encode(text)).toString(16).padStart(8, '0'), scenarioVersion: sc.version };
}

const recorded: Record<string, Recorded> = JSON.parse(readFileSync(FILE, 'utf8'));

/** A fresh game may replace the recorded one when it is the same game, or the player's or the scenario's version has changed. */
const recordable = (was: Recorded, now: Recorded) => was.game === now.game || was.version !== now.version || was.scenarioVersion !== now.scenarioVersion;
const fresh: Record<string, Recorded> = {};

describe("the computer players' versions", () => {
  it('has a reference game for every versioned part', () => {
    expect(Object.keys(REFERENCE).sort()).toEqual([...PLAYER_PARTS].sort());
  });

  for (const part of PLAYER_PARTS) {
    it(`${part}: plays its reference game as recorded for its version`, () => {
      const now = { version: PLAYER_VERSIONS[part], ...play(part) };
      fresh[part] = now;
      const was = recorded[part];
      if (UPDATE && (!was || recordable(was, now))) return;
      expect(was, `no reference game recorded for "${part}": record it with UPDATE_PLAYER_VERSIONS=1`).toBeDefined();
      expect(
        was!.scenarioVersion,
        `the "${part}" reference game was recorded in version ${was!.scenarioVersion} of its scenario, which is now ${now.scenarioVersion}: record it again with UPDATE_PLAYER_VERSIONS=1`,
      ).toBe(now.scenarioVersion);
      if (was!.version === now.version) {
        expect(
          now.game,
          `the "${part}" player (${now.player}) plays its reference game differently, but PLAYER_VERSIONS.${part} is still ${now.version}: bump it in src/ai/versions.ts, then record the game again with UPDATE_PLAYER_VERSIONS=1`,
        ).toBe(was!.game);
      } else expect.fail(`PLAYER_VERSIONS.${part} is ${now.version} but the reference game was recorded at ${was!.version}: record it again with UPDATE_PLAYER_VERSIONS=1`);
    }, 120_000);
  }

  it.runIf(UPDATE)('records the games (UPDATE_PLAYER_VERSIONS=1)', () => {
    const out = { ...recorded };
    for (const part of PLAYER_PARTS) {
      const now = fresh[part];
      // A changed game is recorded only with a new version of the player or of the scenario: the check above has failed otherwise.
      if (now && (!recorded[part] || recordable(recorded[part]!, now))) out[part] = now;
    }
    writeFileSync(FILE, `${JSON.stringify(out, null, 2)}\n`);
  });
});
