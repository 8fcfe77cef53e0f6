// `play`: one human side against a computer player, in the terminal. The session keeps the move
// list, so the game can be saved at any point (makeSave) and loaded again (loadSave).
import { writeFileSync } from 'node:fs';
import {
  applyMove, canOffer, compile, createGame, legalActions, loadSave, makeSave, other, playerView, stateHash, answerable,
  type CEvent, type Compiled, type GameState, type LegalAction, type Move, type Save, type NewsItem, type Order, type PlayerView, type Side, type Terms,
} from '../engine/index';
import type { PlayerKind } from '../ai/index';
import { AiCore } from '../app/aiCore';
import type { Scenario } from '../scenario/schema';
import { parse, playerKind, required, side as sideArg, USAGE } from './args';
import { bold, cyan, dim, green, joinWrap, red, signed, termWidth, yellow } from './format';
import { terminalIO, type IO } from './io';
import { findFigure, figName } from '../app/names';
import { CliError, loadScenario, readSave, scenarioForSave } from './scenarios';
import { optionOrder } from '../app/session';
import { emptySelection, ordersOf, selectionCost, type Selection } from '../app/selection';
import {
  actionInfo, cabinetLines, capitalLine, dashboard, decisionLines, endLines, helpLines, newsLines, notesLines, offerTermsLines,
  ordersLines, titleScreen, tradeLines, turnHeader, whyLines, whyListLines,
} from './screens';

type Outcome = 'continue' | 'quit';

export class Session {
  readonly c: Compiled;
  state: GameState;
  moves: Move[] = [];
  /** The computer's side: it follows the move log and answers with its own moves. */
  readonly ai: AiCore;
  readonly opp: Side;
  /** News items already shown (the view hands back the same objects each time). */
  private seen = new WeakSet<NewsItem>();
  /** Figures as shown on the last dashboard, for the changes since. */
  private prevFig: (number | null)[] | null = null;
  private shownTurn = -1;
  private sel: Selection = emptySelection();
  readonly w = termWidth();

  constructor(readonly sc: Scenario, readonly me: Side, readonly seed: string, readonly opponent: PlayerKind, readonly io: IO, public savePath?: string) {
    this.c = compile(sc);
    this.opp = other(me);
    const sides = me === 'britain' ? { britain: 'human' as const, ussr: opponent } : { britain: opponent, ussr: 'human' as const };
    this.ai = new AiCore(sc, { scenario: sc.id, seed, sides });
    this.state = createGame(sc, seed);
  }

  /** Continue a saved game: replay its moves (the computer player catches up on its next turn). */
  restore(moves: readonly Move[]): void {
    let s = createGame(this.sc, this.seed);
    for (const m of moves) {
      const r = applyMove(this.sc, s, m);
      if (!r.ok) throw new CliError(`the save does not replay: ${r.error}`);
      s = r.value;
    }
    this.state = s;
    this.moves = [...moves];
  }

  /** "persona: Maxim Litvinov", "historical", "random". */
  private opponentName(): string {
    return this.opponent === 'persona' ? `persona: ${this.sc.personas.find(p => p.side === this.opp)?.name ?? this.opp}` : this.opponent;
  }

  private print(lines: string | string[]): void { for (const l of typeof lines === 'string' ? [lines] : lines) this.io.out(l); }
  private view(): PlayerView { return playerView(this.c, this.state, this.me); }

  /** Apply a move; an engine refusal is shown with its reason. */
  private apply(m: Move): boolean {
    const r = applyMove(this.sc, this.state, m);
    if (!r.ok) {
      this.print(red(`  The engine refused: ${r.error}.`));
      return false;
    }
    this.state = r.value;
    this.moves.push(m);
    return true;
  }

  /** The computer player makes every move it can: its decisions and its sealed orders. */
  private runAI(): void {
    const r = this.ai.think(this.moves);
    if (!r.ok) throw new Error(r.error);
    for (const m of r.value) {
      const a = applyMove(this.sc, this.state, m);
      if (!a.ok) throw new Error(`the computer player made an illegal move: ${a.error}`);
      this.state = a.value;
      this.moves.push(m);
    }
  }

