// `play`: the terminal's adapter over a match. It keeps its prompts and screens, asks the match what
// comes next (a decision, the orders, a hand-over between two people, the computer's moves, the end)
// and submits the person's moves to it. Screens are drawn from the seat's view and affordances only.
// Saves are the one save format of both front ends (app.sides); with --save the file is rewritten
// after every move, and an old terminal save (cli: {side, opponent}) still loads.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Reasons } from '../ai/reasons';
import { type Affordances, balkWarning, closedTalksWords, ownCabinetBalks } from '../app/affordances';
import { finalScoreOf, goalsModel } from '../app/goals';
import { playerText } from '../app/history/words';
import { Match, type SavePort } from '../app/match';
import { figName, findFigure } from '../app/names';
import { type AppSave, type Controller, readSides } from '../app/saveFile';
import { emptySelection, ordersOf, type Selection, selectionCost } from '../app/selection';
import { type BySide, type LegalAction, type Move, type NewsItem, noteName, other, type SeatView, SIDES, type Side, seen, sideInSentence, type Terms } from '../engine/index';
import { checkFidelityActs, fidelity, OPPONENT_HELP, parse, playerName, required, side as sideArg, USAGE, withFidelityArg } from './args';
import { bold, cyan, dim, fitWidth, green, joinWrap, red, rule, signed, termWidth, wrap, yellow } from './format';
import { type IO, terminalIO } from './io';
import { reasonsLines } from './reasons';
import { CliError, loadScenario, readSave, scenarioForSave } from './scenarios';
import {
  actionInfo,
  cabinetLines,
  capitalLine,
  dashboard,
  decisionLines,
  endLines,
  goalsLines,
  helpLines,
  newsLines,
  notesLines,
  offerTermsLines,
  ordersLines,
  titleScreen,
  tradeLines,
  turnHeader,
  whyLines,
  whyListLines,
} from './screens';

type Outcome = 'continue' | 'quit';

/** Writes the save to a file after every move, once a path is known (--save, or the save command). */
class FileSave implements SavePort {
  constructor(public path?: string) {}
  store(save: AppSave): string | null {
    if (!this.path) return null;
    try {
      writeFileSync(this.path, `${JSON.stringify(save, null, 1)}\n`);
      return null;
    } catch (e) {
      return `could not save to ${this.path}: ${(e as Error).message}`;
    }
  }
}

export class TerminalGame {
  /** The seat whose person has the keyboard now. */
  private me: Side;
  /** News the match has given each seat, not yet printed. */
  private readonly inbox: Record<Side, NewsItem[]> = { britain: [], ussr: [] };
  /** Figures as shown on each seat's last dashboard, for the changes since. */
  private readonly prevFig: Record<Side, (number | null)[] | null> = { britain: null, ussr: null };
  private readonly shownTurn: Record<Side, number> = { britain: -1, ussr: -1 };
  private sel: Selection = emptySelection();
  /** The computer's reasons for its moves of the last turn it gave any, to print again (w). */
  private theirReasons: { turn: number; reasons: Reasons }[] = [];
  readonly w = termWidth();

  constructor(
    readonly m: Match,
    readonly io: IO,
    private readonly file: FileSave,
  ) {
    this.me = m.humans[0] ?? 'britain';
    m.on(e => {
      if (e.type === 'news') this.inbox[e.seat].push(...e.items);
      // The computer's reasons, when it moves at a seat no person here plays.
      else if (e.type === 'moved' && e.reasons && m.setup.sides[e.seat] !== 'human') {
        this.print(reasonsLines(e.reasons, this.w));
        if (this.theirReasons[0]?.turn !== e.turn) this.theirReasons = [];
        this.theirReasons.push({ turn: e.turn, reasons: e.reasons });
      } else if (e.type === 'error' && e.where === 'storage') this.print(red(`  ${e.message}`));
    });
  }

  private get c() {
    return this.m.c;
  }
  private view(): SeatView {
    return this.m.view(this.me);
  }
  private aff(): Affordances {
    return this.m.affordances(this.me);
  }
  /** Every line is kept within the width: a longer one is wrapped, its continuation indented. */
  private print(lines: string | string[]): void {
    for (const l of typeof lines === 'string' ? [lines] : lines) for (const x of fitWidth(l, this.w)) this.io.out(x);
  }

