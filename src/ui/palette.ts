// The game's colours, in one place. The signal colours come from the Okabe-Ito set, which stays
// distinguishable for the common kinds of colour blindness; anything that matters is also told by
// shape, position or text, never by colour alone.

/** CSS colour strings. */
export const PALETTE = {
  paper: '#f3ecd9',
  paperDark: '#e4d8b9',
  ink: '#1f1b16',
  inkSoft: '#5a5045',
  rule: '#a89876',
  /** Britain: Foreign Office navy. */
  britain: '#1d3a5f',
  britainLight: '#c9d6e6',
  /** The Soviet side: poster red (a deep vermilion, told apart from Britain's navy by lightness too). */
  ussr: '#a82219',
  ussrLight: '#f1cfc6',
  sea: '#c8d3d0',
  land: '#ebe1c8',
  landEdge: '#9c8c6c',
  // Signals (Okabe-Ito), for marks and lines. Text in these hues uses darker shades that reach
  // 4.5:1 on the paper (styles.css --good, --bad, --warn; the trade chart's legend), checked by
  // tests/ui/contrast.test.ts.
  good: '#0072b2', // blue
  bad: '#d55e00', // vermilion
  warn: '#e69f00', // orange
  neutral: '#999999',
  calm: '#009e73', // bluish green
  sky: '#56b4e9',
  purple: '#cc79a7',
  yellow: '#f0e442',
} as const;

export type PaletteKey = keyof typeof PALETTE;

/** The same colours as numbers, for Phaser. */
export const HEX = Object.fromEntries(Object.entries(PALETTE).map(([k, v]) => [k, parseInt(v.slice(1), 16)])) as Record<PaletteKey, number>;

/** Font families (loaded from @fontsource in src/ui/fonts.ts). */
export const FONTS = {
  /** Body text: a period serif (its minus sign from "Game Minus", src/ui/signs.ts). */
  body: '"Game Minus", "Old Standard TT", Georgia, serif',
  /** Headlines: a newspaper display face. */
  headline: '"Playfair Display", Georgia, serif',
  /** Soviet posters and big numbers: a condensed sans. */
  poster: 'Oswald, "Arial Narrow", sans-serif',
  /** Telegrams and typed minutes. */
  typewriter: '"Special Elite", "Courier New", monospace',
} as const;
