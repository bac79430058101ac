/** The print layout composer's geometry: every box on the page inside the margins, nothing overlapping, the map's aspect kept. */
import { describe, expect, it } from 'vitest';
import { layoutPrint, PAPER_MM, type Box } from '../../../src/ui/present/export/print-layout';

const overlap = (a: Box, b: Box) => a.x < b.x + b.w - 1e-9 && b.x < a.x + a.w - 1e-9 && a.y < b.y + b.h - 1e-9 && b.y < a.y + a.h - 1e-9;

describe('print layout', () => {
  for (const paper of ['A4', 'A3'] as const) {
    for (const orientation of ['landscape', 'portrait'] as const) {
      for (const [cards, chart, source] of [[true, true, true], [false, false, false], [true, false, true], [false, true, false]] as const) {
        it(`${paper} ${orientation}, cards ${cards}, chart ${chart}, source ${source}`, () => {
          const aspect = 1.6;
          const L = layoutPrint({ paper, orientation, cards, chart, source }, aspect, 7);
          const [a, b] = PAPER_MM[paper];
          expect([L.pageW, L.pageH]).toEqual(orientation === 'portrait' ? [a, b] : [b, a]);
          const boxes: Box[] = [L.title, L.map, ...L.cards, ...(L.chart ? [L.chart] : []), ...(L.source ? [L.source] : [])];
          for (const x of boxes) {
            expect(x.x).toBeGreaterThanOrEqual(10);
            expect(x.y).toBeGreaterThanOrEqual(9);
            expect(x.x + x.w).toBeLessThanOrEqual(L.pageW - 10 + 1e-9);
            expect(x.y + x.h).toBeLessThanOrEqual(L.pageH - 10 + 1e-9);
          }
          for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j]), `${i} × ${j}`).toBe(false);
          expect(L.map.w / L.map.h).toBeCloseTo(aspect, 6);
          expect(L.cards.length).toBe(cards ? 7 : 0);
          expect(L.chart !== null).toBe(chart);
          expect(L.typeScale).toBeCloseTo(paper === 'A3' ? Math.SQRT2 : 1);
          // the map takes the largest share of the page
          expect(L.map.w * L.map.h).toBeGreaterThan(0.25 * L.pageW * L.pageH);
        });
      }
    }
  }
});