  /**
   * How the computer plays the other side, in plain words ("in the manner of Maxim Litvinov",
   * "thinking ahead, strength 3, held partly to history (fidelity 0.5)"), or null for a second
   * person. The screens put "the computer, " before it. (Every player but the persona and the
   * historical one was once called "at random", the search player and the bargainers included.)
   */
  private opponentName(): string | null {
    const name = this.m.opponentOf(this.me);
    if (name === 'human') return null;
    return playerText(name, this.m.sc.personas.find(p => p.side === other(this.me))?.name).replace(/^the computer, /, '');
  }

  /** A person's move; a refusal is shown with its reason. */
  private submit(move: Move): boolean {
    const r = this.m.submit(this.me, move);
    if (!r.ok) this.print(red(`  The engine refused: ${r.error}.`));
    return r.ok;
  }

  private showTurn(): void {
    const v = this.view();
    this.print(turnHeader(this.c, v, this.w));
    this.print(dashboard(this.c, v, this.prevFig[this.me], this.w));
    this.print(newsLines(this.c, this.inbox[this.me].splice(0), v.day, this.w, this.me));
    this.prevFig[this.me] = v.figures.map((_, i) => seen(v, i));
    this.shownTurn[this.me] = v.turn;
    this.sel = emptySelection();
  }

  async run(loaded: boolean): Promise<number> {
    this.print(titleScreen(this.c, this.me, this.opponentName(), this.m.seed, this.w));
    if (loaded) this.print(green(`  Loaded a saved game: ${this.m.moveCount} moves replayed.`));
    if (this.m.loadNotice) this.print(wrap(this.m.loadNotice, this.w, '  ').map(l => yellow(l)));
    this.m.start();
    for (;;) {
      const n = this.m.next();
      if (n.kind === 'ended') break;
      if (n.kind === 'stuck') throw new Error(n.reason);
      if (n.kind === 'computer') {
        const r = await this.m.advance();
        if (!r.ok) throw new Error(r.error);
        continue;
      }
      if (n.kind === 'handover') {
        if ((await this.handover(n.seat)) === 'quit') return this.quit();
        continue;
      }
      if (this.me !== n.seat) {
        this.me = n.seat;
        this.sel = emptySelection();
      }
      if (this.shownTurn[this.me] !== this.view().turn) this.showTurn();
      const r = n.kind === 'decide' ? await this.decision() : await this.orders();
      if (r === 'quit') return this.quit();
    }
    const v = this.view();
    const news = this.inbox[this.me].splice(0);
    if (news.length) this.print(newsLines(this.c, news, v.day, this.w, this.me));
    this.print(endLines(this.c, this.m.endReport()!, this.me, this.opponentName() ?? 'the other player', this.w, this.m.decidedBy()));
    if (this.file.path) this.save(this.file.path);
    else if (this.io.tty) {
      const a = await this.io.ask('\nSave this game for replay? [y/N] ');
      if (a && /^y/i.test(a.trim())) await this.saveCommand();
    }
    this.print(dim(`  Replay check: the final state is ${this.m.save().hash} (npm run replay on a save of this game prints the same).`));
    return 0;
  }

  /** Two people at one terminal: the next one takes the keyboard. */
  private async handover(to: Side): Promise<Outcome> {
    this.print([
      '',
      rule(this.w, `Pass the keyboard to ${sideInSentence(this.c.sc, to)}`),
      dim(`  ${sideInSentence(this.c.sc, other(to), true)}’s orders are sealed; the other player should look away.`),
    ]);
    const a = await this.io.ask(`${bold('Enter')} when ${sideInSentence(this.c.sc, to)}'s player is here > `);
    if (a === null) return this.eof();
    this.m.handOver(to);
    this.me = to;
    this.sel = emptySelection();
    return 'continue';
  }

  private async quit(): Promise<number> {
    if (this.file.path) this.save(this.file.path);
    else if (this.io.tty) {
      const a = await this.io.ask('Save before quitting? [y/N] ');
      if (a && /^y/i.test(a.trim())) await this.saveCommand();
    }
    this.print(dim('  Goodbye.'));
    return 0;
  }

  save(path: string): void {
    const save = this.m.save();
    writeFileSync(path, `${JSON.stringify(save, null, 1)}\n`);
    this.print(green(`  Saved to ${path}`) + dim(` (${save.moves.length} moves, state ${save.hash}).`));
  }

