// Numbers as the game prints them, in the terminal and on the screen alike.
// The true minus sign (U+2212), not a hyphen; the browser draws it from the "Game Minus" face (ui/signs.ts).
const MINUS = '−';
/** A signed number: +3, −2, +0.5. Whole numbers unless small. */
export function signed(x: number): string {
  const a = Math.abs(x);
  const body = a >= 9.95 || Math.abs(a - Math.round(a)) < 0.05 ? String(Math.round(a)) : a.toFixed(1);
  if (body === '0' || body === '0.0') return '±0';
  return (x > 0 ? '+' : MINUS) + body;
}
/** An unsigned number rounded for display. */
export const num = (x: number): string => {
  const r = Math.round(x);
  return (r < 0 ? MINUS : '') + Math.abs(r).toLocaleString('en-GB');
};
export const pct = (p: number, digits = 0): string => `${(p * 100).toFixed(digits)}%`;