  private freshNews(): NewsItem[] {
    const items = this.view().news.filter(n => !this.seen.has(n));
    for (const n of items) this.seen.add(n);
    return items;
  }

  private showTurn(): void {
    const v = this.view();
    this.print(turnHeader(this.c, this.state, this.w));
    this.print(dashboard(this.c, this.state, v, this.me, this.prevFig, this.w));
    this.print(newsLines(this.c, this.freshNews(), v.day, this.w, this.me));
    this.prevFig = v.fig.slice();
    this.shownTurn = this.state.turn;
    this.sel = emptySelection();
  }

  async run(loaded: boolean): Promise<number> {
    this.print(titleScreen(this.c, this.me, this.opponentName(), this.seed, this.w));
    if (loaded) this.print(green(`  Loaded a saved game: ${this.moves.length} moves replayed.`));
    while (!this.state.ended) {
      this.runAI();
      if (this.state.ended) break;
      if (this.shownTurn !== this.state.turn) this.showTurn();
      let r: Outcome;
      if (this.state.pending[this.me].length) r = await this.decision();
      else if (this.state.orders[this.me] === null) r = await this.orders();
      else throw new Error('neither side can move but the game has not ended');
      if (r === 'quit') return this.quit();
    }
    const news = this.freshNews();
    if (news.length) this.print(newsLines(this.c, news, this.c.days[this.state.turn]!, this.w, this.me));
    this.print(endLines(this.sc, this.c, this.state, this.me, this.opponentName(), this.w));
    if (this.savePath) this.save(this.savePath);
    else if (this.io.tty) {
      const a = await this.io.ask('\nSave this game for replay? [y/N] ');
      if (a && /^y/i.test(a.trim())) await this.saveCommand();
    }
    this.print(dim(`  Final state ${stateHash(this.state)}.`));
    return 0;
  }

  private async quit(): Promise<number> {
    if (this.savePath) this.save(this.savePath);
    else if (this.io.tty) {
      const a = await this.io.ask('Save before quitting? [y/N] ');
      if (a && /^y/i.test(a.trim())) await this.saveCommand();
    }
    this.print(dim('  Goodbye.'));
    return 0;
  }

  save(path: string): void {
    const save: Save & SaveExtra = { ...makeSave(this.sc, this.seed, this.moves, this.state), cli: { side: this.me, opponent: this.opponent } };
    writeFileSync(path, `${JSON.stringify(save, null, 1)}\n`);
    this.print(green(`  Saved to ${path}`) + dim(` (${this.moves.length} moves, state ${save.hash}).`));
  }

  private async saveCommand(): Promise<void> {
    let path = this.savePath;
    if (!path) {
      const dflt = `${this.sc.id}-${this.me}-${this.seed}.save.json`;
      const a = await this.io.ask(`Save to file [${dflt}]: `);
      if (a === null) return;
      path = a.trim() || dflt;
      this.savePath = path;
    }
    try { this.save(path); } catch (e) { this.print(red(`  Could not save to ${path}: ${(e as Error).message}`)); this.savePath = undefined; }
  }

  /** Commands open at every prompt. Returns true if handled; 'quit' to leave. */
  private async common(cmd: string, arg: string): Promise<boolean | 'quit'> {
    const v = this.view();
    switch (cmd) {
      case 'w': case 'why': {
        if (!arg) { this.print(whyListLines(this.c, v, this.me, this.w)); return true; }
        const f = findFigure(this.c, v, this.me, arg);
        if ('fig' in f) this.print(whyLines(this.c, this.state, v, this.me, f.fig, this.w));
        else if (!f.candidates.length) this.print(yellow(`  No figure matches "${arg}". Type why for the list.`));
        else {
          this.print(yellow(`  "${arg}" could be any of these; be more precise:`));
          this.print(f.candidates.slice(0, 12).map(i => `    ${this.c.figs[i]!.id} ${dim(`(${figName(this.c, i, this.me)})`)}`));
          if (f.candidates.length > 12) this.print(dim(`    … and ${f.candidates.length - 12} more`));
        }
        return true;
      }
      case 'c': case 'cabinet': this.print(cabinetLines(this.c, v, this.me, this.w)); return true;
      case 't': case 'trade': this.print(tradeLines(this.c, v, this.w)); return true;
      case 'n': case 'news': this.print(v.news.length ? newsLines(this.c, v.news, v.day, this.w, this.me) : dim('  No news this turn.')); return true;
      case 's': case 'save': await this.saveCommand(); return true;
      case 'q': case 'quit': return 'quit';
      default: return false;
    }
  }

