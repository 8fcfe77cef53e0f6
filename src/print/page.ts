// The shell every printable shares: an HTML document with the print stylesheet (A4, page breaks
// between sheets, no colour needed), and the one text escaper. Printables are strings of HTML built
// from plain data, so they open in any browser, print from it, and become PDF in headless Chromium.

/** Text made safe for HTML: every printable writes scenario and player text through this. */
export const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
html { font-family: Georgia, 'Times New Roman', serif; font-size: 10.5pt; line-height: 1.38; color: #111; }
body { margin: 0; }
.sheet { break-after: page; page-break-after: always; }
.sheet:last-child { break-after: auto; page-break-after: auto; }
header.top { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 2px solid #111; padding-bottom: 3pt; margin-bottom: 10pt; font-size: 9pt; letter-spacing: 0.04em; text-transform: uppercase; }
h1 { font-size: 20pt; margin: 0 0 2pt; line-height: 1.15; }
h2 { font-size: 12.5pt; margin: 12pt 0 4pt; border-bottom: 1px solid #999; padding-bottom: 1pt; }
h3 { font-size: 11pt; margin: 8pt 0 3pt; }
p { margin: 0 0 6pt; }
.office { font-style: italic; margin-bottom: 8pt; }
.side-britain .badge, .side-ussr .badge { display: inline-block; border: 1px solid #111; padding: 0 5pt; font-size: 8.5pt; text-transform: uppercase; letter-spacing: 0.06em; }
.secret { border: 2px dashed #111; padding: 6pt 8pt; margin-top: 10pt; }
.secret h2 { border: 0; margin-top: 0; }
.fold { font-size: 8.5pt; text-align: center; letter-spacing: 0.1em; margin: 10pt 0 0; color: #444; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 9.5pt; }
table.timeline { font-size: 8.5pt; }
table.timeline td { padding: 1.5pt 3pt; }
th, td { border: 1px solid #888; padding: 2.5pt 4pt; vertical-align: top; text-align: left; }
th { background: #eee; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; page-break-inside: avoid; }
.sources { font-size: 8pt; color: #333; margin-top: 6pt; }
.muted { color: #555; }
.lines { border-bottom: 1px solid #aaa; height: 16pt; }
ol.questions li { margin-bottom: 8pt; break-inside: avoid; }
.small { font-size: 8.5pt; }
@media screen { body { max-width: 190mm; margin: 10mm auto; } .sheet { border-bottom: 4px double #999; padding-bottom: 10mm; margin-bottom: 10mm; } }
`;

/** A whole printable document: its sheets, each one page or more. */
export function page(title: string, sheets: readonly string[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${sheets.join('\n')}
</body>
</html>
`;
}

/** Sources in short: "thesis L3302-3345; thesis L4195-4206" as "thesis L3302-3345, L4195-4206" (each work named once). */
export function compactSources(xs: readonly string[]): string {
  const byWork = new Map<string, string[]>();
  for (const x of xs) {
    const m = /^(.*?)\s*((?:fn )?L\d.*)$/.exec(x);
    const [work, ref] = m ? [m[1]!, m[2]!] : [x, ''];
    const refs = byWork.get(work) ?? [];
    if (ref && !refs.includes(ref)) refs.push(ref);
    byWork.set(work, refs);
  }
  return [...byWork].map(([w, refs]) => (refs.length ? `${w} ${refs.join(', ')}` : w)).join('; ');
}

/** A sources line under a passage. */
export const sourceLine = (xs: readonly string[]): string => (xs.length ? `<p class="sources">Sources: ${esc(compactSources(xs))}</p>` : '');
