// The one table of presentation constants every front end reads (browser, terminal, map, music):
// what each category of orders and each state of relations is called, and the bands of the war danger with their thresholds.
// The engine's own news uses the long relation labels, so their text is pinned by tests.
import type { Category, Relations, Side } from './vocab';

/** What each category of orders is called, as the order desk heads it ("Notes and protests"). */
export const CATEGORY_LABEL: Readonly<Record<Category, string>> = {
  note: 'Notes and protests',
  press: 'Press and publicity',
  lobby: 'Lobbying at home',
  trade: 'Trade and credit',
  intelligence: 'Intelligence',
  comintern: 'The Comintern',
  diplomacy: 'Diplomacy',
  security: 'Police and security',
  negotiation: 'Negotiation',
};

/** A category mid-sentence: "notes and protests", "the Comintern". */
export const categoryWords = (c: Category): string => CATEGORY_LABEL[c].charAt(0).toLowerCase() + CATEGORY_LABEL[c].slice(1);

/**
 * Text with its straight single quotes made typographic, as every text a player reads writes them:
 * an opening quote ‘ (at the start, or after a space or an opening bracket, before a letter or
 * digit), else ’, an apostrophe or a closing quote ("the Trade Delegation's status" → "the Trade
 * Delegation’s status", "industrialists'" → "industrialists’"). The scenarios write straight
 * quotes, and their text stays as written (a game's ledger holds some of it, and its fingerprint
 * with it): a front end makes them typographic where it shows that text beside sentences the code
 * writes with ’ (the computer's reasons: ai/reasons.ts, shownReasons). Display only.
 */
export const typographic = (text: string): string => text.replace(/'/g, (_q, at: number) => ((at === 0 || /[\s([“‘—–]/.test(text[at - 1]!)) && /[\p{L}\p{N}]/u.test(text[at + 1] ?? '') ? '‘' : '’'));

/** Items as a sentence lists them: "A", "A and B", "A, B and C" (never ";", which runs on inside a clause after ":"). */
export const listed = (xs: readonly string[]): string => (xs.length < 2 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

/** A side as refusals and other sentences name it, mid-sentence: "Britain", "the USSR" (never the id "ussr"). */
export const SIDE_LABEL: Readonly<Record<Side, string>> = { britain: 'Britain', ussr: 'the USSR' };

/** The label of a side named by untrusted input (a save's move): the id itself if it is no side. */
export const sideLabel = (side: unknown): string => (side === 'britain' || side === 'ussr' ? SIDE_LABEL[side] : String(side));

export interface RelationLabels {
  /** In sentences and the news: "Relations: relations broken off." */
  long: string;
  /** In a status bar or a table cell. */
  short: string;
}

export const RELATION_LABELS: Readonly<Record<Relations, RelationLabels>> = {
  full: { long: 'full diplomatic relations', short: 'Full' },
  charge: { long: "relations at chargé d'affaires level", short: "Chargés d'affaires" },
  ruptured: { long: 'relations broken off', short: 'Broken off' },
  protecting: { long: 'relations broken; protecting powers act for each side', short: 'Protecting powers' },
};

/** The long labels, by state of relations. */
export const RELATION_LABEL: Readonly<Record<Relations, string>> = {
  full: RELATION_LABELS.full.long,
  charge: RELATION_LABELS.charge.long,
  ruptured: RELATION_LABELS.ruptured.long,
  protecting: RELATION_LABELS.protecting.long,
};

export type WarDangerBandName = 'calm' | 'tense' | 'crisis';
export interface WarDangerBand {
  name: WarDangerBandName;
  /** The band runs from this value (included) to the next band's. */
  from: number;
}

/** In rising order; the war danger runs from 0 to 100. */
export const WAR_DANGER_BANDS: readonly WarDangerBand[] = [
  { name: 'calm', from: 0 },
  { name: 'tense', from: 35 },
  { name: 'crisis', from: 60 },
];

/** The band a war danger value falls in. */
export function warDangerBand(value: number): WarDangerBand {
  let band = WAR_DANGER_BANDS[0]!;
  for (const b of WAR_DANGER_BANDS) if (value >= b.from) band = b;
  return band;
}

/**
 * A lead's standing named by the office: "the standing of the Deputy Commissar for Foreign Affairs"
 * (`start`: "The standing …"), never "… Foreign Affairs's standing". The figure's label and every
 * screen's name for it come from here.
 */
export function standingOf(leadTitle: string, start = false): string {
  return `${start ? 'The' : 'the'} standing of the ${leadTitle}`;
}

/**
 * A side's name as a sentence has it: "the Soviet Union" (a name that is a union or state takes the
 * article), "Britain"; `start` for the opening of a sentence ("The Soviet Union rejects note 1.").
 */
export function sideInSentence(sc: { readonly sides: Readonly<Record<Side, { readonly name: string }>> }, side: Side, start = false): string {
  const name = sc.sides[side].name;
  return /^(Soviet|United)\b/.test(name) ? `${start ? 'The' : 'the'} ${name}` : name;
}

/**
 * The office a minister holds now, as the game has reported it: the last of his later offices
 * whose event has fired (`fired`: day each event last fired, or -1, a state's or a seat's view),
 * else the one he started with. Display only.
 */
export function officeNow(m: { readonly office: string; readonly laterOffices: readonly { readonly event: number; readonly office: string }[] }, fired: readonly number[]): string {
  let office = m.office;
  for (const o of m.laterOffices) if ((fired[o.event] ?? -1) >= 0) office = o.office;
  return office;
}

// ---- Notes -------------------------------------------------------------------------------------
// Each side numbers its own notes (1, 2, 3…), so the number a side reads never depends on a note of
// the other side's that it has not received; a note is named by its sender as well as its number.

/** The adjective that names a side's notes: "British note 2", "Soviet note 1". */
export const NOTE_OF: Readonly<Record<Side, string>> = { britain: 'British', ussr: 'Soviet' };

/** A note as every text names it: "British note 2". */
export const noteName = (from: Side, n: number): string => `${NOTE_OF[from]} note ${n}`;

/** A note's cause in the news and ledger, and its item in students' ballots: "offer:britain:2". */
export const noteCause = (from: Side, n: number): string => `offer:${from}:${n}`;

/** The note a cause names ("offer:ussr:1"), or null if it names none. */
export function noteOfCause(cause: string): { from: Side; n: number } | null {
  const m = /^offer:(britain|ussr):([1-9]\d*)$/.exec(cause);
  return m ? { from: m[1] as Side, n: Number(m[2]) } : null;
}