  private optionOrder(ev: CEvent): number[] { return optionOrder(this.seed, ev); }

  private async decision(): Promise<Outcome> {
    const pending = this.state.pending[this.me];
    const ev = this.c.events[pending[0]!]!;
    const order = this.optionOrder(ev);
    const opts = order.map(j => ev.decision!.options[j]!);
    this.print(decisionLines(this.c, this.state, this.view(), this.me, ev, this.w, pending.length, order));
    for (;;) {
      const line = await this.io.ask(`${bold('Decide')} ${dim(`1-${opts.length}, h for help`)} > `);
      if (line === null) return this.eof();
      const [word = '', ...rest] = line.trim().split(/\s+/);
      const cmd = word.toLowerCase();
      const arg = rest.join(' ');
      if (/^\d+$/.test(cmd)) {
        const k = Number(cmd);
        if (k < 1 || k > opts.length) { this.print(yellow(`  Choose an option from 1 to ${opts.length}.`)); continue; }
        if (!this.apply({ type: 'decide', side: this.me, event: ev.id, option: opts[k - 1]!.id })) continue;
        const news = this.freshNews();
        if (news.length) this.print(news.map(n => `    ${dim('→')} ${n.text}`));
        return 'continue';
      }
      if (cmd === 'h' || cmd === 'help' || cmd === '?') { this.print(helpLines(this.w, 'decision')); continue; }
      if (cmd === 'l') { this.print(decisionLines(this.c, this.state, this.view(), this.me, ev, this.w, pending.length, order)); continue; }
      if (cmd === '') { this.print(yellow(`  Choose an option from 1 to ${opts.length} first.`)); continue; }
      const r = await this.common(cmd, arg);
      if (r === 'quit') return 'quit';
      if (!r) this.print(yellow(`  "${line.trim()}" is not a command here. Choose 1-${opts.length}, or h for help.`));
    }
  }

  private eof(): Outcome {
    this.print(dim('  (end of input)'));
    return 'quit';
  }

  private legal(): LegalAction[] { return legalActions(this.c, this.state, this.me); }

  private showOrders(legal: LegalAction[]): void {
    const v = this.view();
    this.print(ordersLines(this.c, v, this.me, legal, this.sel, this.w));
    this.print(notesLines(this.c, this.state, v, this.me, this.sel, this.w));
    this.print(joinWrap(['numbers select', 'i N details', 'o note', 'a/r N answer', 'w why', 'c cabinets', 't trade', 's save', 'h help', 'Enter sends', 'q quit'], this.w, '  ').map(l => dim(l)));
  }