  private async saveCommand(): Promise<void> {
    let path = this.file.path;
    if (!path) {
      const dflt = `${this.m.sc.id}-${this.me}-${this.m.seed}.save.json`;
      const a = await this.io.ask(`Save to file [${dflt}]: `);
      if (a === null) return;
      path = a.trim() || dflt;
    }
    try {
      this.save(path);
      this.file.path = path;
    } catch (e) {
      this.print(red(`  Could not save to ${path}: ${(e as Error).message}`));
      this.file.path = undefined;
    }
  }

  /** Commands open at every prompt. Returns true if handled; 'quit' to leave. */
  private async common(cmd: string, arg: string): Promise<boolean | 'quit'> {
    const v = this.view();
    switch (cmd) {
      case 'w':
      case 'why': {
        // Alone: the computer's last reasons again, if it gave any (they are printed once, as it moves); else the figures.
        if (!arg && this.theirReasons.length) {
          this.print(['', bold("  The computer's reasons for its last moves:")]);
          for (const r of this.theirReasons) this.print(reasonsLines(r.reasons, this.w));
          this.print(dim('  Why a figure moved: w NAME; w list lists the figures.'));
          return true;
        }
        if (!arg || arg === 'list') {
          this.print(whyListLines(this.c, v, this.w));
          return true;
        }
        const f = findFigure(this.c, v, this.me, arg);
        if ('fig' in f) this.print(whyLines(this.c, v, f.fig, this.w));
        else if (!f.candidates.length) this.print(yellow(`  No figure matches "${arg}". Type why for the list.`));
        else {
          this.print(yellow(`  "${arg}" could be any of these; be more precise:`));
          this.print(f.candidates.slice(0, 12).map(i => `    ${this.c.figs[i]!.id} ${dim(`(${figName(this.c, i, this.me)})`)}`));
          if (f.candidates.length > 12) this.print(dim(`    … and ${f.candidates.length - 12} more`));
        }
        return true;
      }
      case 'g':
      case 'goals':
        // Once the game is over, how each objective ended (the end report's score), as in the browser.
        this.print(goalsLines(goalsModel(this.c, this.me, v, undefined, v.ended ? finalScoreOf(this.m.endReport(), this.me) : undefined), this.w));
        return true;
      case 'c':
      case 'cabinet':
        this.print(cabinetLines(this.c, v, this.w));
        return true;
      case 't':
      case 'trade':
        this.print(tradeLines(this.c, v, this.w));
        return true;
      case 'n':
      case 'news':
        this.print(v.news.length ? newsLines(this.c, v.news, v.day, this.w, this.me) : dim('  No news this turn.'));
        return true;
      case 's':
      case 'save':
        await this.saveCommand();
        return true;
      case 'q':
      case 'quit':
        return 'quit';
      default:
        return false;
    }
  }

  private async decision(): Promise<Outcome> {
    const aff = this.aff();
    const { event: ev, options: opts } = aff.decision!;
    this.print(decisionLines(this.c, aff, this.w));
    for (;;) {
      const line = await this.io.ask(`${bold('Decide')} ${dim(`1-${opts.length}, h for help`)} > `);
      if (line === null) return this.eof();
      const [word = '', ...rest] = line.trim().split(/\s+/);
      const cmd = word.toLowerCase();
      const arg = rest.join(' ');
      if (/^\d+$/.test(cmd)) {
        const k = Number(cmd);
        if (k < 1 || k > opts.length) {
          this.print(yellow(`  Choose an option from 1 to ${opts.length}.`));
          continue;
        }
        if (!this.submit({ type: 'decide', side: this.me, event: ev.id, option: opts[k - 1]!.option.id })) continue;
        const news = this.inbox[this.me].splice(0);
        if (news.length) this.print(news.map(n => `    ${dim('→')} ${n.text}`));
        return 'continue';
      }
      if (cmd === 'h' || cmd === 'help' || cmd === '?') {
        this.print(helpLines(this.w, 'decision'));
        continue;
      }
      if (cmd === 'l') {
        this.print(decisionLines(this.c, aff, this.w));
        continue;
      }
      if (cmd === '') {
        this.print(yellow(`  Choose an option from 1 to ${opts.length} first.`));
        continue;
      }
      const r = await this.common(cmd, arg);
      if (r === 'quit') return 'quit';
      if (!r) this.print(yellow(`  "${line.trim()}" is not a command here. Choose 1-${opts.length}, or h for help.`));
    }
  }

  private eof(): Outcome {
    this.print(dim('  (end of input)'));
    return 'quit';
  }

