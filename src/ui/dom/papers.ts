// Which paper prints a story: each side reads its own press for news at home and abroad, and the
// other capital's news as an agency digest of that capital's press (TASS in Moscow, Reuters in
// London), so a Soviet reader never finds the London papers' talk under Pravda's masthead.
// Pure: no DOM, so tested in Node.

import type { Place, Side } from '../../engine/vocab';
import { PLACE_GEO } from '../map/geo';

export type Paper = {
  /** Stable key for grouping stories, and the style class (`paper-<style>`). */
  readonly id: 'britain' | 'ussr' | 'digest';
  readonly masthead: string;
  /** The city the paper is printed in (a story from elsewhere carries its own place in the dateline). */
  readonly city: Place;
};

const HOME: Record<Side, Paper> = {
  britain: { id: 'britain', masthead: 'THE MORNING DISPATCH', city: 'london' },
  ussr: { id: 'ussr', masthead: 'ПРАВДА · THE PARTY PRESS', city: 'moscow' },
};
/** The other capital's press, as the reader's agency sends it ("TASS" in Latin letters: set in the body face, ТАСС reads as "TACC"). */
const DIGEST: Record<Side, Paper> = {
  britain: { id: 'digest', masthead: 'REUTER · THE MOSCOW PRESS', city: 'moscow' },
  ussr: { id: 'digest', masthead: 'TASS · THE LONDON PRESS', city: 'london' },
};

/** The paper that prints, for `side`'s reader, a story from `place` (none: the home paper). */
export function paperFor(side: Side, place: Place | null): Paper {
  return place === DIGEST[side].city ? DIGEST[side] : HOME[side];
}

/** The dateline's place: a story's city when the paper is printed elsewhere, else nothing. */
export function placeLine(paper: Paper, place: Place | null): string | null {
  return place === null || place === paper.city ? null : PLACE_GEO[place].label.toUpperCase();
}

/**
 * Stories shorter than this many characters are set in one column when a paper prints nothing else:
 * split in two, a story of two or three lines left a word or two alone in the second column
 * ("MacDonald is back", 18 April 1932, put "credit." there).
 */
export const SHORT_STORY = 240;

/** Whether a paper's only story runs in two columns (long enough to fill both), or in one. */
export const runsInColumns = (text: string): boolean => text.length >= SHORT_STORY;
