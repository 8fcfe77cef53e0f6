// The screens of the terminal game, as lists of lines: turn header and dashboard, news,
// decisions, orders, notes, cabinets, trade, the "why" ledger, help and the end screen. Nothing
// here reads input or changes the game; every screen is drawn from the seat's view and the
// affordances built from it (and the end screen from the match's end report), so hidden figures
// stay hidden.

import { type Affordances, acceptanceWords, bindChance, commonsWords, decisionsAfterWords, termPullWords } from '../app/affordances';
import { citations, citeInText } from '../app/citations';
import { BEFORE_BRANCH_NOTE, type DecidedBy, decisionSaid, type EndReport, OWN_DECISION } from '../app/endReport';
import { FINAL_LEGEND, finalScoreLine, type Goals, goalsHelp, goalsModel, outlookText, STATUS_LEGEND } from '../app/goals';
import { detailParts, type Headline, headlineOf } from '../app/headlines';
import { expectedChanges, expectedLine, figName, groupLines, groupShort, keyFigures, noChangeText, previewNotes, riseIsGood, riskText } from '../app/names';
import { type Selection, selectionCost } from '../app/selection';
import { whyEntries } from '../app/why';
import {
  type CAction,
  type Compiled,
  decisionDay,
  type LegalAction,
  longDate,
  type NewsItem,
  noteName,
  officeNow,
  other,
  packageValue,
  RELATION_LABEL,
  type Relations,
  type SeatView,
  type Side,
  seen,
  shownDay,
  type Terms,
  warDangerBand,
} from '../engine/index';
import {
  alignBottom,
  bar,
  bold,
  cyan,
  dim,
  fit,
  fitItems,
  green,
  grey,
  italic,
  magenta,
  monthName,
  num,
  padEnd,
  pct,
  red,
  rule,
  section,
  shortDate,
  signed,
  table,
  tone,
  vlen,
  wrap,
  wrapCell,
  wrapTable,
  yellow,
} from './format';

const sideName = (c: Compiled, s: Side) => c.sc.sides[s].name;
/** Who leads a side now (the lead can change hands with a government). */
const lead = (c: Compiled, st: { lead: SeatView['lead'] }, s: Side) => c.ministers[st.lead[s]]!;
const round = (x: number | null) => (x === null ? '?' : num(x));

function relationsText(r: Relations): string {
  const t = RELATION_LABEL[r];
  return r === 'full' ? green(t) : r === 'charge' ? yellow(t) : red(t);
}

/** The change since the last screen, coloured by whether it helps the side. */
function delta(c: Compiled, view: SeatView, prev: readonly (number | null)[] | null, i: number, me: Side): string {
  const now = seen(view, i),
    before = prev?.[i];
  if (now === null || now === undefined || before === null || before === undefined) return '';
  const d = now - before;
  if (Math.abs(d) < 0.5) return '';
  return tone(`(${signed(d)})`, riseIsGood(c, i, me) === null ? null : d > 0 === riseIsGood(c, i, me));
}

/** `opponent` names the computer player, or is null when a second person plays the other side. */
export function titleScreen(c: Compiled, me: Side, opponent: string | null, seed: string, w: number): string[] {
  const sc = c.sc;
  const out = ['', rule(w, sc.title)];
  if (sc.subtitle) out.push(...wrap(sc.subtitle, w, '  ').map(l => italic(l)));
  out.push('', ...wrap(sc.briefing, w, '  '), '');
  const start = { lead: { britain: c.side.britain.lead, ussr: c.side.ussr.lead } };
  out.push(...wrap(`You are ${bold(lead(c, start, me).name)}, ${lead(c, start, me).office} (${sideName(c, me)}).`, w, '  '));
  out.push(
    ...wrap(`${lead(c, start, other(me)).name} (${sideName(c, other(me))}) is played by ${opponent === null ? 'a second person at this terminal' : `the computer, ${opponent}`}.`, w, '  ', '  '),
  );
  out.push(
    ...wrap(
      `${c.days.length} turns, ${shortDate(c.days[0]!)} to ${shortDate(c.days[c.days.length - 1]!)}. Game number ${seed} (the same number and choices replay the same game: --seed ${seed}).`,
      w,
      '  ',
    ),
  );
  // Goals in sight from the first screen: the objectives and their weights; g shows how each stands.
  const g = goalsModel(c, me);
  out.push('', section(w, 'Your objectives (weight)'));
  out.push(
    // A long objective's name goes on over a second line rather than be cut.
    ...wrapTable(
      g.rows.map(r => [r.label, String(r.weight), r.kind === 'measure' ? dim('in proportion') : dim('all or nothing')]),
      ['l', 'r', 'l'],
      [{ col: 0, min: 16 }],
      w,
    ),
  );
  out.push(...wrap('Type g at any prompt for how each is scored and how it stands now; h for help.', w, '  ').map(l => dim(l)), '');
  return out;
}

export function turnHeader(c: Compiled, view: SeatView, w: number): string[] {
  const phase = c.sc.calendar.phases[c.phaseOf[view.turn]!]!.name;
  const title = `${longDate(view.day)} · ${phase}`;
  const right = ` turn ${view.turn + 1} of ${c.days.length} ══`;
  const head = rule(w - right.length, title);
  return ['', head + dim(right)];
}