  private showOrders(): void {
    const aff = this.aff();
    this.print(ordersLines(this.c, aff, this.sel, this.w));
    this.print(notesLines(this.c, aff, this.sel, this.w));
    this.print(
      joinWrap(
        ['numbers select', 'i N details', 'o note', 'a/r N answer', 'w their reasons (w NAME a figure)', 'g goals', 'c cabinets', 't trade', 's save', 'h help', 'Enter sends', 'q quit'],
        this.w,
        '  ',
      ).map(l => dim(l)),
    );
  }

  private async orders(): Promise<Outcome> {
    const legal = this.aff().legal;
    this.showOrders();
    for (;;) {
      const v = this.view();
      const prompt = `${bold(this.c.sc.sides[this.me].name)} [${capitalLine(this.c, v, legal, this.sel)}] > `;
      const line = await this.io.ask(prompt);
      if (line === null) return this.eof();
      const text = line.trim();
      const [word = '', ...rest] = text.split(/[\s,]+/);
      const cmd = word.toLowerCase();
      const arg = rest.join(' ');
      if (cmd === '' || cmd === 'd' || cmd === 'done' || cmd === 'send') {
        const orders = ordersOf(legal, this.sel);
        if (!this.submit({ type: 'orders', side: this.me, orders })) continue;
        this.print(dim(`  Orders sent${orders.length ? '' : ' (none: you wait on events)'}. The turn resolves…`));
        return 'continue';
      }
      if (/^\d+$/.test(cmd)) {
        this.toggle(legal, [cmd, ...rest]);
        continue;
      }
      switch (cmd) {
        case 'h':
        case 'help':
        case '?':
          this.print(helpLines(this.w, 'orders'));
          continue;
        case 'l':
        case 'list':
          this.showOrders();
          continue;
        case 'i':
        case 'info': {
          const a = legal[Number(arg) - 1];
          if (!/^\d+$/.test(arg) || !a) this.print(yellow(`  Say which action: i 1 … i ${legal.length}.`));
          else this.print(actionInfo(this.c, v, a, this.w));
          continue;
        }
        case 'o':
        case 'offer':
          await this.compose(arg);
          continue;
        case 'a':
        case 'accept':
        case 'r':
        case 'reject':
          this.answer(cmd.startsWith('a'), arg);
          continue;
      }
      const r = await this.common(cmd, arg);
      if (r === 'quit') return 'quit';
      if (!r) this.print(yellow(`  "${text}" is not a command. Numbers select actions; d or Enter sends; h for help.`));
    }
  }

  private toggle(legal: readonly LegalAction[], tokens: string[]): void {
    const v = this.view();
    for (const tok of tokens) {
      const k = Number(tok);
      const a = legal[k - 1];
      if (!/^\d+$/.test(tok) || !a) {
        this.print(yellow(legal.length ? `  There is no action ${tok}: choose 1-${legal.length}.` : '  No action is open to you this turn.'));
        continue;
      }
      if (this.sel.actions.has(a.id)) {
        this.sel.actions.delete(a.id);
        this.print(`  ${dim('−')} ${a.label} ${dim('dropped')}`);
        continue;
      }
      const clash = this.c.actions[this.c.actionIndex.get(a.id)!]!.contradicts.map(j => this.c.actions[j]!).find(b => this.sel.actions.has(b.id));
      if (clash) {
        this.print(yellow(`  "${a.label}" contradicts "${clash.label}", already chosen: give one or the other (type its number to drop it first).`));
        continue;
      }
      const left = seen(v, this.c.side[this.me].iCapital)! - selectionCost(this.c, legal, this.sel);
      if (a.cost > left + 1e-9) {
        this.print(yellow(`  Not enough capital: "${a.label}" costs ${a.cost}, you have ${Math.max(0, Math.floor(left))} left. Drop something first.`));
        continue;
      }
      this.sel.actions.add(a.id);
      this.print(`  ${green('+')} ${a.label} ${dim(`(${a.cost} capital${a.approval === null ? '' : `, cabinet ${Math.round(a.approval * 100)}%`})`)}`);
    }
    this.print(`  ${capitalLine(this.c, v, legal, this.sel)}`);
  }

