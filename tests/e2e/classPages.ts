// Pieces the classroom's browser tests share: a switch that cuts a student's connection, and a
// student's way through the turn's reports.
import { connect, createServer, type Socket } from 'node:net';
import type { Page } from 'playwright-core';

/** A TCP relay to the server at `target` that can be switched off: its connections cut, new ones refused until it is on again. */
export async function cutter(target: string): Promise<{ url: string; set(on: boolean): void; close(): Promise<void> }> {
  const to = new URL(target);
  let on = true;
  const open = new Set<Socket>();
  const relay = createServer(c => {
    if (!on) return void c.destroy();
    const u = connect(Number(to.port), to.hostname);
    const end = () => {
      c.destroy();
      u.destroy();
      open.delete(c);
    };
    open.add(c);
    c.pipe(u).pipe(c);
    for (const s of [c, u]) s.on('error', end).on('close', end);
  });
  await new Promise<void>(r => relay.listen(0, '127.0.0.1', r));
  const port = (relay.address() as { port: number }).port;
  const set = (v: boolean) => {
    on = v;
    if (!v) for (const c of open) c.destroy();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    set,
    close() {
      // Its connections cut first: a server closes once the last has ended.
      set(false);
      return new Promise(r => relay.close(() => r()));
    },
  };
}

/** Closes the turn's reports until a decision is open (the lead) or none is left (a minister). */
export async function throughReports(page: Page, until: 'decision' | 'none'): Promise<void> {
  // Polls until the deadline: on a busy machine the lead's decision can take a while to come.
  for (const end = Date.now() + 120_000; Date.now() < end; ) {
    if (until === 'decision' && (await page.locator('dialog.decision-dialog[open]').count())) return;
    const more = page.locator('dialog[open] .continue');
    if (await more.count()) await more.first().click();
    else if (until === 'none' && (await page.locator('.game').count()) && !(await page.locator('dialog[open]').count())) return;
    else await page.waitForTimeout(500);
  }
  throw new Error(`no ${until === 'decision' ? 'decision came' : 'end to the reports'}`);
}
