// Phrases of the desk that read wrong in a playtest (session 23): a term that helps a package
// "counts for; sways no vote alone" (a phrase cut short), and a run of decisions titled
// "(1 of 2 decisions)" on the first and nothing on the second, as if the count had gone wrong.
import { describe, expect, it } from 'vitest';
import { decisionsAfterWords, termPullWords } from '../../src/app/affordances';

describe('termPullWords', () => {
  it('says a term that sways no vote alone counts in favour, not a bare "counts for"', () => {
    expect(termPullWords({ pull: 0, value: 10 })).toBe('counts in favour; sways no vote alone');
    expect(termPullWords({ pull: 0, value: -5 })).toBe('counts against; sways no vote alone');
    expect(termPullWords({ pull: 0, value: 0 })).toBe('counts for nothing');
    expect(termPullWords({ pull: 0.4, value: 10 })).toBe('wins 40% of the cabinet');
  });
});

describe('decisionsAfterWords', () => {
  it('counts the decisions still to come after the one shown, and says nothing on the last', () => {
    expect([3, 2, 1].map(decisionsAfterWords)).toEqual(['2 more decisions after this', '1 more decision after this', '']);
  });
});