  private answer(accept: boolean, arg: string): void {
    const notes = this.aff().answerable;
    const n = Number(arg.replace(/^n/i, ''));
    if (!notes.length) {
      this.print(yellow('  No note is awaiting your answer.'));
      return;
    }
    const note = notes.find(o => o.n === n);
    if (!note) {
      this.print(yellow(`  Say which note: ${notes.map(o => `${accept ? 'a' : 'r'} ${o.n}`).join(' or ')}.`));
      return;
    }
    if (this.sel.replies.get(n) === accept) {
      this.sel.replies.delete(n);
      this.print(`  Answer to ${noteName(note.from, n)} taken back: it stays unanswered.`);
    } else {
      this.sel.replies.set(n, accept);
      const then = this.aff().commons() ? ' Both cabinets, then the Commons, must ratify it.' : ' Both cabinets must then ratify.';
      this.print(`  ${noteName(note.from, n)}: you will ${accept ? green('accept') : red('reject')} it when you send your orders.${accept ? dim(then) : ''}`);
      const mine = this.aff().acceptance(this.me, note.terms)!;
      if (accept && ownCabinetBalks(mine)) this.print(wrap(`Warning: ${balkWarning(mine, 'accept')} (a ${n} again takes the answer back.)`, this.w, '  ').map(l => yellow(l)));
    }
  }

  /** Compose a note: an option for every term, with the acceptance each cabinet would give. */
  private async compose(arg: string): Promise<void> {
    if (arg === '-' || arg === 'x' || arg === 'drop') {
      this.print(this.sel.offer ? '  Note dropped.' : '  There is no note to drop.');
      this.sel.offer = null;
      return;
    }
    const aff = this.aff();
    const v = aff.view;
    if (!v.canOffer) {
      const mine = v.offers.find(o => o.from === this.me && (o.status === 'sent' || o.status === 'delivered'));
      this.print(yellow(mine ? `  Your note (${noteName(mine.from, mine.n)}) is still awaiting an answer; you may send another once it is answered or lapses.` : `  ${closedTalksWords(this.c, v)}`));
      return;
    }
    const legal = aff.legal;
    const cost = this.c.negotiation.offerCost;
    const capital = seen(v, this.c.side[this.me].iCapital)!;
    const spent = selectionCost(this.c, legal, this.sel);
    if (!this.sel.offer && spent + cost > capital + 1e-9) {
      this.print(yellow(`  A note costs ${cost} capital and you have ${Math.max(0, Math.floor(capital - spent))} left. Drop an order first.`));
      return;
    }
    this.print(`  ${bold('A note with proposals')} ${dim(`(costs ${cost} capital; arrives in ${this.c.negotiation.replyDays} days; x to cancel)`)}`);
    const terms: Terms = {};
    const opp = other(this.me);
    for (const t of this.c.terms) {
      // Only the options on offer now (what each presupposes holds); the numbers count those.
      const options = aff.termOptions(t);
      const cur = options.some(o => o.id === this.sel.offer?.[t.id]) ? this.sel.offer?.[t.id] : undefined;
      this.print(`  ${bold(t.label)}`);
      options.forEach((o, k) =>
        this.print(`    ${cyan(String(k + 1).padStart(2))}. ${o.label} ${dim(`(value to you ${signed(o.value[this.me])}, to them ${signed(o.value[opp])})`)}${o.id === cur ? dim(' ← current') : ''}`),
      );
      for (;;) {
        const a = await this.io.ask(`  ${t.label} ${dim(`1-${options.length}${cur ? ', Enter keeps current' : ''}`)} > `);
        if (a === null || /^(x|q|cancel)$/i.test(a.trim())) {
          this.print('  Note cancelled.');
          return;
        }
        if (a.trim() === '' && cur) {
          terms[t.id] = cur;
          break;
        }
        const k = Number(a.trim());
        if (Number.isInteger(k) && k >= 1 && k <= options.length) {
          terms[t.id] = options[k - 1]!.id;
          break;
        }
        this.print(yellow(`  Choose 1-${options.length}, or x to cancel.`));
      }
    }
    this.print(offerTermsLines(this.c, aff, terms, this.w));
    const mine = aff.acceptance(this.me, terms)!;
    if (ownCabinetBalks(mine)) this.print(wrap(`Warning: ${balkWarning(mine, 'send')}`, this.w, '  ').map(l => yellow(l)));
    const ok = await this.io.ask(`  Add this note to your orders? [Y/n] `);
    if (ok === null || /^n/i.test(ok.trim())) {
      this.print('  Note not added.');
      return;
    }
    this.sel.offer = terms;
    this.print(`  ${green('+')} note added. ${capitalLine(this.c, v, legal, this.sel)}`);
  }
}