export function dashboard(c: Compiled, view: SeatView, prev: readonly (number | null)[] | null, w: number): string[] {
  const f = (i: number) => seen(view, i);
  const me = view.side;
  const cs = c.side[me];
  const rows: string[][] = [];
  const d = (i: number) => delta(c, view, prev, i, me);
  rows.push(['Relations', relationsText(view.relations)]);
  const st = f(cs.iStanding)!;
  rows.push(['You', `${bold(lead(c, view, me).name)}, ${lead(c, view, me).office} (${sideName(c, me)})`]);
  rows.push(['Your standing', `${bold(num(st).padStart(3))} ${bar(st, 0, 100)} ${d(cs.iStanding)} ${st < 25 ? red('at 0 you fall') : ''}`]);
  rows.push(['Capital', `${bold(num(f(cs.iCapital)!).padStart(3))} of ${cs.capitalMax}  ${dim(`(+${cs.capitalPerTurn} a turn; orders cost capital)`)}`]);
  const intel = f(cs.iIntel)!;
  rows.push(['Intelligence', `${num(intel).padStart(3)} ${bar(intel, 0, 100)} ${d(cs.iIntel)} ${dim(view.seesOther ? 'you can read their cabinet' : `their cabinet is hidden below ${view.sight}`)}`]);
  const t = f(c.iTension)!;
  const tcol = { calm: (x: string) => x, tense: yellow, crisis: red }[warDangerBand(t).name];
  rows.push(['War danger', `${tcol(num(t).padStart(3))} ${bar(t, 0, 100)} ${d(c.iTension)}`]);
  // Names cut so that a row fits: label 19, value 3, bar 10, change 7, marker 2.
  const nw = Math.max(12, Math.min(w - 19 - 25, 30));
  const gnames = cs.groups.map(g => groupShort(c.groups[g]!.name, nw));
  const gw = Math.max(0, ...gnames.map(n => n.length));
  let over = false;
  cs.groups.forEach((g, k) => {
    const gr = c.groups[g]!;
    const p = f(gr.iPressure)!;
    over ||= p > 60;
    rows.push([
      k === 0 ? 'Pressure on you' : '',
      `${padEnd(gnames[k]!, gw)} ${p > 60 ? yellow(num(p).padStart(3)) : num(p).padStart(3)} ${bar(p, 0, 100)} ${d(gr.iPressure)}${p > 60 ? yellow(' !') : ''}`,
    ]);
  });
  if (over) rows.push(['', yellow('! above 60: costs you standing every turn')]);
  // Declared figures of your side and shared ones; the other side's are in the why list.
  const declared = c.figs.flatMap((m, i) => (m.kind === 'declared' && f(i) !== null && (m.side === undefined || m.side === me) ? [i] : []));
  if (declared.length) rows.push(['Also watched', declared.map(i => `${c.figs[i]!.label} ${bold(num(f(i)!))}${d(i) ? ` ${d(i)}` : ''}`).join(' · ')]);
  const tr = c.trade;
  const bal = f(tr.balance)!;
  rows.push(['Trade (£000)', `exports ${num(f(tr.exports)!)} · re-exports ${num(f(tr.reExports)!)} · imports ${num(f(tr.imports)!)} · balance ${signed(bal)}`]);
  const om = other(me);
  rows.push(['Opposite you', `${lead(c, view, om).name} (${sideName(c, om)}) · standing ${num(f(c.side[om].iStanding)!)} ${d(c.side[om].iStanding)}`]);
  if (c.parties.length) {
    const powers = c.parties.map(p => `${p.name} ${signed(f(p.iAlign)!)}`).join(' · ');
    rows.push(['Third powers', `${powers} ${dim('(+ leans to London)')}`]);
  }
  const agreed = Object.entries(view.agreed);
  if (agreed.length) rows.push(['Agreement', agreed.map(([t, o]) => termText(c, t, o)).join('; ')]);
  return wrapRows(rows, w);
}

/** Lay out label/value rows, wrapping long values under themselves. */
function wrapRows(rows: string[][], w: number): string[] {
  const lw = Math.max(...rows.map(r => vlen(r[0]!))) + 2;
  const out: string[] = [];
  for (const [label, value] of rows) {
    const lead = `  ${padEnd(dim(label!), lw)}`;
    if (vlen(lead) + vlen(value!) <= w) out.push((lead + value).replace(/\s+$/, ''));
    else out.push(...wrap(value!, w, ' '.repeat(vlen(lead)), lead));
  }
  return out;
}

function termText(c: Compiled, termId: string, optId: string): string {
  const t = c.terms.find(x => x.id === termId);
  return `${t?.label ?? termId}: ${t?.options.find(o => o.id === optId)?.label ?? optId}`;
}

const TAKES = /^(.+) takes office as (.+)\.$/;
const LEAVES = /^(.+) \((.+)\) leaves office\.$/;

/** A change of government is news of many ministers: one line for those coming in, one for those going. */
function groupOffices(items: readonly NewsItem[]): NewsItem[] {
  const out: NewsItem[] = [];
  for (const n of items) {
    const m = TAKES.exec(n.text) ?? LEAVES.exec(n.text);
    const prev = out[out.length - 1];
    const kind = TAKES.test(n.text) ? 'In office' : 'Out of office';
    if (m && prev && prev.day === n.day && prev.text.startsWith(`${kind}: `)) {
      out[out.length - 1] = { ...prev, text: `${prev.text}; ${m[1]}, ${m[2]}` };
    } else if (m) out.push({ ...n, text: `${kind}: ${m[1]}, ${m[2]}` });
    else out.push(n);
  }
  return out;
}

/**
 * A big moment in a box the width of the terminal: what kind of moment, the line in bold, and why.
 * Every line is cut to fit, so a long word never pushes the frame out.
 */
