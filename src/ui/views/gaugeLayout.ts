// Where the pressure block's caption and rows go, in scene pixels, from the heights of the texts as
// drawn. Kept apart from Phaser so the rule is tested in Node: the caption's line box ends above
// the first row's name (at 1280 x 720 "Conservative die-hards" touched "PRESSURE AT HOME"), and the
// last row's bar ends above the view's bottom edge, which is the window's at 1280 x 720.

/** Room kept under the last bar: the board's bottom is the window's edge on a laptop. */
export const BOTTOM_PAD = 3;
/** A row needs its name's line box, a bar of at least this and a pixel of air. */
export const MIN_BAR = 2;

export interface GaugeLayoutIn {
  /** First pixel under the standing rows. */
  top: number;
  /** The view's bottom edge. */
  bottom: number;
  /** How many rows per column. */
  rows: number;
  /** The caption's line box height, as drawn. */
  captionH: number;
  /** A row name's line box height, as drawn (the compact size's when rows are short). */
  labelH: number;
}

export interface GaugeLayout {
  /** Whether the caption fits (else it is left out, as a short panel has no room). */
  caption: boolean;
  /** Each row: its top (whole pixels; the name's box starts there, the bar under it) and where its bar must end, a pixel above the next row. */
  rows: { top: number; end: number }[];
  rowH: number;
}

export function gaugeLayout({ top, bottom, rows, captionH, labelH }: GaugeLayoutIn): GaugeLayout {
  const end = bottom - BOTTOM_PAD;
  const need = labelH + MIN_BAR + 1;
  const withCaption = rows > 0 && (end - top - captionH) / rows >= need;
  const first = withCaption ? top + captionH : top;
  const rowH = rows > 0 ? (end - first) / rows : 0;
  const tops = Array.from({ length: rows }, (_, r) => Math.round(first + r * rowH));
  return { caption: withCaption, rows: tops.map((t, r) => ({ top: t, end: r + 1 < rows ? tops[r + 1]! - 1 : end })), rowH };
}
