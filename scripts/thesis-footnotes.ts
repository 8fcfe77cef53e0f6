// Writes tests/fixtures/thesis-footnotes.json: which lines of the thesis's text are footnotes
// (tests/scenario/footnotes.ts says how they are told apart), for tests/scenario/sources.test.ts,
// which holds every citation of footnote lines to the "thesis fn L..." form. The rule's reading is
// corrected by the lines read by hand in tests/fixtures/thesis-footnote-reading.json. Run by hand
// when the rule or that reading changes:
//
//   npx tsx scripts/thesis-footnotes.ts [path to the thesis's text]
//
// The thesis is not in the repository (shared/seeds/001_274b6970d5c49cb1.txt beside it).
import { readFileSync, writeFileSync } from 'node:fs';
import reading from '../tests/fixtures/thesis-footnote-reading.json';
import { footnotes, parseReading, THESIS_TEXT } from '../tests/scenario/footnotes';

const from = process.argv[2] ?? THESIS_TEXT;
const f = footnotes(readFileSync(from, 'utf8'), parseReading(reading));
const out = new URL('../tests/fixtures/thesis-footnotes.json', import.meta.url);
writeFileSync(out, `${JSON.stringify({ sure: f.sure, maybe: f.maybe })}\n`);
console.log(`${f.sure.length} runs of footnote lines, ${f.maybe.length} that may be, from ${from}`);