export function headlineBox(x: Headline, w: number): string[] {
  const inner = Math.max(20, w - 6);
  // A list of terms in the detail goes one term to a line, each under a dash (detailParts).
  const detail = (x.detail ? detailParts(x.detail) : []).flatMap(p => (p.kind === 'text' ? wrap(p.text, inner) : [...wrap(p.lead, inner), ...p.items.flatMap(t => wrap(t, inner, '    ', '  – '))]));
  const body = [dim(fit(x.kicker.toUpperCase(), inner)), ...wrap(x.text, inner).map(l => bold(fit(l, inner))), ...detail.map(l => fit(l, inner))];
  return [`  ┏${'━'.repeat(inner + 2)}┓`, ...body.map(l => `  ┃ ${padEnd(l, inner)} ┃`), `  ┗${'━'.repeat(inner + 2)}┛`];
}

/** The news: its headlines boxed at the top, then events with their text (a decision of yours is told in full below), then the rest. */
export function newsLines(c: Compiled, items: readonly NewsItem[], today: number, w: number, me?: Side): string[] {
  if (!items.length) return [];
  const out = ['', section(w, 'News')];
  // The game's end is told by the end screen that follows (endLines), not boxed here as well.
  const heads = items.flatMap(n => (n.headline === 'game-end' ? [] : (headlineOf(n, c) ?? [])));
  for (const x of heads) out.push(...headlineBox(x, w));
  let day = -1;
  for (const n of groupOffices(items.filter(n => !n.headline))) {
    if (n.day !== day) {
      day = n.day;
      out.push(dim(`  ${n.day === today ? 'This turn' : shortDate(n.day)}`));
    }
    const ev = n.cause.startsWith('event:') ? c.events[c.eventIndex.get(n.cause.slice(6)) ?? -1] : undefined;
    if (ev && ev.title === n.text) {
      const yours = ev.decision?.side === me;
      // History's date where it is not the turn's (shownDay): the news reaches the player at the turn.
      const on = shownDay(ev, n.day);
      out.push(...wrap(`${bold(ev.title)}${on !== n.day ? dim(` · ${shortDate(on)}`) : ''}${yours ? dim(' — a decision for you') : ''}`, w, '      ', '    • '));
      if (!yours) out.push(...wrap(ev.text, w, '      ').map(l => dim(l)));
      continue;
    }
    out.push(...wrap(n.text, w, '      ', '    • '));
  }
  return out;
}

/** `order` lists the options in the order shown (numbered from 1). */
/** The decision before the seat, its options numbered from 1 in the order shown. */
export function decisionLines(c: Compiled, aff: Affordances, w: number): string[] {
  const { view } = aff;
  const me = view.side;
  const { event: ev, left: remaining, options } = aff.decision!;
  const dec = ev.decision!;
  const more = remaining > 1;
  const kind = ev.kind === 'decision' ? '' : ev.kind === 'incident' ? `incident, severity ${ev.severity}, publicity ${ev.publicity}` : ev.kind;
  const out = ['', section(w, `Decision: ${ev.title}`)];
  const on = decisionDay(ev, view);
  if (on !== view.day) out.push(dim(`  ${longDate(on)}`));
  if (kind || more) out.push(dim(`  ${[kind, decisionsAfterWords(remaining)].filter(Boolean).join(' · ')}`));
  out.push(...wrap(ev.text, w, '  '), '');
  out.push(...wrap(dec.prompt, w, '  ').map(l => bold(l)));
  options.forEach((d, k) => {
    const { option: o, approval, predicted } = d;
    out.push(`  ${cyan(String(k + 1).padStart(2))}. ${bold(o.label)}`);
    if (o.text) out.push(...wrap(o.text, w, '      '));
    const notes: string[] = [];
    if (approval !== null) notes.push(`needs the cabinet: ${pct(approval)} likely to pass`);
    if (o.incident) notes.push(incidentNote(o.incident));
    const expected = expectedLine(c, o.linked, predicted, view, true);
    notes.push(expected.charAt(0).toLowerCase() + expected.slice(1));
    notes.push(...previewNotes(c, d, me, view, o.vote?.onFailLinked));
    for (const n of notes) out.push(...wrap(n, w, '        ', '      ').map(l => (n.startsWith('risk:') ? yellow(l) : dim(l))));
  });
  return out;
}

/** What an incident response does beyond its listed effects (docs/rules.md, Incidents). */
export function incidentNote(inc: CAction['incident']): string {
  if (!inc) return '';
  const base = {
    exploit: 'exploits the incident: standing up, war danger up',
    publish: 'publishes the evidence: standing up, war danger up',
    suppress: 'hushes it up: costs standing if the story is public',
    restrain: 'restraint: war danger down, hawks press harder',
  }[inc.response];
  return inc.intercept ? `${base}; reveals intercepts: your intelligence −40 as they change codes` : base;
}

export function capitalLine(c: Compiled, view: SeatView, legal: readonly LegalAction[], sel: Selection): string {
  const me = view.side;
  const cap = seen(view, c.side[me].iCapital)!;
  const used = selectionCost(c, legal, sel);
  const left = cap - used;
  const parts = [`capital ${num(cap)}`, `orders ${used}`, `left ${left < 0 ? red(num(left)) : bold(num(left))}`];
  const n = sel.actions.size + (sel.offer ? 1 : 0) + sel.replies.size;
  return `${parts.join(' · ')}${n ? dim(` · ${n} order${n === 1 ? '' : 's'} selected`) : ''}`;
}

