/**
 * Synthetic input for benchmarks: a population-grid CSV of any size with the
 * Chinese headers planners use (deterministic, no randomness source needed).
 */

/** Headers of generatePopulationCsv, as a planner's file would have them. */
export const POPULATION_CSV_HEADERS = ['网格编号', '经度', '纬度', '网格边长(米)', '常住人口', '0-2岁人数', '3-5岁人数', '统计年份', '街道代码'];

/**
 * A population CSV with `n` data rows (UTF-8 with BOM) around 昆都仑区 (WGS84):
 * 100 m cells on a regular grid, 6-decimal coordinates.
 */
export function generatePopulationCsv(n: number): Uint8Array {
  const lines: string[] = [POPULATION_CSV_HEADERS.join(',')];
  const cols = Math.max(1, Math.ceil(Math.sqrt(n)));
  let seed = 12345;
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let i = 0; i < n; i++) {
    const lon = 109.60 + (i % cols) * 0.0011;
    const lat = 40.57 + Math.floor(i / cols) * 0.0009;
    const residents = Math.floor(rnd() * 300);
    const c02 = Math.floor(residents * 0.03);
    const c35 = Math.floor(residents * 0.035);
    lines.push(`P${i + 1},${lon.toFixed(6)},${lat.toFixed(6)},100,${residents},${c02},${c35},2024,1502030${String(1 + (i % 16)).padStart(2, '0')}`);
  }
  const text = '\uFEFF' + lines.join('\r\n') + '\r\n';
  return new TextEncoder().encode(text);
}
