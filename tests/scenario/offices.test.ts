// What the scenarios show of a minister's office and of who plays a side follows the game's own
// news: an office lost in an event's news is gone from the card, the dialog's source and later news
// (laterOffices, display only), and a change of lead is told as the office he holds, never as the
// country "led by" him.
import { describe, expect, it } from 'vitest';
import { boardModel } from '../../src/app/board';
import { officeNow, seatView } from '../../src/engine/index';
import { newsOf, Play } from '../engine/helpers';
import { loadScenarioFile } from '../loadScenario';

const card = (p: Play, side: 'britain' | 'ussr', seat: 'britain' | 'ussr', id: string) => boardModel(p.c, seatView(p.c, p.s, seat)).cabinets[side].find(m => m.id === id);

describe('offices follow the news', () => {
  it("1929: Bukharin's card keeps the Comintern until the news of 23 April says he lost it, then shows the Politburo only", () => {
    const p = new Play(loadScenarioFile('1929'), 'offices');
    p.until('1929-04-01');
    expect(card(p, 'ussr', 'ussr', 'bukharin')?.office).toMatch(/Comintern/);
    p.until('1929-07-15');
    const lost = newsOf(p.s).find(n => n.cause === 'event:plan-adopted' && /Bukharin loses the Comintern/.test(n.text));
    expect(lost).toBeDefined();
    // Both sides read the news, so both see the card change.
    for (const seat of ['ussr', 'britain'] as const) expect(card(p, 'ussr', seat, 'bukharin')?.office).toBe('Member of the Politburo');
    // Dropped from the Politburo in November, he leaves office as what he then was.
    p.until('1929-11-20');
    expect(card(p, 'ussr', 'ussr', 'bukharin')).toBeUndefined();
    expect(newsOf(p.s).map(n => n.text)).toContain('Nikolai Bukharin (Member of the Politburo) leaves office.');
  });

  it('1927: the London mission is shown as former once the news says it has left London', () => {
    const sc = loadScenarioFile('1927');
    const p = new Play(sc, 'offices');
    const rosengolts = p.c.ministers.find(m => m.id === 'rosengolts')!;
    expect(officeNow(rosengolts, p.s.fired)).toBe('Head of the Soviet Mission in London');
    const left = [...p.s.fired];
    left[p.c.eventIndex.get('missions-leave')!] = p.c.days[3]!;
    expect(officeNow(rosengolts, left)).toBe('Former head of the Soviet Mission in London');
  });

  it('every later office follows public news, so both sides see the same office', () => {
    let n = 0;
    for (const id of ['1927', '1929', '1932']) {
      const sc = loadScenarioFile(id);
      const c = new Play(sc, 'offices').c;
      for (const m of sc.ministers)
        for (const o of m.laterOffices ?? []) {
          expect(c.events[c.eventIndex.get(o.after)!]!.privateTo, `${id} ${m.id}: ${o.after}`).toBeNull();
          n++;
        }
    }
    expect(n).toBeGreaterThan(0);
  });

  it("1929: Labour's Foreign Secretary takes Britain's dealings with Moscow in hand; no news says Britain is led by him", () => {
    const p = new Play(loadScenarioFile('1929'), 'offices');
    p.until('1929-07-15');
    const texts = newsOf(p.s).map(n => n.text);
    if (p.s.lead.britain === p.c.ministers.findIndex(m => m.id === 'henderson'))
      expect(texts).toContain("Britain's dealings with the Soviet Union are now in the hands of Arthur Henderson, Foreign Secretary.");
    else expect.unreachable('the historical line of play should bring Labour in');
    expect(texts.filter(t => /\bled by\b|\bleads (Britain|the Soviet Union)\b/.test(t))).toEqual([]);
  });

  it('a British panel headed "The Cabinet" holds no junior minister, official or ambassador', () => {
    // Offices held outside the Cabinet in these years, as the scenarios name them.
    const outside = /Under-Secretary|Parliamentary Secretary|Financial Secretary|Ambassador/;
    const wrong: string[] = [];
    for (const id of ['1927', '1929', '1932']) {
      const sc = loadScenarioFile(id);
      const p = new Play(sc, 'offices');
      const heading = boardModel(p.c, seatView(p.c, p.s, 'ussr')).sides.britain.panelTitle ?? 'The Cabinet';
      if (heading !== 'The Cabinet') continue;
      for (const m of sc.ministers) if (m.side === 'britain' && outside.test(m.office)) wrong.push(`${id} ${m.id}: ${m.office}`);
    }
    expect(wrong).toEqual([]);
  });
});