export function ordersLines(c: Compiled, aff: Affordances, sel: Selection, w: number): string[] {
  const { view, legal } = aff;
  const me = view.side;
  const out = ['', section(w, 'Orders'), `  ${capitalLine(c, view, legal, sel)}`];
  if (!legal.length) out.push(dim('  No action is open to you this turn.'));
  const left = seen(view, c.side[me].iCapital)! - selectionCost(c, legal, sel);
  const lw = Math.min(w - 34, Math.max(...legal.map(a => vlen(a.label)), 10));
  legal.forEach((a, k) => {
    const on = sel.actions.has(a.id);
    const afford = on || a.cost <= left + 1e-9;
    const mark = on ? green('[x]') : '[ ]';
    const vote = a.approval === null ? '' : `cabinet ${pct(a.approval)}`;
    const label = fit(a.label, lw);
    let line = `  ${cyan(String(k + 1).padStart(2))}. ${mark} ${padEnd(on ? bold(label) : label, lw)}  ${String(a.cost).padStart(2)} cap  ${vote}`;
    if (!afford) line = `  ${dim(String(k + 1).padStart(2) + '.')} ${dim(`[ ] ${padEnd(label, lw)}  ${String(a.cost).padStart(2)} cap  ${vote}`)}`;
    out.push(line.replace(/\s+$/, ''));
    const ca = c.actions[c.actionIndex.get(a.id)!]!;
    const eff = [expectedChanges(c, ca.linked, a.predicted, view, true), incidentNote(ca.incident)].filter(Boolean).join(' · ');
    // One line an action; the whole of it is under `i N`.
    if (eff) out.push(dim(`         ${fitItems(eff, w - 9)}`));
    // Risks on a line of their own, so a resignation or a fall is never cut off the end of the effects.
    for (const r of a.risks) out.push(yellow(`         ${fit(`risk: ${riskText(r)}`, w - 9)}`));
    if (a.forcedBy !== null) out.push(dim(`         ${fit(`forced onto the agenda anyway by ${a.forcedBy}`, w - 9)}`));
  });
  if (sel.offer) {
    // The terms on lines of their own, wrapped to the width: a whole package is hundreds of characters.
    out.push(`  ${green('[x]')} ${bold('A note with proposals')}  ${c.negotiation.offerCost} cap:`);
    out.push(
      ...wrap(
        Object.entries(sel.offer)
          .map(([t, o]) => termText(c, t, o))
          .join('; '),
        w,
        '      ',
      ),
    );
  }
  return out;
}

/** Notes: those awaiting your answer (with your cabinet's view), and your own in transit. */
export function notesLines(c: Compiled, aff: Affordances, sel: Selection, w: number): string[] {
  const { view } = aff;
  const me = view.side;
  const out: string[] = [];
  const replyDays = c.negotiation.replyDays;
  for (const o of view.offers) {
    if (o.from !== me && o.status === 'delivered') {
      const ans = sel.replies.get(o.n);
      const tag = ans === undefined ? yellow('awaiting your answer') : ans ? green('you will accept') : red('you will reject');
      out.push(`  ${bold(noteName(o.from, o.n))} from ${sideName(c, o.from)}, arrived ${shortDate(o.arrivesDay)} — ${tag}`);
      out.push(...offerTermsLines(c, aff, o.terms, w, '      '));
      out.push(dim(`      a ${o.n} to accept · r ${o.n} to reject · unanswered it lapses after ${shortDate(o.arrivesDay + 2 * replyDays)}`));
    } else if (o.from === me && (o.status === 'sent' || o.status === 'delivered')) {
      out.push(`  ${bold(`Your note, ${noteName(o.from, o.n)}`)}, sent ${shortDate(o.sentDay)}: ${o.status === 'sent' ? `arrives ${shortDate(o.arrivesDay)}` : 'delivered, awaiting their answer'}`);
    }
  }
  return out.length ? ['', section(w, 'Notes'), ...out] : [];
}

/**
 * A package's terms, their public values to each side, your cabinet's acceptance, and the other
 * cabinet's only when your intelligence lets you see its stances.
 */
/** A note's terms are laid out within 80 columns, a letter's measure, however wide the terminal. */
export const NOTE_WIDTH = 80;

export function offerTermsLines(c: Compiled, aff: Affordances, terms: Terms, width: number, indent = '    '): string[] {
  const w = Math.min(width, NOTE_WIDTH);
  const me = aff.view.side;
  const om = other(me);
  const mine = aff.acceptance(me, terms)!;
  const rows = c.terms.map(t => {
    const o = t.options.find(x => x.id === terms[t.id]) ?? t.options[0]!;
    const pull = mine.terms.find(x => x.term === t.id) ?? { pull: 0, value: 0 }; // how the term sways the cabinet
    return [`${t.label}:`, o.label, `you ${signed(o.value[me])}`, `them ${signed(o.value[om])}`, dim(termPullWords(pull))];
  });
  const align: ('l' | 'r')[] = ['l', 'l', 'r', 'r', 'l'];
  const wide = table(rows, align, 2, indent);
  // A table when it fits; else each term stacked, its option wrapped whole and its figures below it.
  const out =
    Math.max(...wide.map(vlen)) <= w ? wide : rows.flatMap(([label, option, you, them, cab]) => [...wrap(`${label} ${option}`, w, `${indent}  `, indent), `${indent}  ${you} · ${them} · ${cab}`]);
  out.push(`${indent}${dim('Package value:')} you ${signed(packageValue(c, terms, me))}, them ${signed(packageValue(c, terms, om))}`);
  const shareCol = mine.share >= 0.5 ? green : red;
  out.push(...wrap(`${dim('Your cabinet:')} ${shareCol(acceptanceWords(mine))}`, w, `${indent}  `, indent));
  const theirs = aff.acceptance(om, terms);
  if (theirs) out.push(...wrap(`${dim('Their cabinet (from intelligence):')} ${acceptanceWords(theirs)}`, w, `${indent}  `, indent));
  else out.push(`${indent}${dim('Their cabinet:')} ? ${dim(`(hidden: intelligence below ${aff.view.sight})`)}`);
  const commons = aff.commons();
  if (commons) out.push(...wrap(`${dim('The Commons:')} ${(commons.chance >= 0.5 ? (x: string) => x : red)(commonsWords(c, commons))}`, w, `${indent}  `, indent));
  const binds = bindChance(mine, theirs, commons);
  if (binds !== null) out.push(...wrap(`${dim('Chance it binds if accepted:')} ${pct(binds)}`, w, `${indent}  `, indent));
  return out;
}

