// The classroom's pass-and-play setup: the scenario, the group's name, the seed, and a name for
// each role a student plays (a role left blank is the computer's minister, voting by stance; a
// side with no student is played by the computer). Each side with students needs one at its lead's
// role. The role sheets can be printed from here before the lesson.

import { classSides } from '../../app/classroom';
import { NAME_MAX, type SeatHolder } from '../../app/handIn';
import type { MatchSetup } from '../../app/match';
import { loadScenario, SCENARIO_IDS } from '../../app/scenarios';
import { compile, type Side, seatFollows, seatHeads, termsOf } from '../../engine/index';
import { roleSheetsHtml } from '../../print/roleSheets';
import type { Scenario } from '../../scenario/schema';
import { fill, h } from './h';
import { randomSeed, scenarioPicker } from './title';

export interface ClassSetupActions {
  start(setup: MatchSetup): void;
  back(): void;
}

const SIDE_NAMES: Record<Side, string> = { britain: 'Britain', ussr: 'Soviet Union' };

export async function showClassSetup(root: HTMLElement, act: ClassSetupActions): Promise<void> {
  fill(root, h('main', { class: 'setup-screen' }, h('h1', null, 'Classroom: pass and play'), h('p', { role: 'status' }, 'Loading the scenarios…')));
  const loaded = await Promise.all(SCENARIO_IDS.map(async id => ({ id, r: await loadScenario(id, { roles: true }) })));
  const scs = loaded.flatMap(x => (x.r.ok ? [x.r.value] : []));
  let sc: Scenario = scs[0]!;
  const names = new Map<string, HTMLInputElement>();
  const rolesBox = h('div', { class: 'class-roles' });
  const problem = h('p', { class: 'notice error', role: 'alert', hidden: true });
  const group = h('input', { id: 'class-group', type: 'text', maxlength: NAME_MAX, value: 'Group 1', size: 24 });
  const seed = h('input', { id: 'class-seed', type: 'text', value: randomSeed(), size: 12 });

  const drawRoles = () => {
    names.clear();
    const c = compile(sc);
    fill(
      rolesBox,
      (['britain', 'ussr'] as Side[]).map(side =>
        h(
          'fieldset',
          { class: `choice class-side side-${side}` },
          h('legend', null, `${SIDE_NAMES[side]}: who plays which role`),
          // The list scrolls, not the fieldset: a scrolling fieldset took its roles up under its legend.
          h(
            'div',
            { class: 'class-role-list' },
            // A role that succeeds another (a term of office) is played from that role's seat: one name for both.
            seatHeads(c, side).map(r => {
              const lead = r.minister >= 0 && sc.ministers[r.minister]!.id === sc.sides[side].lead;
              const terms = termsOf(c, r.id);
              const input = h('input', { type: 'text', id: `role-${r.id}`, 'data-role': r.id, maxlength: NAME_MAX, size: 16, placeholder: lead ? 'a student (the lead)' : 'computer' });
              names.set(r.id, input);
              return h(
                'div',
                { class: `class-role${lead ? ' lead' : ''}` },
                h(
                  'label',
                  { for: `role-${r.id}` },
                  h('strong', null, r.name),
                  h(
                    'span',
                    { class: 'option-sub' },
                    `${r.office}${lead ? ' · leads' : r.minister < 0 ? ' · no vote' : ''}${terms
                      .slice(1)
                      .map((t, k) => `; ${seatFollows(terms[k]!, t)} ${t.name}, ${t.office}`)
                      .join('')}`,
                  ),
                ),
                input,
              );
            }),
          ),
        ),
      ),
    );
  };

  const seats = (): SeatHolder[] =>
    [...names].flatMap(([role, input]) => {
      const player = input.value.trim();
      return player ? [{ role, player }] : [];
    });

  const scenarioBox = scenarioPicker(scs, sc, 'class-scenario', s => {
    sc = s;
    drawRoles();
  });

  const printSheets = () => {
    const chosen = seats();
    // A student seated at a role gets the sheets of the roles that succeed it in the seat too.
    const c = compile(sc);
    const held = chosen.flatMap(x => termsOf(c, x.role).map(r => ({ role: r.id, player: x.player })));
    const html = roleSheetsHtml(sc, held.length ? { roles: held.map(x => x.role), players: new Map(held.map(x => [x.role, x.player])) } : {});
    window.open(URL.createObjectURL(new Blob([html], { type: 'text/html' })), '_blank');
  };

  drawRoles();
  const form = h(
    'form',
    {
      class: 'setup-form class-form',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const cls = { group: group.value.trim() || 'Group', seats: seats() };
        const who = classSides(sc, compile(sc), cls);
        if (!who.ok) {
          problem.textContent = `Not yet: ${who.error}.`;
          problem.hidden = false;
          return;
        }
        act.start({ scenario: sc.id, seed: seed.value.trim() || randomSeed(), sides: who.sides, classroom: cls });
      },
    },
    scenarioBox,
    h('fieldset', { class: 'choice' }, h('legend', null, 'The group'), h('label', { for: 'class-group' }, 'Name '), group, h('label', { for: 'class-seed' }, ' Game number '), seed),
    h(
      'p',
      { class: 'help' },
      "Type each student's name at their role. A blank minister is the computer's and votes by stance; a side with no names is played by the computer. Each student's secret aims show only on their own screen, behind a “Pass the screen to …” curtain.",
    ),
    rolesBox,
    problem,
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'button', class: 'btn', onclick: () => act.back() }, 'Back'),
      h('button', { type: 'button', class: 'btn', 'data-action': 'print-sheets', onclick: printSheets }, 'Print role sheets'),
      h('button', { type: 'submit', class: 'btn primary', 'data-action': 'start-class' }, 'Begin'),
    ),
  );
  fill(root, h('main', { class: 'setup-screen class-setup' }, h('h1', null, 'Classroom: pass and play'), form));
  group.focus();
}
