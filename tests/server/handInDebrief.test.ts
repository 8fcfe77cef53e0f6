// A hand-in loaded on the teacher's console: a group's saved game (from pass and play) posted with the
// class's teacher key is replayed and scored on the server and comes back as its post-mortem pack,
// with the group, its players and the question; a wrong key, a file that is not a save, and an
// altered save are refused with the reason.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePlayer, runGame } from '../../src/ai/index';
import { makeHandIn } from '../../src/app/handIn';
import { createGame, type Move, replay } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';
import { api, type TestServer, testServer } from './harness';

const sc = loadScenarioFile('1927');
let ts: TestServer;
let classId: string;
let key: string;

/** A group's hand-in after `n` moves of a game the computer played, as the file on disk reads. */
function handIn(n: number): Record<string, unknown> {
  const game = runGame(sc, createGame(sc, 'hand-in'), { britain: makePlayer('persona', sc, 'britain'), ussr: makePlayer('historical', sc, 'ussr') });
  const moves: Move[] = game.moves.slice(0, n);
  const s = replay(sc, 'hand-in', moves);
  if (!s.ok) throw new Error(s.error);
  const seats = [
    { role: 'chamberlain', player: 'Amira' },
    { role: 'trotsky', player: 'Chloé' },
  ];
  return JSON.parse(JSON.stringify(makeHandIn(sc, 'hand-in', moves, s.value, { britain: 'human', ussr: 'human' }, 'Group 3', seats)));
}

const post = (body: unknown, k = key) =>
  fetch(`${ts.server.url}/api/classes/${classId}/handin?key=${encodeURIComponent(k)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  ts = await testServer();
  const made = await api<{ teacherKey: string; classId: string }>(ts.server.url, '/api/classes', { scenario: '1927', groups: 1 });
  classId = made.classId;
  key = made.teacherKey;
});
afterAll(async () => ts?.close());

describe('a hand-in loaded on the console', () => {
  it('comes back as its post-mortem pack: the group, its players, the question', async () => {
    const res = await post(handIn(31));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('Group 3');
    expect(html).toContain('Amira');
    expect(html).toContain('How successful was the USSR in establishing links with other major European powers?');
  });

  it('is refused with the reason: a wrong key, not a save, an altered save', async () => {
    const wrong = await post(handIn(10), 'guess');
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toContain('teacher key');
    const junk = await post({ hello: 'world' });
    expect(((await junk.json()) as { error: string }).error).toMatch(/not a saved game/);
    const altered = handIn(20);
    (altered.moves as Move[]).splice(3, 1);
    const bad = await post(altered);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^the hand-in is refused: /);
  });
});