export function actionInfo(c: Compiled, view: SeatView, a: LegalAction, w: number): string[] {
  const me = view.side;
  const out = ['', section(w, a.label)];
  out.push(...wrap(a.description, w, '  '));
  const rows: string[][] = [
    ['Category', a.category],
    ['Cost', `${a.cost} political capital`],
  ];
  if (a.approval !== null) rows.push(['Cabinet', `a vote; ${pct(a.approval)} likely to pass (a defeat costs standing)`]);
  const ca = c.actions[c.actionIndex.get(a.id)!]!;
  rows.push(['Expected', expectedChanges(c, ca.linked, a.predicted, view) || noChangeText(c, ca.linked, me)]);
  for (const n of previewNotes(c, a, me, view, ca.vote?.onFailLinked))
    rows.push(n.startsWith('risk:') ? ['Risk', n.slice(6)] : n.startsWith('if refused') ? ['If refused', n.slice(11)] : ['Forced', n]);
  const inc = incidentNote(ca.incident);
  if (inc) rows.push(['Incident', inc]);
  rows.push(['Sources', citations(a.sources)]);
  return [...out, ...wrapRows(rows, w)];
}

/** The ends of each issue's scale, in the scenario's words: what a stance of −100 and +100 means. */
function issueScales(c: Compiled, w: number): string[] {
  return c.sc.issues.flatMap(is => wrap(`${is.label}: −100 ${is.low} … +100 ${is.high}`, w, '    ', '  ').map(l => dim(l)));
}

/**
 * A table's lines with a line or two under each row of its body (`body`, the rows below its heads,
 * each as many lines as its tallest cell).
 */
function withUnder(lines: string[], body: readonly string[][], under: readonly string[], w: number): string[] {
  const heights = body.map(r => Math.max(1, ...r.map(cell => cell.split('\n').length)));
  let at = lines.length - heights.reduce((a, b) => a + b, 0);
  const out = lines.slice(0, at);
  heights.forEach((h, k) => {
    out.push(...lines.slice(at, at + h), ...wrap(under[k]!, w - 6, '      ', '      ').map(x => dim(x)));
    at += h;
  });
  return out;
}

// The widest an issue's head may be (a line of its name); narrower heads take more lines.
const HEAD_MAX = 14,
  HEAD_MIN = 6;

