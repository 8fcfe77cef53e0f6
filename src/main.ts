/// <reference types="vite/client" />
// Browser entry. The graphical front end (Phaser) is built on the engine's public API; until it
// lands, this page lists the scenarios with their briefings and points to the terminal game.
import { validateScenario } from './scenario/load';

const files = import.meta.glob<unknown>('../scenarios/[0-9]*.json', { eager: true, import: 'default' });
const app = document.getElementById('app')!;
const esc = (t: string) => t.replace(/[&<>]/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch]!);

const articles = Object.entries(files).sort(([a], [b]) => a.localeCompare(b)).map(([path, data]) => {
  const r = validateScenario(data, path.replace('../', ''));
  if (!r.ok) return `<p role="alert">${esc(r.error)}</p>`;
  const sc = r.value;
  return `<article><h2>${esc(sc.title)}</h2>${sc.subtitle ? `<p class="sub">${esc(sc.subtitle)}</p>` : ''}
<p><code>npm run play -- --scenario ${esc(sc.id)} --side britain</code></p>
${sc.briefing.split('\n\n').map(p => `<p>${esc(p)}</p>`).join('')}</article>`;
});
app.innerHTML = `<h1>Anglo-Soviet Diplomacy, 1927-1932</h1>
<p class="sub">A game of two cabinets, one negotiation, and the incidents neither controls.</p>
<p>The browser edition is in preparation. The full game plays today in a terminal, as Britain or the
Soviet Union (<code>--side ussr</code>), in each of these scenarios:</p>${articles.join('')}`;
