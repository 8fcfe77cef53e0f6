// Sources as a reader would cite them. The scenario data cites the thesis by its line numbers in a
// compact form ("thesis L3099-3135"; "thesis fn L6694-6696", or "fn L6694-6696", for a footnote); players, teachers and the end
// screen see "the thesis, lines 3099–3135" instead, with an en dash between the lines. One place
// for both front ends: every place that shows a list of sources writes it with sourcesLine.

import { listed } from '../engine/labels';

const REF = /\b(thesis fn|thesis|fn) L(\d+)(?:-L?(\d+))?/g;
/** One compact reference, whole: its kind ("thesis fn" is a footnote, as "fn" is), first and last line. */
const ONE = /^(thesis fn|thesis|fn) L(\d+)(?:-L?(\d+))?$/;
const isNote = (kind: string) => kind !== 'thesis';

const lines = (from: string, to: string | undefined): string => (to && to !== from ? `lines ${from}\u2013${to}` : `line ${from}`);

/** One source as cited: "thesis L3099-3135" → "the thesis, lines 3099–3135"; anything else as it is. */
export function citation(src: string): string {
  const m = ONE.exec(src.trim());
  if (!m) return src;
  return isNote(m[1]!) ? `the thesis, a footnote at ${lines(m[2]!, m[3])}` : `the thesis, ${lines(m[2]!, m[3])}`;
}

/** A list of sources as one citation: "the thesis, lines 3099–3135 and 4001–4010". */
export function citations(srcs: readonly string[]): string {
  const body: string[] = [];
  const notes: string[] = [];
  const other: string[] = [];
  for (const s of srcs) {
    const m = ONE.exec(s.trim());
    if (!m) other.push(s);
    else (isNote(m[1]!) ? notes : body).push(m[3] && m[3] !== m[2] ? `${m[2]}\u2013${m[3]}` : m[2]!);
  }
  const parts: string[] = [];
  if (body.length) parts.push(`the thesis, ${body.length === 1 && !body[0]!.includes('\u2013') ? 'line' : 'lines'} ${listed(body)}`);
  if (notes.length)
    parts.push(`${body.length ? 'its' : 'the thesis,'} ${notes.length === 1 ? 'footnote' : 'footnotes'} at ${notes.length === 1 && !notes[0]!.includes('\u2013') ? 'line' : 'lines'} ${listed(notes)}`);
  parts.push(...other);
  return parts.join('; ');
}

/** Free text with its compact references rewritten as citations: "(thesis L5514-5516)" → "(the thesis, lines 5514–5516)". */
export const citeInText = (text: string): string => text.replace(REF, (_m, kind: string, from: string, to?: string) => citation(`${kind} L${from}${to ? `-${to}` : ''}`));

/**
 * What "the thesis" is, for a Sources help entry and a hover on every cited source. The copy the
 * scenarios cite (by line) carries no title page: it is named by what it is.
 */
export const THESIS_NAME =
  'the doctoral thesis on Anglo-Soviet relations from 1927 to 1932 that the game is built on (its author used unpublished British official and private papers beside published Western and Soviet sources); line numbers refer to the copy the scenarios cite';

/** A list of sources as every screen shows it: "Sources: the thesis, lines 3099–3135 and 4001–4010"; "" for none. */
export const sourcesLine = (srcs: readonly string[]): string => (srcs.length ? `Sources: ${citations(srcs)}` : '');