export function cabinetLines(c: Compiled, view: SeatView, w: number): string[] {
  const me = view.side;
  const out = ['', section(w, 'Cabinets')];
  for (const s of [me, other(me)] as const) {
    const ministers = c.side[s].ministers.map(k => c.ministers[k]!);
    // The issues this cabinet holds views on (from the scenario, which both sides know).
    const issues = c.issues.map((_, i) => i).filter(i => i === c.negotiation.issue[s] || ministers.some(m => c.initialFig[m.iStance[i]!] !== 0 || (seen(view, m.iStance[i]!) ?? 0) !== 0));
    // Each minister's cells: name, office, influence, stances, mood; and the line under him in the
    // narrow layouts.
    const body = ministers.map(m => {
      const stance = (i: number) => {
        const v = seen(view, m.iStance[i]!);
        if (v === null || v === undefined) return grey('?');
        return v >= 50 ? magenta(signed(v)) : v <= -50 ? cyan(signed(v)) : signed(v);
      };
      const mood = seen(view, m.iMood);
      // Every resign line the seat may see, not only the near ones: a career's end is no surprise.
      const known = mood !== null && mood !== undefined;
      const quits = known && m.canResign ? (mood < m.resignBelow + 10 ? yellow : dim)(`quits\u00a0<${m.resignBelow}`) : '';
      const moodTxt = known ? num(mood) : grey('?');
      const name = `${m.short}${m.i === view.lead[s] ? ' ★' : ''}`;
      const office = officeNow(m, view.fired);
      if (seen(view, m.iOffice) !== 1) {
        const out = dim(`${office} (out of office)`);
        return { whole: [dim(name), dim(office), '', ...issues.map(() => ''), dim('out of office')], name: dim(name), infl: '', stances: issues.map(() => ''), mood: '', under: () => out };
      }
      return {
        whole: [name, office, String(m.influence), ...issues.map(stance), `${moodTxt}${quits ? ` ${quits}` : ''}`],
        name,
        infl: String(m.influence),
        stances: issues.map(stance),
        mood: moodTxt,
        /** The line under him: his office, and what has no column of its own. */
        // No-break spaces: a figure stays with its word when the line wraps ("quits" / "<5" read as two things).
        under: (infl: boolean, mood: boolean) => [office, infl ? `influence\u00a0${m.influence}` : '', mood ? `mood\u00a0${moodTxt}` : '', quits].filter(Boolean).join(' · '),
      };
    });
    // Heads: each issue's name, word-wrapped to `hw`, all ending on the line of the other heads.
    // The side's name over the ministers' names, on two lines where it is the longer.
    const nameW = Math.max(12, ...body.map(b => vlen(b.name)));
    const head = (hw: number, before: string[], after: string[], shown = issues) =>
      alignBottom([
        wrapCell(bold(`${sideName(c, s)}${s === me ? ' (yours)' : ''}`), nameW),
        ...before.map(t => dim(t)),
        ...shown.map(i => wrapCell(dim(c.sc.issues[i]!.label), hw)),
        ...after.map(t => dim(t)),
      ]);
    const stanceAlign = issues.map(() => 'r' as const);
    // Offices whole: in their column when the table fits the width, else each on a line under its
    // minister's (a title cut short, "Secretary of …", says nothing); the mood in a column of its
    // own where it fits, else on that line too, and then the influence. Heads as wide as the width
    // allows.
    const narrow = body.map(b => [b.name, b.infl, ...b.stances, b.mood]);
    const bare = body.map(b => [b.name, b.infl, ...b.stances]);
    const stancesOnly = body.map(b => [b.name, ...b.stances]);
    const layouts = [
      (hw: number) => table([head(hw, ['office', 'infl'], ['mood']), ...body.map(b => b.whole)], ['l', 'l', 'r', ...stanceAlign, 'l'], 2, '  '),
      (hw: number) =>
        withUnder(
          table([head(hw, ['infl'], ['mood']), ...narrow], ['l', 'r', ...stanceAlign, 'l'], 2, '  '),
          narrow,
          body.map(b => b.under(false, false)),
          w,
        ),
      (hw: number) =>
        withUnder(
          table([head(hw, ['infl'], []), ...bare], ['l', 'r', ...stanceAlign], 2, '  '),
          bare,
          body.map(b => b.under(false, true)),
          w,
        ),
      (hw: number) =>
        withUnder(
          table([head(hw, [], []), ...stancesOnly], ['l', ...stanceAlign], 2, '  '),
          stancesOnly,
          body.map(b => b.under(true, true)),
          w,
        ),
    ];
    let lines: string[] | undefined;
    for (const layout of layouts)
      for (let hw = HEAD_MAX; !lines && hw >= HEAD_MIN; hw--) {
        const l = layout(hw);
        if (Math.max(...l.map(vlen)) <= w) lines = l;
      }
    // Nothing fits (more issues than a narrow terminal has room for): the narrowest layout with
    // as many issues as fit, then the others in a table of their own under it.
    if (!lines && issues.length > 1) {
      const part = (from: number, to: number) =>
        table([head(HEAD_MIN, [], [], issues.slice(from, to)), ...body.map(b => [b.name, ...b.stances.slice(from, to)])], ['l', ...stanceAlign.slice(from, to)], 2, '  ');
      let k = issues.length - 1;
      while (k > 1 && Math.max(...part(0, k).map(vlen)) > w) k--;
      lines = [
        ...withUnder(
          part(0, k),
          body.map(b => [b.name]),
          body.map(b => b.under(true, true)),
          w,
        ),
        '',
        ...part(k, issues.length),
      ];
    }
    lines ??= layouts[3]!(HEAD_MIN);
    out.push('', ...lines);
    if (s !== me && !view.seesOther) out.push(dim(`  Stances and moods hidden: your intelligence is below ${view.sight}.`));
  }
  out.push(...wrap('★ leads · infl = influence in cabinet votes · quits <N: resigns if his mood falls below N · each stance runs from −100 to +100:', w, '    ', '  ').map(l => dim(l)));
  out.push(...issueScales(c, w));
  for (const s of [me, other(me)] as const) {
    const groups = c.side[s].groups.map(k => c.groups[k]!);
    if (!groups.length) continue;
    // A group's name whole, wrapped in a column as wide as the width leaves; what it wants, in the
    // issues' own words, on a line under it (as a minister's office is).
    const nameW = Math.max(16, Math.min(Math.max(...groups.map(g => g.name.length)), w - 26));
    const rows = groups.map(g => {
      const p = seen(view, g.iPressure)!;
      return [wrapCell(g.name, nameW), `${(p > 60 ? yellow : (x: string) => x)(num(p).padStart(3))} ${bar(p, 0, 100, 8)}`, String(g.weight)];
    });
    const wants = groups.map(g => {
      // A no-break space keeps a figure on the line of its issue's name.
      const items = g.stance.flatMap((v, i) => (v ? [`${c.sc.issues[i]!.label}\u00a0${signed(v)}`] : []));
      return items.length ? `wants: ${items.join(' · ')}` : '';
    });
    out.push('', ...withUnder(table([[wrapCell(dim(`Pressure groups, ${sideName(c, s)}`), nameW), '', dim('weight')], ...rows], ['l', 'l', 'r'], 2, '  '), rows, wants, w));
    // The lines the scenario draws on these pressures: an item forced, a revolt.
    for (const g of c.side[s].groups)
      for (const l of groupLines(c, g)) {
        const p = seen(view, c.groups[g]!.iPressure)!;
        out.push(...wrap(`${groupShort(c.groups[g]!.name)} at ${l.at}: ${l.text}${p >= l.at - 10 ? ` (now ${num(p)})` : ''}`, w, '  ').map(x => (p >= l.at - 10 ? yellow(x) : dim(x))));
      }
  }
  return out;
}

export function tradeLines(c: Compiled, view: SeatView, w: number): string[] {
  const out = ['', section(w, 'Trade by month (£000)')];
  const tr = c.trade;
  if (!view.trade.length) out.push(dim('  No month has closed yet: the first figures come at the start of next month.'));
  else {
    const rows = [['Month', 'Exports', 'Re-exports', 'Imports', 'Balance', 'Orders placed'].map(h => dim(h))];
    for (const m of view.trade) rows.push([monthName(m.month), num(m.exports), num(m.reExports), num(m.imports), signed(m.balance), num(m.orders)]);
    out.push(...table(rows, ['l', 'r', 'r', 'r', 'r', 'r'], 3, '  '));
  }
  out.push(`  ${dim('Credit for Soviet buyers')} ${num(seen(view, tr.credit)!)} / 100 · ${dim('orders diverted elsewhere')} ${num(seen(view, tr.diversion)!)}%`);
  out.push(...wrap(`Exports follow Soviet orders after ${tr.lag} months; the balance is imports less exports and re-exports (+ = in Soviet favour).`, w, '  ').map(l => dim(l)));
  return out;
}

