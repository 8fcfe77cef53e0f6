// What a classroom seat's pages keep in the browser besides the seat token (connection.ts), under
// names that start with the group's code: the news its pages have handed out (remoteMatch.ts's
// HeardStore, in the tab and on the device), its unsent votes (keptVotes.ts, in the tab) and its
// lead's unsent orders (the game screen's desk draft, in the tab). All of it goes with the seat
// (forgetSeat), so the next pupil at a shared school computer finds nothing of it.

/** The news a seat's pages have handed out. */
export const heardKey = (code: string, seat: string, name: string): string => `asd-class-heard/${code}/${seat}/${name}`;

/** A seat's votes pressed while the connection was down. */
export const votesKey = (code: string, seat: string, name: string): string => `asd-class-votes/${code}/${seat}/${name}`;

/** The game screen's name for a seat's game: it keeps the desk's unsent orders under `draft/<this>/<side>` (ui/dom/game.ts). */
export const draftName = (code: string, seatToken: string): string => `class/${code}/${seatToken}`;

/** Removes from `storage` everything seats of group `code` kept there (heard news, unsent votes, desk drafts). */
export function forgetGroupKeep(storage: Storage, code: string): void {
  const prefixes = [`asd-class-heard/${code}/`, `asd-class-votes/${code}/`, `draft/${draftName(code, '')}`];
  const gone: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k !== null && prefixes.some(p => k.startsWith(p))) gone.push(k);
  }
  for (const k of gone) storage.removeItem(k);
}
