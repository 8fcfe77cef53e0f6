// Who plays a side, in a player's words, for every screen that names players (the explorer, the
// tree's cards, the title screen's saved games). No imports: the title screen loads it cheaply.

/** What each computer player is, in a player's words (the explorer's list and the tree's cards). */
export const PLAYER_WORDS: Record<string, string> = {
  historical: 'the computer, taking the course the sources record',
  persona: 'the computer, playing to win with the lead’s known leanings',
  random: 'the computer, at random (any legal move)',
  negotiator: 'the computer, bargaining over every package',
  boulware: 'a bargaining baseline that concedes late',
  conceder: 'a bargaining baseline that concedes early',
  hardliner: 'a bargaining baseline that never concedes',
  titfortat: 'a bargaining baseline that concedes as the other side does',
};

/**
 * Who plays a side, in words: "a person", "the computer, thinking ahead, strength 3, held close to
 * history". Given the persona's name, the persona is "the computer, in the manner of Maxim Litvinov".
 */
export function playerText(name: string, persona?: string): string {
  if (name === 'human') return 'a person';
  const [who = '', fid] = name.split('@');
  const level = /^search:(\d+)$/.exec(who);
  const base = level
    ? `the computer, thinking ahead, strength ${level[1]}`
    : who === 'persona' && persona
      ? `the computer, in the manner of ${persona}`
      : (PLAYER_WORDS[who] ?? `the computer (${who})`);
  return base + fidelityWords(fid);
}

/** How far a player's name (its "@FIDELITY") holds it to history, as a clause (the number in brackets if `number`): nothing when free. */
export function fidelityWords(fid: string | undefined, number = true): string {
  if (fid === undefined || Number(fid) >= 1) return '';
  const f = Number(fid);
  return `, held ${f <= 0.25 ? 'close' : f <= 0.6 ? 'partly' : 'loosely'} to history${number ? ` (fidelity ${f})` : ''}`;
}
