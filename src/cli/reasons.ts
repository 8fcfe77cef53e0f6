// A computer player's reasons in the terminal: printed when the computer moves or answers a note,
// from the Reasons the match passes on (only for moves the other side may know of).
import type { Reasons } from '../ai/index';
import { citations, citeInText } from '../app/citations';
import { bold, dim, wrap } from './format';

const pts = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`;

/** The summary, the deciding factors with their weights and sources, and up to three moves passed over. */
export function reasonsLines(r: Reasons, width: number, rejected = 3): string[] {
  const out = wrap(`${bold('Why:')} ${citeInText(r.summary)}`, width, '    ', '  ');
  for (const f of r.factors) {
    const src = f.sources.length ? dim(` [${citations(f.sources.slice(0, 3))}${f.sources.length > 3 ? ' …' : ''}]`) : '';
    out.push(...wrap(`• ${citeInText(f.label)}: ${pts(f.value)} points${src}`, width, '      ', '    '));
  }
  const passed = r.rejected.slice(0, rejected);
  if (passed.length) out.push(dim('    Passed over:'));
  for (const a of passed) out.push(...wrap(dim(`– ${citeInText(a.label)}: ${citeInText(a.why)}`), width, '        ', '      '));
  return out;
}
