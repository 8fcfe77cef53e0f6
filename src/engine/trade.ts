// Trade: monthly flows. Soviet orders placed in Britain depend on credit and on how much the
// trade monopoly diverts elsewhere; they arrive as British exports after a lag (thesis
// L4753-4767: orders cut in 1927 showed in the 1928 figures). Soviet sales hold up, so the
// balance, always in Soviet favour, widens when orders are cut.
import { type Draft, ownPipeline, ownTrade, setFig } from './draft';

export function ordersFor(base: number, credit: number, diversion: number): number {
  return base * (1 - diversion / 100) * (0.6 + (0.8 * credit) / 100);
}

/** Run the trade system for every calendar month completed up to the current turn's date. */
export function tradeStep(d: Draft): void {
  const c = d.c,
    t = c.trade;
  const target = c.monthAfter[d.s.turn]! - 1; // the last month this turn's span completes
  if (target <= d.s.month) return;
  const series = ownTrade(d);
  while (d.s.month < target) {
    const month = d.s.month + 1;
    const f = d.s.fig;
    const placed = ordersFor(f[t.baseOrders]!, f[t.credit]!, f[t.diversion]!);
    const pipeline = ownPipeline(d);
    pipeline.push(placed);
    const delivered = pipeline.length > t.lag ? pipeline.shift()! : placed; // no lag: this month's orders
    const broken = d.s.relations === 'ruptured' || d.s.relations === 'protecting';
    // Re-exports (re-sold colonial goods) need the trade agencies and fall fast after a break.
    const reExports = f[t.reExports]! + ((broken ? 0.35 : 1) * f[t.baseReExports]! - f[t.reExports]!) * 0.5;
    // Moscow keeps selling for sterling; a break trims sales a little.
    const imports = f[t.baseImports]! * (broken ? 0.95 : 1);
    const cause = 'rule:trade-month';
    setFig(d, t.orders, placed, cause, 'orders placed this month');
    setFig(d, t.exports, delivered, cause, d.rec ? `orders placed ${t.lag} months earlier delivered` : undefined);
    setFig(d, t.reExports, reExports, cause, broken ? 'no trade agencies after the break' : 'ordinary trade');
    setFig(d, t.imports, imports, cause, 'Soviet sales for sterling');
    const balance = imports - delivered - reExports;
    setFig(d, t.balance, balance, cause, 'imports less exports and re-exports');
    series.push({ month, exports: delivered, reExports, imports, balance, orders: placed });
    d.s.month = month;
  }
}