  private async orders(): Promise<Outcome> {
    const legal = this.legal();
    this.showOrders(legal);
    for (;;) {
      const v = this.view();
      const prompt = `${bold(this.c.sc.sides[this.me].name)} [${capitalLine(this.c, v, this.me, legal, this.sel)}] > `;
      const line = await this.io.ask(prompt);
      if (line === null) return this.eof();
      const text = line.trim();
      const [word = '', ...rest] = text.split(/[\s,]+/);
      const cmd = word.toLowerCase();
      const arg = rest.join(' ');
      if (cmd === '' || cmd === 'd' || cmd === 'done' || cmd === 'send') {
        const orders = ordersOf(legal, this.sel);
        if (!this.apply({ type: 'orders', side: this.me, orders })) continue;
        this.print(dim(`  Orders sent${orders.length ? '' : ' (none: you wait on events)'}. The turn resolves…`));
        return 'continue';
      }
      if (/^\d+$/.test(cmd)) { this.toggle(legal, [cmd, ...rest]); continue; }
      switch (cmd) {
        case 'h': case 'help': case '?': this.print(helpLines(this.w, 'orders')); continue;
        case 'l': case 'list': this.showOrders(legal); continue;
        case 'i': case 'info': {
          const a = legal[Number(arg) - 1];
          if (!/^\d+$/.test(arg) || !a) this.print(yellow(`  Say which action: i 1 … i ${legal.length}.`));
          else this.print(actionInfo(this.c, this.view(), a, this.me, this.w));
          continue;
        }
        case 'o': case 'offer': await this.compose(arg); continue;
        case 'a': case 'accept': case 'r': case 'reject': this.answer(cmd.startsWith('a'), arg); continue;
      }
      const r = await this.common(cmd, arg);
      if (r === 'quit') return 'quit';
      if (!r) this.print(yellow(`  "${text}" is not a command. Numbers select actions; d or Enter sends; h for help.`));
    }
  }

  private toggle(legal: LegalAction[], tokens: string[]): void {
    const v = this.view();
    for (const tok of tokens) {
      const k = Number(tok);
      const a = legal[k - 1];
      if (!/^\d+$/.test(tok) || !a) { this.print(yellow(legal.length ? `  There is no action ${tok}: choose 1-${legal.length}.` : '  No action is open to you this turn.')); continue; }
      if (this.sel.actions.has(a.id)) {
        this.sel.actions.delete(a.id);
        this.print(`  ${dim('−')} ${a.label} ${dim('dropped')}`);
        continue;
      }
      const left = v.fig[this.c.side[this.me].iCapital]! - selectionCost(this.c, legal, this.sel);
      if (a.cost > left + 1e-9) { this.print(yellow(`  Not enough capital: "${a.label}" costs ${a.cost}, you have ${Math.max(0, Math.floor(left))} left. Drop something first.`)); continue; }
      this.sel.actions.add(a.id);
      this.print(`  ${green('+')} ${a.label} ${dim(`(${a.cost} capital${a.approval === null ? '' : `, cabinet ${Math.round(a.approval * 100)}%`})`)}`);
    }
    this.print(`  ${capitalLine(this.c, v, this.me, legal, this.sel)}`);
  }

  private answer(accept: boolean, arg: string): void {
    const notes = answerable(this.state, this.me);
    const n = Number(arg.replace(/^n/i, ''));
    if (!notes.length) { this.print(yellow('  No note is awaiting your answer.')); return; }
    const note = notes.find(o => o.n === n);
    if (!note) { this.print(yellow(`  Say which note: ${notes.map(o => `${accept ? 'a' : 'r'} ${o.n}`).join(' or ')}.`)); return; }
    if (this.sel.replies.get(n) === accept) {
      this.sel.replies.delete(n);
      this.print(`  Answer to note ${n} taken back: it stays unanswered.`);
    } else {
      this.sel.replies.set(n, accept);
      this.print(`  Note ${n}: you will ${accept ? green('accept') : red('reject')} it when you send your orders.${accept ? dim(' Both cabinets must then ratify.') : ''}`);
    }
  }

