// Browser entry. The graphical front end (Phaser) is built on the engine's public API; until it
// lands, this page lists the scenarios with their briefings and points to the terminal game.
import sc1927 from '../scenarios/1927.json';
import { validateScenario } from './scenario/load';

const app = document.getElementById('app')!;
const esc = (t: string) => t.replace(/[&<>]/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch]!);

const r = validateScenario(sc1927, 'scenarios/1927.json');
const body = r.ok
  ? `<article><h2>${esc(r.value.title)}</h2>${r.value.subtitle ? `<p class="sub">${esc(r.value.subtitle)}</p>` : ''}${r.value.briefing.split('\n\n').map(p => `<p>${esc(p)}</p>`).join('')}</article>`
  : `<p role="alert">${esc(r.error)}</p>`;
app.innerHTML = `<h1>Anglo-Soviet Diplomacy, 1927-1932</h1>
<p class="sub">A game of two cabinets, one negotiation, and the incidents neither controls.</p>
<p>The browser edition is in preparation. The full game plays today in a terminal:
<code>npm run play -- --scenario 1927 --side britain</code>.</p>${body}`;
