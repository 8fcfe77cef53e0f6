// The desk's tab list answers the arrow keys, Home and End (src/ui/dom/tabList.ts).
import { describe, expect, it } from 'vitest';
import { tabKeyTarget } from '../../src/ui/dom/tabList';

const TABS = ['orders', 'notes', 'reports', 'goals'] as const;

describe('tabKeyTarget', () => {
  it('moves right and left, wrapping at the ends', () => {
    expect(tabKeyTarget(TABS, 'orders', 'ArrowRight')).toBe('notes');
    expect(tabKeyTarget(TABS, 'goals', 'ArrowRight')).toBe('orders');
    expect(tabKeyTarget(TABS, 'notes', 'ArrowLeft')).toBe('orders');
    expect(tabKeyTarget(TABS, 'orders', 'ArrowLeft')).toBe('goals');
  });

  it('goes to the first and last with Home and End', () => {
    expect(tabKeyTarget(TABS, 'reports', 'Home')).toBe('orders');
    expect(tabKeyTarget(TABS, 'notes', 'End')).toBe('goals');
  });

  it('leaves every other key alone', () => {
    for (const key of ['ArrowUp', 'ArrowDown', 'Tab', 'Enter', 'o', ' ']) expect(tabKeyTarget(TABS, 'notes', key)).toBeNull();
  });
});