export function whyListLines(c: Compiled, view: SeatView, w: number): string[] {
  const me = view.side;
  const keys = keyFigures(c, view, me);
  // Columns some 45 wide, so most names fit whole (at 3 in 100 columns half of them took a line of their own).
  const cols = Math.max(2, Math.floor((w - 2) / 45));
  const cw = Math.floor((w - 2) / cols);
  const items = keys.map((i, k) => {
    const v = round(seen(view, i)!);
    const name = figName(c, i, me);
    // A name too long for its column ("the standing of the Deputy Commissar for Foreign Affairs")
    // takes a line of its own, whole where the screen allows, rather than cut short.
    const wide = vlen(name) > cw - 5 - v.length;
    return { text: `${cyan(String(k + 1).padStart(2))} ${wide ? fit(name, w - 7 - v.length) : name} ${dim(v)}`, wide };
  });
  const out = [
    '',
    section(w, 'Figures you can ask about'),
    ...wrap('why N, or w NAME: a figure id or part of a name (w tension, w diehards, w stance.MINISTER.ISSUE, w mood.MINISTER)', w, '  ').map(l => dim(l)),
  ];
  let row: string[] = [];
  const flush = () => {
    if (row.length)
      out.push(
        `  ${row
          .map(x => padEnd(x, cw))
          .join('')
          .trimEnd()}`,
      );
    row = [];
  };
  for (const it of items) {
    if (it.wide) {
      flush();
      out.push(`  ${it.text}`);
    } else {
      row.push(it.text);
      if (row.length === cols) flush();
    }
  }
  flush();
  return out;
}

export function whyLines(c: Compiled, view: SeatView, i: number, w: number): string[] {
  const me = view.side;
  const r = whyEntries(c, view, i);
  if (r.hidden) return [`  ${figName(c, i, me)} is hidden from you${r.reason.startsWith('your') ? `: ${r.reason}` : ''}.`];
  const out = ['', section(w, `Why: ${figName(c, i, me)} — now ${num(r.now)}`)];
  if (!r.entries.length) out.push(`  No change recorded: it stands at its starting value, ${num(c.initialFig[i]!)}.`);
  const good = riseIsGood(c, i, me);
  for (const e of r.entries) {
    const dtxt = Math.abs(e.delta) < 0.05 ? (e.delta < 0 ? '−' : '+') + Math.abs(e.delta).toFixed(2) : signed(e.delta);
    const head = `  ${padEnd(shortDate(e.day), 17)} ${tone(dtxt.padStart(5), good === null ? null : e.delta > 0 === good)} → ${num(e.value).padStart(4)}  `;
    out.push(...wrap(e.label, w, ' '.repeat(vlen(head)), head));
    const more = [e.why.join('; '), e.sources.length ? `sources: ${citations(e.sources)}` : ''].filter(Boolean).join(' — ');
    if (more) out.push(...wrap(more, w, ' '.repeat(vlen(head))).map(l => dim(l)));
  }
  if (r.more) out.push(dim(`  … and earlier changes`));
  const about = [r.about.label, r.about.estimate ? `estimate: ${citeInText(r.about.estimate)}` : '', r.about.sources.length ? `sources: ${citations(r.about.sources)}` : '']
    .filter(Boolean)
    .join(' — ');
  out.push(...wrap(about, w, '  ').map(l => dim(l)));
  return out;
}

export function helpLines(w: number, phase: 'decision' | 'orders'): string[] {
  const rows =
    phase === 'decision'
      ? [['1, 2, …', 'choose that option']]
      : [
          ['1, 2, … (or 1 3 4)', 'select or unselect those actions'],
          ['i N', 'about action N: description, vote, expected effects, sources'],
          ['o', 'compose a note with proposals (o - drops it)'],
          ['a N / r N', "accept / reject the other side's note N (again to take the answer back)"],
          ['l', 'list the orders again'],
          ['d or Enter', 'send your orders: the turn resolves'],
        ];
  rows.push(
    ['w', "the computer's reasons for its last moves again (w list lists the figures when it has given none)"],
    ['w NAME / why N', 'why a figure moved: its ledger of causes and sources (w list lists figures)'],
    ['g', 'your goals: each objective, its weight, how it is scored and how it stands now'],
    ['c', 'the cabinets: ministers, stances on each issue, moods; pressure groups'],
    ['t', 'trade by month'],
    ['n', 'the news of this turn again'],
    ['s', 'save the game'],
    ['q', 'quit (you may save first)'],
  );
  return [
    '',
    section(w, 'Commands'),
    ...table(
      rows.map(([a, b]) => [cyan(a!), b!]),
      ['l', 'l'],
      2,
      '  ',
    ),
    '',
    section(w, 'Objectives and the score'),
    ...goalsHelp('terminal').flatMap(t => wrap(t, w, '  ')),
  ];
}

/**
 * A side's goals: each objective with its weight, what it means, how it is scored and, in a game,
 * the engine's outlook from the seat's view. History's score is not shown before the end.
 */