/** `--opponent`: a computer player, or `human` for a second person at this terminal. */
function opponentArg(v: unknown): Controller {
  return v === 'human' ? 'human' : playerName(v, '--opponent');
}

/** The sides from --side and --opponent, each defaulting to the loaded save's (or Britain against the persona). */
function sidesFrom(values: Record<string, unknown>, saved: BySide<Controller> | null): BySide<Controller> {
  if (saved && values.side === undefined && values.opponent === undefined && values.fidelity === undefined) return saved;
  const me = sideArg(values.side ?? (saved ? SIDES.find(s => saved[s] === 'human') : undefined) ?? 'britain');
  let opp = values.opponent !== undefined ? opponentArg(values.opponent) : (saved?.[other(me)] ?? 'persona');
  if (values.opponent !== undefined) checkFidelityActs(opp, false, '--opponent');
  if (values.fidelity !== undefined) {
    checkFidelityActs(opp, true, '--fidelity');
    opp = withFidelityArg(opp, fidelity(values.fidelity));
  }
  return me === 'britain' ? { britain: 'human', ussr: opp } : { britain: opp, ussr: 'human' };
}

export async function playCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const { values } = parse('play', argv, {
    scenario: { type: 'string' },
    side: { type: 'string' },
    seed: { type: 'string' },
    opponent: { type: 'string' },
    fidelity: { type: 'string' },
    save: { type: 'string' },
    load: { type: 'string' },
  });
  if (values.help) {
    out(`usage: ${USAGE.play}`);
    out('');
    out('--opponent, the computer player you face (the README says more of each):');
    const width = Math.max(...OPPONENT_HELP.map(([n]) => n.length));
    for (const [name, what] of OPPONENT_HELP) out(`  ${name.padEnd(width)}  ${what}`);
    out('  NAME@F (or --fidelity F) holds a computer player to history: 0 follows it, 1 is free.');
    return 0;
  }
  let data: ({ scenario?: unknown; seed?: unknown } & Record<string, unknown>) | null = null;
  if (values.load) {
    // Read with the limits on what a save may be (a regular file of sensible size), never a path named inside it.
    const d = readSave(values.load as string);
    if (typeof d !== 'object' || d === null || Array.isArray(d)) throw new CliError(`${values.load}: not a save file: expected a JSON object`);
    data = d as Record<string, unknown>;
  }
  // A loaded game keeps the sides it was saved with unless told otherwise.
  let saved: BySide<Controller> | null = null;
  if (data) {
    const r = readSides(data);
    if (!r.ok) throw new CliError(`${values.load}: ${r.error}`);
    saved = r.value;
  }
  const sides = sidesFrom(values, saved);
  // A save names its scenario by id, looked up among the shipped ones (or --scenario names it).
  const { sc } = data ? scenarioForSave(data, values.scenario as string | undefined, values.load as string) : loadScenario(required(values.scenario, '--scenario', 'play'));
  const file = new FileSave(values.save as string | undefined);
  let m: Match;
  if (data) {
    // The computer's dice go with it (restore uses them only for the player they were recorded for).
    // And where a branch's own play began, for the end screen.
    const { dice, kept } = (data.app ?? {}) as { dice?: unknown; kept?: unknown };
    const r = await Match.restore(sc, { ...data, app: { sides, ...(dice === undefined ? {} : { dice }), ...(kept === undefined ? {} : { kept }) } }, { store: file });
    if (!r.ok) throw new CliError(`${values.load}: ${r.error}`);
    m = r.value;
    // The game would be stored at once under this version: never over the earlier version's save it came from.
    if (m.loadNotice && values.save !== undefined && resolve(values.save as string) === resolve(values.load as string)) {
      m.dispose();
      throw new CliError(`${values.load}: ${m.loadNotice} To keep the save as it was, --save must name another file.`);
    }
  } else {
    const seed = (values.seed as string | undefined) ?? String(Math.floor(Math.random() * 1e6));
    const r = Match.create(sc, { scenario: sc.id, seed, sides }, { store: file });
    if (!r.ok) throw new CliError(r.error);
    m = r.value;
  }
  const io = terminalIO();
  try {
    if (data && values.seed && values.seed !== m.seed) io.out(dim(`  (--seed ignored: the save was played with seed ${m.seed})`));
    return await new TerminalGame(m, io, file).run(data !== null);
  } finally {
    io.close();
    m.dispose();
  }
}
