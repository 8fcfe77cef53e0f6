// A computer player's reasons in the terminal: printed when the computer moves or answers a note,
// from the Reasons the match passes on (only for moves the other side may know of).
import { factorFigure, type Reasons, shownReasons } from '../ai/reasons';
import { citations, citeInText } from '../app/citations';
import { bold, dim, wrap } from './format';

/**
 * The summary, the deciding factors with their weights and sources, and up to three moves passed
 * over; then the reasons for the note answers among the orders, when the summary has not said them
 * (the search player's orders are weighed as a whole, and what decided the answer to a note is the
 * note: its cabinet's share and its worth).
 */
export function reasonsLines(why: Reasons, width: number, rejected = 3): string[] {
  const r = shownReasons(why);
  const out = moveLines(r, width, rejected);
  if (r.answers && !r.summary.includes(r.answers.summary)) out.push(...moveLines(r.answers, width, rejected));
  return out;
}

function moveLines(r: Reasons, width: number, rejected: number): string[] {
  const out = wrap(`${bold('Why:')} ${citeInText(r.summary)}`, width, '    ', '  ');
  for (const f of r.factors) {
    const src = f.sources.length ? dim(` [${citations(f.sources.slice(0, 3))}${f.sources.length > 3 ? ' …' : ''}]`) : '';
    const figure = factorFigure(f);
    out.push(...wrap(`• ${citeInText(f.label)}${figure === null ? '' : `: ${figure}`}${src}`, width, '      ', '    '));
  }
  const passed = r.rejected.slice(0, rejected);
  if (passed.length) out.push(dim('    Passed over:'));
  for (const a of passed) out.push(...wrap(dim(`– ${citeInText(a.label)}: ${citeInText(a.why)}`), width, '        ', '      '));
  return out;
}