  /** Compose a note: an option for every term, with the acceptance each cabinet would give. */
  private async compose(arg: string): Promise<void> {
    if (arg === '-' || arg === 'x' || arg === 'drop') {
      this.print(this.sel.offer ? '  Note dropped.' : '  There is no note to drop.');
      this.sel.offer = null;
      return;
    }
    if (!canOffer(this.c, this.state, this.me)) {
      const mine = this.state.offers.find(o => o.from === this.me && (o.status === 'sent' || o.status === 'delivered'));
      this.print(yellow(mine ? `  Your note ${mine.n} is still awaiting an answer; you may send another once it is answered or lapses.` : '  There is no channel for negotiation now.'));
      return;
    }
    const legal = this.legal();
    const cost = this.c.negotiation.offerCost;
    const v = this.view();
    const spent = selectionCost(this.c, legal, this.sel);
    if (!this.sel.offer && spent + cost > v.fig[this.c.side[this.me].iCapital]! + 1e-9) {
      this.print(yellow(`  A note costs ${cost} capital and you have ${Math.max(0, Math.floor(v.fig[this.c.side[this.me].iCapital]! - spent))} left. Drop an order first.`));
      return;
    }
    this.print(`  ${bold('A note with proposals')} ${dim(`(costs ${cost} capital; arrives in ${this.c.negotiation.replyDays} days; x to cancel)`)}`);
    const terms: Terms = {};
    for (const t of this.c.terms) {
      const cur = this.sel.offer?.[t.id];
      this.print(`  ${bold(t.label)}`);
      t.options.forEach((o, k) => this.print(`    ${cyan(String(k + 1).padStart(2))}. ${o.label} ${dim(`(value to you ${signed(o.value[this.me])}, to them ${signed(o.value[this.opp])})`)}${o.id === cur ? dim(' ← current') : ''}`));
      for (;;) {
        const a = await this.io.ask(`  ${t.label} ${dim(`1-${t.options.length}${cur ? ', Enter keeps current' : ''}`)} > `);
        if (a === null || /^(x|q|cancel)$/i.test(a.trim())) { this.print('  Note cancelled.'); return; }
        if (a.trim() === '' && cur) { terms[t.id] = cur; break; }
        const k = Number(a.trim());
        if (Number.isInteger(k) && k >= 1 && k <= t.options.length) { terms[t.id] = t.options[k - 1]!.id; break; }
        this.print(yellow(`  Choose 1-${t.options.length}, or x to cancel.`));
      }
    }
    this.print(offerTermsLines(this.c, this.state, v, this.me, terms, this.w));
    const ok = await this.io.ask(`  Add this note to your orders? [Y/n] `);
    if (ok === null || /^n/i.test(ok.trim())) { this.print('  Note not added.'); return; }
    this.sel.offer = terms;
    this.print(`  ${green('+')} note added. ${capitalLine(this.c, v, this.me, legal, this.sel)}`);
  }
}

/** What the terminal game adds to a save (loadSave ignores it): who played which side. */
interface SaveExtra { cli?: { side?: unknown; opponent?: unknown } }

export async function playCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const { values } = parse('play', argv, {
    scenario: { type: 'string' }, side: { type: 'string' }, seed: { type: 'string' }, opponent: { type: 'string' },
    save: { type: 'string' }, load: { type: 'string' },
  });
  if (values.help) { out(`usage: ${USAGE.play}`); return 0; }
  const data = values.load ? (readSave(values.load as string) as { scenario?: unknown } & SaveExtra) : null;
  // A loaded game keeps the sides it was saved with unless told otherwise.
  const me = sideArg(values.side ?? data?.cli?.side ?? 'britain');
  const opponent = playerKind(values.opponent ?? data?.cli?.opponent ?? 'persona', '--opponent');
  const { sc } = data ? scenarioForSave(data, values.scenario as string | undefined, values.load as string) : loadScenario(required(values.scenario, '--scenario', 'play'));
  let save: { seed: string; moves: Move[] } | null = null;
  if (data) {
    const r = loadSave(sc, data);
    if (!r.ok) throw new CliError(`${values.load}: ${r.error}`);
    save = r.value.save;
  }
  const seed = save?.seed ?? (values.seed as string | undefined) ?? String(Math.floor(Math.random() * 1e6));
  const io = terminalIO();
  try {
    let session: Session;
    try { session = new Session(sc, me, seed, opponent, io, values.save as string | undefined); } catch (e) { throw new CliError((e as Error).message); }
    if (save) {
      if (values.seed && values.seed !== save.seed) io.out(dim(`  (--seed ignored: the save was played with seed ${save.seed})`));
      session.restore(save.moves);
    }
    return await session.run(save !== null);
  } finally {
    io.close();
  }
}
