// Sources read as a reader would cite them: no raw "thesis L1234" on any player's screen.
import { describe, expect, it } from 'vitest';
import { citation, citations, citeInText } from '../../src/app/citations';

describe('citations', () => {
  it('turn a compact thesis reference into words', () => {
    expect(citation('thesis L3099-3135')).toBe('the thesis, lines 3099\u20133135');
    expect(citation('thesis L5514')).toBe('the thesis, line 5514');
    expect(citation('fn L6694-6696')).toBe('the thesis, a footnote at lines 6694\u20136696');
    expect(citation('Hansard, 26 May 1927')).toBe('Hansard, 26 May 1927');
  });

  // The scenarios cite footnotes as "thesis fn L…" (over a hundred times in 1929): they read as footnotes too, never raw.
  it('read "thesis fn L…" as a footnote, alone, in a list and in a sentence', () => {
    expect(citation('thesis fn L8966-8971')).toBe('the thesis, a footnote at lines 8966\u20138971');
    expect(citations(['thesis L8911-8916', 'thesis fn L8966-8971'])).toBe('the thesis, lines 8911\u20138916; its footnote at lines 8966\u20138971');
    expect(citeInText('Signed on 3 October (thesis fn L8182-8183).')).toBe('Signed on 3 October (the thesis, a footnote at lines 8182\u20138183).');
  });

  it('join a list into one citation, footnotes after the text', () => {
    expect(citations(['thesis L3099-3135', 'thesis L4001-4010'])).toBe('the thesis, lines 3099\u20133135 and 4001\u20134010');
    expect(citations(['thesis L12', 'fn L20'])).toBe('the thesis, line 12; its footnote at line 20');
    expect(citations(['thesis L1-2', 'thesis L5', 'thesis L9-10'])).toBe('the thesis, lines 1\u20132, 5 and 9\u201310');
  });

  it('rewrite references inside a sentence and leave the rest alone', () => {
    expect(citeInText('Historically failed: Cecil resigned in August 1927 (thesis L5514-5516).')).toBe('Historically failed: Cecil resigned in August 1927 (the thesis, lines 5514\u20135516).');
    expect(citeInText('No reference here.')).toBe('No reference here.');
    expect(citeInText('See thesis L10-L12 and fn L3.')).toBe('See the thesis, lines 10\u201312 and the thesis, a footnote at line 3.');
  });
});
