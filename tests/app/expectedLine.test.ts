// A preview's "Expected" line (orders, decisions; browser and terminal alike). An option that only
// sets flags or schedules events moves no figure at once, but it is not idle: 1929's "Invite an
// envoy to settle preliminaries" is what opens the way to the talks, and "No direct change" read as
// "this does nothing". A later event is named only if the seat will see it when it comes.
import { describe, expect, it } from 'vitest';
import { expectedLine, noChangeText, previewNotes } from '../../src/app/names';
import { compile, createGame, seatOption, seatView } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const option = (c: ReturnType<typeof compile>, ev: string, opt: string) => {
  const e = c.events.find(x => x.id === ev)!;
  return { ev: e, o: e.decision!.options.find(x => x.id === opt)! };
};

describe('the preview of an item that moves no figure', () => {
  const c29 = compile(loadScenarioFile('1929'));
  it('says an option that only sets a flag sets later events in train, not that it changes nothing', () => {
    const { o } = option(c29, 'cabinet-21-june', 'preliminaries');
    const t = noChangeText(c29, o.linked, 'britain');
    expect(t).not.toMatch(/No direct change/);
    expect(t).toBe('No figure moves at once; it sets later events in train.');
  });

  it('names a scheduled event the seat will see', () => {
    const c27 = compile(loadScenarioFile('1927'));
    const { o } = option(c27, 'cabinet-19-may', 'balfour');
    expect(noChangeText(c27, o.linked, 'britain')).toContain(`(\u201c${c27.events.find(e => e.id === 'last-chance-lapses')!.title}\u201d)`);
  });

  it('does not name an event that is the other side\u2019s private business', () => {
    const c32 = compile(loadScenarioFile('1932'));
    const { o } = option(c32, 'sokolnikov-farewell', 'frank');
    const secret = c32.events.find(e => e.id === 'litvinov-threat')!;
    expect(secret.privateTo).toBe('ussr');
    const t = noChangeText(c32, o.linked, 'britain');
    expect(t).toMatch(/sets later events in train/);
    expect(t).not.toContain(secret.title);
  });

  it('still says there is no change when there is none', () => {
    expect(noChangeText(c29, [], 'britain')).toBe('No direct change to a figure you can see.');
    expect(noChangeText(c29, [{ k: 'news', text: 'x' }], 'britain')).toBe('No direct change to a figure you can see.');
  });

  it('is the whole line the decision screen prints, from the preview the seat is given', () => {
    const sc = loadScenarioFile('1929');
    const view = seatView(c29, createGame(sc, 'preview'), 'britain');
    const line = (opt: string) => {
      const { ev, o } = option(c29, 'cabinet-21-june', opt);
      return expectedLine(c29, o.linked, seatOption(c29, view, ev, o).predicted, view, true);
    };
    expect(line('preliminaries')).toBe('No figure moves at once; it sets later events in train.');
    // An option that moves figures lists them, as before.
    expect(line('unconditional')).toMatch(/^Expected: .*MacDonald's mood/);
  });

  it('says what a refusal sets in train: refused, "renew at once" falls back on preliminaries', () => {
    const sc = loadScenarioFile('1929');
    const view = seatView(c29, createGame(sc, 'preview'), 'britain');
    const { ev, o } = option(c29, 'cabinet-21-june', 'unconditional');
    const pv = seatOption(c29, view, ev, o);
    expect(pv.approval).toBeLessThan(0.995);
    const refused = previewNotes(c29, pv, 'britain', view, o.vote?.onFailLinked).find(n => n.startsWith('if refused'));
    expect(refused).toMatch(/^if refused \(\d+% chance\): your standing −\d+; it sets later events in train$/);
  });
});
