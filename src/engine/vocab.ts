// Closed vocabularies as `as const` arrays, with the unions derived from them.
export const SIDES = ['britain', 'ussr'] as const;
export type Side = (typeof SIDES)[number];
export type BySide<T> = { britain: T; ussr: T };
export const other = (s: Side): Side => (s === 'britain' ? 'ussr' : 'britain');

export const RELATIONS = ['full', 'charge', 'ruptured', 'protecting'] as const;
export type Relations = (typeof RELATIONS)[number];

export const BODIES = ['cabinet', 'politburo', 'narkomindel'] as const;
export type Body = (typeof BODIES)[number];
export const GROUP_KINDS = ['party', 'press', 'labour', 'business', 'opposition', 'comintern', 'security'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export const CATEGORIES = ['note', 'press', 'lobby', 'trade', 'intelligence', 'comintern', 'diplomacy', 'security', 'negotiation'] as const;
export type Category = (typeof CATEGORIES)[number];
export const EVENT_KINDS = ['news', 'telegram', 'incident', 'decision', 'cabinet', 'parliament'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const RESPONSES = ['restrain', 'exploit', 'publish', 'suppress'] as const;
export type Response = (typeof RESPONSES)[number];
/**
 * Places on the game's map, where events happen and third parties sit. The map art is the game's,
 * not a scenario's, so the places are a closed list; a scenario names them with `place`.
 */
export const PLACES = [
  'london',
  'moscow',
  'geneva',
  'paris',
  'berlin',
  'warsaw',
  'rome',
  'brussels',
  'riga',
  'leningrad',
  'peking',
  'shanghai',
  'tokyo',
  'delhi',
  'kabul',
  'ottawa',
  'ankara',
  'hague',
  'stockholm',
  'washington',
] as const;
export type Place = (typeof PLACES)[number];

/**
 * A side's entry of a BySide record. `o[side]` with a side that varies makes V8's property cache
 * at that spot give up (a "megamorphic" keyed lookup, several times slower); the hot paths read
 * through this instead.
 */
export const ofSide = <T>(o: BySide<T>, side: Side): T => (side === 'britain' ? o.britain : o.ussr);
