// The keys of the ARIA tab-list pattern (WAI-ARIA APG, "Tabs with automatic activation"): only the
// selected tab is a Tab stop, and Left/Right (wrapping) and Home/End move to and select another.
// Kept apart from the DOM so the rule is tested in Node.

/** The tab a key moves to from `current`, or null when the key is not one of the tab list's. */
export function tabKeyTarget<T>(tabs: readonly T[], current: T, key: string): T | null {
  const k = tabs.indexOf(current);
  const n = tabs.length;
  if (k < 0 || n === 0) return null;
  switch (key) {
    case 'ArrowRight':
      return tabs[(k + 1) % n]!;
    case 'ArrowLeft':
      return tabs[(k - 1 + n) % n]!;
    case 'Home':
      return tabs[0]!;
    case 'End':
      return tabs[n - 1]!;
    default:
      return null;
  }
}
