import { describe, expect, it } from 'vitest';
import { filterCandidates } from '../../../src/analysis/siting/build-problem';
import type { SitingAnswer, SitingCandidate, SitingSummary } from '../../../src/analysis/siting/siting-types';
import { render } from '../../../src/i18n';
import { droppedText, statusOf, summaryText } from '../../../src/ui/siting/siting-text';

const CJK = /[\u3400-\u9fff]/;
const cand = (id: string, lon: number, lat: number, areaM2: number | null): SitingCandidate => ({ id, name: `地块${id}`, lon, lat, source: 'plot', areaM2, cost10k: null });

describe('选址 texts', () => {
  const cands = [cand('1', 110, 40.6, 3000), cand('2', NaN, 40.6, 9000), cand('3', 110, 40.6, 6000), cand('4', 110, 40.6, 1234.6)];
  const { dropped } = filterCandidates(cands, 12);

  it('gives the reasons of left-out candidates as the engine words them, in both languages', () => {
    expect(dropped.map((d) => d.id)).toEqual(['1', '2', '4']);
    expect(render('zh', droppedText(dropped[0]))).toBe('地块1：用地 3,000㎡，小于 12 班所需 5,400㎡');
    expect(render('en', droppedText(dropped[0]))).toBe('地块1: plot 3,000 m², below the 5,400 m² of 12 classes');
    expect(render('en', droppedText(dropped[1]))).toBe('地块2: invalid coordinates');
  });

  it('writes the summary as one sentence (three reasons at most)', () => {
    const sum = { childrenTotal: 14106, coveredByExisting: 7568, unreachable: 12, unreachableCells: [1, 2], nCandidates: 815, dropped: [...dropped, { ...dropped[0], id: '5' }] } as unknown as SitingSummary;
    expect(summaryText('zh', sum)).toBe(
      '3–5 岁幼儿 14,106，现有园服务半径内 7,568，任何候选点都达不到 12（2 个网格）；候选点 815 个，剔除 4 个（地块1：用地 3,000㎡，小于 12 班所需 5,400㎡；地块2：坐标无效；地块4：用地 1,235㎡，小于 12 班所需 5,400㎡…）',
    );
    const en = summaryText('en', { ...sum, dropped: [] });
    expect(en).toBe('14,106 children aged 3–5; 7,568 within reach of existing kindergartens; 12 out of reach of any candidate (2 grid cells); 815 candidates');
    expect(en).not.toMatch(CJK);
  });

  it('names the solver status from its numbers', () => {
    const a = { method: 'exact', provedOptimal: false, gap: 0.0123 } as SitingAnswer;
    expect(render('zh', statusOf(a, 60, false))).toBe('达到时间上限 60 秒，与上界差距 1.23%');
    expect(render('en', statusOf({ ...a, provedOptimal: true, gap: 0 }, 60, false))).toBe('proved optimal');
    expect(render('en', statusOf({ ...a, gap: Infinity }, 60, false))).toBe('no feasible solution');
    expect(render('zh', statusOf({ ...a, method: 'heuristic' }, 60, true))).toBe('启发式（贪心 + 交换），正在求精确解…');
  });
});
