// `print`: the classroom's printables. `--scenario ID --sheets OUT` writes the role sheets (one per
// seat, `--role ID` to choose some); `--debrief SAVE --out OUT` writes the post-mortem pack of a
// group's game (a save or hand-in file, finished or not, replayed and scored here). OUT ending in
// .html is the document itself (print it from a browser); in .pdf it is made by headless Chromium.
// Nothing is written until the document is whole: a bad scenario, save or role leaves OUT as it was.
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { chromiumPath, launchChromium, noChromiumReason } from '../../tests/e2e/chromium';
import { debrief } from '../app/debrief';
import { readHandIn } from '../app/handIn';
import { debriefHtml } from '../print/debriefPack';
import { roleSheetsHtml } from '../print/roleSheets';
import { parse, USAGE, UsageError } from './args';
import { CliError, loadScenario, readSave, scenarioForSave } from './scenarios';

/** Render an HTML document to A4 PDF in headless Chromium (the print stylesheet decides the pages). */
export async function htmlToPdf(html: string): Promise<Buffer> {
  if (!chromiumPath()) throw new CliError(`cannot make a PDF: ${noChromiumReason()}; write .html instead and print it from a browser`);
  const browser = await launchChromium();
  try {
    const pageObj = await browser.newPage();
    await pageObj.setContent(html, { waitUntil: 'load' });
    return await pageObj.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}

/** Write OUT as HTML or PDF by its extension, through a temporary file so a failure leaves OUT untouched. */
async function writeDocument(out: string, html: string): Promise<string> {
  const lower = out.toLowerCase();
  if (!lower.endsWith('.pdf') && !lower.endsWith('.html')) throw new UsageError(`print: the output must end in .pdf or .html (got "${out}")`);
  const body = lower.endsWith('.pdf') ? await htmlToPdf(html) : Buffer.from(html, 'utf8');
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, body);
    renameSync(tmp, out);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
    throw new CliError(`${out}: cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return `${out}: ${body.length.toLocaleString('en-GB')} bytes`;
}

export async function printCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const { values } = parse('print', argv, {
    scenario: { type: 'string' },
    sheets: { type: 'string' },
    role: { type: 'string', multiple: true },
    debrief: { type: 'string' },
    out: { type: 'string' },
  });
  if (values.help) {
    out(`usage: ${USAGE.print}`);
    return 0;
  }
  const sheets = values.sheets as string | undefined,
    save = values.debrief as string | undefined;
  if ((sheets === undefined) === (save === undefined)) throw new UsageError('print: give --sheets OUT (with --scenario) or --debrief SAVE (with --out), one of the two');
  if (sheets !== undefined) {
    if (values.scenario === undefined) throw new UsageError('print: --sheets needs --scenario ID|FILE');
    const { sc } = loadScenario(values.scenario as string);
    const roles = values.role as string[] | undefined;
    let html: string;
    try {
      html = roleSheetsHtml(sc, roles ? { roles } : {});
    } catch (e) {
      throw new CliError((e as Error).message);
    }
    out(`${await writeDocument(sheets, html)} (${roles?.length ?? sc.roles?.length ?? 0} role sheets, ${sc.title})`);
    return 0;
  }
  const target = (values.out as string | undefined) ?? `${save!.replace(/\.json$/i, '')}.debrief.pdf`;
  const data = readSave(save!);
  const { sc } = scenarioForSave(data, values.scenario as string | undefined, save!);
  const r = readHandIn(sc, data);
  if (!r.ok) throw new CliError(`${save}: refused: ${r.error}`);
  if (r.value.notice) out(`${save}: ${r.value.notice}`);
  const d = debrief(sc, r.value.save.seed, r.value.save.moves, { group: r.value.group, seats: r.value.seats, injected: r.value.save.injected ?? [] });
  out(`${await writeDocument(target, debriefHtml(d))} (debrief of ${r.value.group || 'a group game'}, ${sc.title}, ${r.value.save.moves.length} moves${d.finished ? '' : ', unfinished'})`);
  return 0;
}
