/**
 * A table column's filter text: for numeric columns a comparison (">0", ">= 30",
 * "<10", "=5") or a range ("10-20", "10~20"); otherwise (and for text columns) the
 * cell's text must contain it.
 */
export function matchesFilter(value: string | number | null, filter: string, numeric: boolean): boolean {
  const f = filter.trim();
  if (!f) return true;
  if (numeric) {
    const cmp = /^(>=|<=|>|<|=|≥|≤)\s*(-?\d+(?:\.\d+)?)$/.exec(f);
    const range = /^(-?\d+(?:\.\d+)?)\s*[-~～]\s*(-?\d+(?:\.\d+)?)$/.exec(f);
    if (cmp || range) {
      if (value === null || value === '' || !Number.isFinite(Number(value))) return false;
      const v = Number(value);
      if (range) return v >= Number(range[1]) && v <= Number(range[2]);
      const n = Number(cmp![2]);
      switch (cmp![1]) {
        case '>':
          return v > n;
        case '<':
          return v < n;
        case '>=':
        case '≥':
          return v >= n;
        case '<=':
        case '≤':
          return v <= n;
        default:
          return v === n;
      }
    }
  }
  return String(value ?? '').includes(f);
}
