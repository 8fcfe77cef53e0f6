// Role sheets: one sheet per seat, to hand out before a lesson. The top half is the role's public
// brief (who you are, what you can do in the game); below a fold line, the secret half: the
// role's aim and the objectives it is scored on. Cut or fold along the line so a neighbour sees only the top.

import { compile, type Side } from '../engine/index';
import type { Scenario } from '../scenario/schema';
import { esc, page, sourceLine } from './page';

const SIDE_NAME: Record<Side, string> = { britain: 'Britain', ussr: 'Soviet Union' };

export interface SheetOptions {
  /** Only these roles (ids), in this order; default every role in scenario order. */
  roles?: readonly string[];
  /** A student's name for a role, printed on its sheet. */
  players?: ReadonlyMap<string, string>;
}

/** The role sheets of a scenario as one printable HTML document; an unknown role id throws, naming it. */
export function roleSheetsHtml(sc: Scenario, opts: SheetOptions = {}): string {
  const c = compile(sc);
  const ids = opts.roles ?? c.roles.map(r => r.id);
  const sheets = ids.map(id => {
    const k = c.roleIndex.get(id);
    if (k === undefined) throw new Error(`there is no role "${id}" in scenario "${sc.id}" (roles: ${c.roles.map(r => r.id).join(', ')})`);
    const r = c.roles[k]!;
    const src = sc.roles![k]!;
    const player = opts.players?.get(id);
    const lead = r.minister >= 0 && sc.sides[r.side].lead === sc.ministers[r.minister]!.id;
    const part =
      r.minister < 0
        ? `You are not in ${r.side === 'britain' ? 'the Cabinet' : 'the Politburo'} and have no vote there. You speak for ${r.group >= 0 ? esc(c.groups[r.group]!.name) : 'yourself'}: talk to the ministers, and press your case in the discussion.`
        : lead
          ? `You lead your side: you propose the orders and notes each turn, and your ${r.side === 'britain' ? 'Cabinet' : 'Politburo'} votes on the major ones.`
          : `${sc.ministers[r.minister]!.inOffice === false ? `You are not in office when the game begins; if you come into office you sit in the ${r.side === 'britain' ? 'Cabinet' : 'Politburo'}.` : `You sit in the ${r.side === 'britain' ? 'Cabinet' : 'Politburo'}.`} When an item goes to a vote, you vote for or against; your vote moves your minister's weight a quarter to a half of the way toward it (more when it goes with your loyalty to the lead), and the decision is taken with everyone else's stance.`;
    const objectives = src.objectives
      .map(o => `<tr><td>${esc(o.label)}${o.description ? `<div class="small muted">${esc(o.description)}</div>` : ''}</td><td class="num">${o.weight}</td></tr>`)
      .join('');
    return `<section class="sheet side-${r.side}">
<header class="top"><span>${esc(sc.title)}</span><span>Role sheet · ${esc(SIDE_NAME[r.side])}</span></header>
<h1>${esc(r.name)}</h1>
<div class="office">${esc(r.office)} <span class="badge">${esc(SIDE_NAME[r.side])}</span>${player ? ` · played by <strong>${esc(player)}</strong>` : ''}</div>
<h2>Your brief (public)</h2>
<p>${esc(src.briefing)}</p>
<p>${part}</p>
<h3>The situation</h3>
<p class="small">${esc(sc.briefing)}</p>
<p class="fold">✂ - - - - - - - - fold here: below this line is for ${esc(r.name)} alone - - - - - - - - ✂</p>
<div class="secret">
<h2>Your secret aim</h2>
<p>${esc(src.secretAim)}</p>
<h3>How you are scored at the end</h3>
<table><thead><tr><th>Objective</th><th class="num">Weight</th></tr></thead><tbody>${objectives}</tbody></table>
<p class="small muted">Each objective is met or not at the end (or, for a measure, met in part); your score is the weighted share met, out of 100, and the debrief holds it against what history achieved.</p>
</div>
${sourceLine(src.sources)}
</section>`;
  });
  return page(`${sc.title}: role sheets`, sheets);
}
