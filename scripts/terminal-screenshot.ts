// docs/screenshot-terminal.png from a real terminal game: `npm run play` (1927 as Britain, game
// number 7, 100 columns, in colour) is driven through its prompts as a person would answer them,
// until the decision named below is on the screen. The last screenful of what it printed, colours
// and all, is drawn as a terminal window in a monospace face in headless Chromium and photographed.
//
//   npx tsx scripts/terminal-screenshot.ts [--until "A tip about Arcos"] [--out docs/screenshot-terminal.png]
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { stripAnsi } from '../src/cli/format';
import { launchChromium } from '../tests/e2e/chromium';

const { values } = parseArgs({
  options: { until: { type: 'string', default: 'A tip about Arcos' }, out: { type: 'string', default: 'docs/screenshot-terminal.png' }, rows: { type: 'string', default: '62' } },
});
const COLUMNS = 100;
const ROWS = Number(values.rows);

/** What the person types: at the orders desk, first order 3 and then send; at a decision, the second option. */
const answer = (prompt: string, desks: number): string => (prompt.startsWith('Decide') ? '2' : desks === 0 && !prompt.includes('selected') ? '3' : '');

/** Plays until the decision `until` is asked for, and returns everything printed (with colour codes). */
function transcript(until: string): Promise<string> {
  const child = spawn('node_modules/.bin/tsx', ['src/cli/main.ts', 'play', '--scenario', '1927', '--side', 'britain', '--seed', '7'], {
    env: { ...process.env, FORCE_COLOR: '1', COLUMNS: String(COLUMNS) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  let desks = 0;
  let stopped = false;
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', code => (out.includes(`Decision: ${until}`) ? resolve(out) : reject(new Error(`the game ended (exit ${code}) before "${until}"`))));
    child.stdout.on('data', (d: Buffer) => {
      if (stopped) return;
      out += d.toString();
      const plain = stripAnsi(out);
      const last = plain.slice(plain.lastIndexOf('\n') + 1);
      if (!last.endsWith('> ')) return;
      if (plain.includes(`Decision: ${until}`)) {
        // The screen stands at this prompt: what the game prints as it quits at the end of input is not kept.
        stopped = true;
        child.stdin.end();
        return;
      }
      const a = answer(last, desks);
      if (!last.startsWith('Decide') && a === '') desks++;
      child.stdin.write(`${a}\n`);
    });
  });
}

const COLOURS: Record<number, string> = { 31: '#f07178', 32: '#a6d189', 33: '#e5c07b', 34: '#82aaff', 35: '#c792ea', 36: '#89ddff', 90: '#7f848e' };
const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// biome-ignore lint/suspicious/noControlCharactersInRegex: splits the text at the escape sequences the game writes
const SGR_PART = /(\x1b\[[0-9;]*m)/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: one of them, with its codes
const SGR = /^\x1b\[([0-9;]*)m$/;

/** SGR colour codes to HTML spans (the few the game uses: bold, dim, italic, inverse, colours). */
function toHtml(text: string): string {
  const st = { bold: false, dim: false, italic: false, inverse: false, fg: 0 };
  let html = '';
  for (const part of text.split(SGR_PART)) {
    const m = SGR.exec(part);
    if (!m) {
      if (!part) continue;
      const style = [
        st.bold ? 'font-weight:bold' : '',
        st.dim ? 'opacity:0.62' : '',
        st.italic ? 'font-style:italic' : '',
        st.fg ? `color:${COLOURS[st.fg] ?? 'inherit'}` : '',
        st.inverse ? 'background:#d0d4dc;color:#23272e' : '',
      ]
        .filter(Boolean)
        .join(';');
      html += style ? `<span style="${style}">${esc(part)}</span>` : esc(part);
      continue;
    }
    for (const c of (m[1] || '0').split(';').map(Number)) {
      if (c === 0) Object.assign(st, { bold: false, dim: false, italic: false, inverse: false, fg: 0 });
      else if (c === 1) st.bold = true;
      else if (c === 2) st.dim = true;
      else if (c === 22) st.bold = st.dim = false;
      else if (c === 3) st.italic = true;
      else if (c === 23) st.italic = false;
      else if (c === 7) st.inverse = true;
      else if (c === 27) st.inverse = false;
      else if (c === 39) st.fg = 0;
      else st.fg = c;
    }
  }
  return html;
}

const out = await transcript(values.until);
const lines = out.split('\n');
const screen = lines.slice(Math.max(0, lines.length - ROWS)).join('\n');
const page = `<!doctype html><meta charset="utf-8"><style>
  body { margin: 0; background: #181b20; }
  .term { display: inline-block; margin: 0; padding: 14px 18px; background: #23272e; color: #d7dae0;
    font: 15px/1.32 'DejaVu Sans Mono', 'Liberation Mono', monospace; white-space: pre; }
  .bar { background: #30353d; color: #9aa0aa; font: 13px 'DejaVu Sans', sans-serif; padding: 6px 12px; }
</style><div style="display:inline-block"><div class="bar">npm run play -- --scenario 1927 --side britain --seed 7 · ${COLUMNS} columns</div><pre class="term">${toHtml(screen)}</pre></div>`;
const browser = await launchChromium();
try {
  const p = await browser.newPage({ viewport: { width: 1200, height: 800 }, deviceScaleFactor: 1 });
  await p.setContent(page);
  await p.locator('body > div').screenshot({ path: values.out });
  console.log(`${values.out}: the last ${ROWS} of ${lines.length} lines, up to the decision "${values.until}"`);
} finally {
  await browser.close();
}
