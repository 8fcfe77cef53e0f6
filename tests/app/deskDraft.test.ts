// The desk's unsent orders kept across a reload: read back as they were for the same seat and
// turn, and not at all for another turn or seat, nor beyond what the seat may order now.
import { describe, expect, it } from 'vitest';
import { affordances } from '../../src/app/affordances';
import { draftFromJson, draftToJson } from '../../src/app/deskDraft';
import { emptySelection } from '../../src/app/selection';
import { compile, createGame, seatView } from '../../src/engine/index';
import { loadScenarioFile } from '../loadScenario';

const sc = loadScenarioFile('1927');
const c = compile(sc);
const view = seatView(c, createGame(sc, 'draft'), 'britain');
const legal = affordances(c, view, ev => ev.decision!.options.map((_, j) => j)).legal;
const note = Object.fromEntries(c.terms.map(t => [t.id, t.options.at(-1)!.id]));

describe('the desk draft', () => {
  const sel = emptySelection();
  sel.actions.add(legal[0]!.id);
  sel.offer = { ...note };
  sel.replies.set(3, false);
  const text = draftToJson('britain', view.turn, { sel, note });

  it('reads back the ticked orders, the note and the replies for the same seat and turn', () => {
    const d = draftFromJson(c, 'britain', view.turn, legal, text)!;
    expect([...d.sel.actions]).toEqual([legal[0]!.id]);
    expect(d.sel.offer).toEqual(note);
    expect([...d.sel.replies]).toEqual([[3, false]]);
    expect(d.note).toEqual(note);
  });

  it('gives nothing for another turn, another seat, or text that is not a draft', () => {
    expect(draftFromJson(c, 'britain', view.turn + 1, legal, text)).toBeNull();
    expect(draftFromJson(c, 'ussr', view.turn, legal, text)).toBeNull();
    expect(draftFromJson(c, 'britain', view.turn, legal, null)).toBeNull();
    expect(draftFromJson(c, 'britain', view.turn, legal, '{nope')).toBeNull();
  });

  it('keeps only orders the seat may give now, and drops a note with unknown terms', () => {
    const odd = JSON.parse(text);
    odd.actions.push('no-such-order');
    odd.offer = { ...note, [c.terms[0]!.id]: 'no-such-option' };
    const d = draftFromJson(c, 'britain', view.turn, legal.slice(1), JSON.stringify(odd))!;
    expect([...d.sel.actions]).toEqual([]);
    expect(d.sel.offer).toBeNull();
  });
});
