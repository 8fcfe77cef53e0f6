/// <reference types="vite/client" />
// The minus sign, drawn from a face whose minus reads as one. Old Standard TT's U+2212 is a long
// rule that looks like a dash beside its figures ("—12"), so the body font's stack starts with a
// family that holds only U+2212, taken from the Playfair Display the game already ships: a short,
// heavy bar as wide as the plus. Every other character falls through to Old Standard TT, in the
// DOM and on the Phaser board alike (both use the same font stack, palette.ts FONTS.body).
import minusFace from '@fontsource/playfair-display/files/playfair-display-latin-700-normal.woff2?url';

/** The family name the body stack starts with (palette.ts, styles.css --body). */
export const MINUS_FAMILY = 'Game Minus';

let ready: Promise<unknown> | null = null;

/** Registers the face (once) and resolves when it is loaded, so the board measures with it. */
export function loadMinusFace(): Promise<unknown> {
  if (ready) return ready;
  const face = new FontFace(MINUS_FAMILY, `url(${minusFace}) format("woff2")`, { unicodeRange: 'U+2212', weight: '100 900' });
  document.fonts.add(face);
  ready = face.load().catch(() => undefined); // without it the body font's own minus is used
  return ready;
}