export function goalsLines(g: Goals, w: number): string[] {
  const out = ['', section(w, `Your goals: ${g.sideName}`)];
  const statusCol = (t: string, st: string | undefined) =>
    st === 'on course' || st === 'met' ? green(t) : st === 'at risk' || st === 'partly met' ? yellow(t) : st === 'lost' || st === 'not met' ? red(t) : dim(t);
  g.rows.forEach((r, k) => {
    const head = `  ${String(k + 1).padStart(2)}. `;
    out.push(...wrap(`${bold(r.label)} ${dim(`— weight ${r.weight} (${pct(r.share)} of the score)`)}`, w, ' '.repeat(vlen(head)), head));
    const ind = ' '.repeat(vlen(head));
    if (r.final) out.push(...wrap(`Ended: ${statusCol(outlookText(r), r.final.status)}`, w, ind, ind));
    else if (r.outlook) out.push(...wrap(`Now: ${statusCol(outlookText(r), r.outlook.status)}`, w, ind, ind));
    if (r.about) out.push(...wrap(r.about, w, ind, ind));
    out.push(...wrap(r.scoring, w, ind, ind).map(l => dim(l)));
  });
  if (g.final !== null) out.push('', ...wrap(finalScoreLine(g.final, bold), w, '  '));
  else if (g.scoreNow !== null) {
    out.push(
      '',
      ...wrap(
        `If the game ended now you would score about ${bold(g.scoreNow.toFixed(0))} out of 100, by what you can see${g.unknown ? ` (${g.unknown} objective${g.unknown === 1 ? ' turns' : 's turn'} on figures hidden from you, counted as not met)` : ''}.`,
        w,
        '  ',
      ),
    );
  }
  out.push(...wrap(g.final !== null ? FINAL_LEGEND : STATUS_LEGEND, w, '  ').map(l => dim(l)));
  return out;
}

/** The end screen; `by`: who took each decision, for a branch's game (null: every one the seat's players'). */
export function endLines(c: Compiled, r: EndReport, me: Side, opponent: string, w: number, by: ReadonlyMap<string, DecidedBy> | null = null): string[] {
  const out = ['', rule(w, `The game ends · ${longDate(r.day)}`)];
  out.push(...wrap(`${bold(r.reason)}.`, w, '  '), ...wrap(`Relations at the end: ${relationsText(r.relations)}.`, w, '    ', '  '));
  const verdictCol = (v: string) => (v.startsWith('better') ? green(v) : v.startsWith('worse') ? red(v) : dim(v));
  for (const side of [me, other(me)] as const) {
    const x = r.sides[side];
    const who = side === me ? 'you' : opponent === 'the other player' ? opponent : `the computer, ${opponent}`;
    out.push('', section(w, `${sideName(c, side)} (${who}): objectives`));
    const rows: string[][] = [['', dim('weight'), dim('this game'), dim('history'), '']];
    x.objectives.forEach((o, k) => {
      const show = (v: number) => (x.kinds[k] === 'met' ? (v >= 1 ? green('✓ met') : red('✗ not met')) : pct(v));
      rows.push([o.label, String(o.weight), show(o.yours), show(o.history), verdictCol(o.verdict)]);
    });
    rows.push([bold('Score (out of 100)'), '', bold(x.total.yours.toFixed(1)), x.total.history.toFixed(1), verdictCol(x.total.verdict)]);
    out.push(
      ...wrapTable(
        rows,
        ['l', 'r', 'l', 'l', 'l'],
        // The objective's name kept to a line or two where it can be; then its verdict over two.
        [
          { col: 0, min: 24 },
          { col: 4, min: 10, hang: '' },
          { col: 0, min: 16 },
        ],
        w,
      ),
    );
    // How history fared on each, now that telling it gives nothing away.
    x.objectives.forEach((o, k) => {
      if (x.notes[k]) out.push(...wrap(`${o.label}: ${citeInText(x.notes[k])}`, w, '      ', '    • ').map(l => dim(l)));
    });
  }
  out.push('', section(w, 'Scores side by side'));
  const rows: string[][] = [['', dim('this game'), dim('history'), '']];
  for (const side of [me, other(me)] as const) {
    const x = r.sides[side];
    rows.push([`${sideName(c, side)}${side === me ? ' (you)' : ''}`, bold(x.total.yours.toFixed(1)), x.total.history.toFixed(1), verdictCol(x.total.verdict)]);
  }
  out.push(...wrapTable(rows, ['l', 'r', 'r', 'l'], [{ col: 3, min: 10, hang: '' }], w));
  out.push(
    ...wrap(
      `History is scored by the same rules: the recorded choices and orders replayed on both sides${r.baseline.reproduced ? ', in the first replay in which every recorded outcome came about' : '; no replay tried reproduced every recorded outcome'}.`,
      w,
      '  ',
    ).map(l => dim(l)),
  );
  if (r.outcomes.length) {
    out.push('', section(w, 'What happened, against history'));
    const orow: string[][] = [['', '', dim('this game'), dim('replayed')]];
    for (const o of r.outcomes) orow.push([o.historical ? yellow('★') : ' ', o.label, o.thisGame ? 'yes' : 'no', o.history ? 'yes' : 'no']);
    out.push(...wrapTable(orow, ['l', 'l', 'l', 'l'], [{ col: 1, min: 16 }], w));
    out.push(...wrap('★ what happened in history. "replayed": the game of the historical players that the scores above are compared with.', w, '  ').map(l => dim(l)));
  }
  if (r.decisions[me].length) {
    out.push('', section(w, 'Your decisions'));
    for (const d of r.decisions[me]) {
      const s = decisionSaid(d, by?.get(d.id) ?? OWN_DECISION, x => `"${x}"`);
      const beside = s.beside === null ? '' : `; ${s.asHistory ? green(s.beside) : s.beside}`;
      out.push(...wrap(`${d.event}: ${s.before ? dim(s.said) : s.said}${beside}.`, w, '      ', '    • '));
    }
    if (r.decisions[me].some(d => by?.get(d.id)?.before)) out.push(...wrap(BEFORE_BRANCH_NOTE, w, '  ').map(l => dim(l)));
  }
  out.push('', dim(`  Final scores: ${sideName(c, 'britain')} ${r.finalScores.britain.toFixed(1)}, ${sideName(c, 'ussr')} ${r.finalScores.ussr.toFixed(1)}.`));
  return out;
}
