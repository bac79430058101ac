import { lazy, Suspense, useState } from 'react';
import { exportTableCsv } from '../../data/export/csv';
import { downloadBytes, MIME } from '../../data/export/download';
import { usePlanView } from './use-plan-view';
import { formatInt, formatPct } from '../format';
import { describeBasis, msg, msgOf } from '../messages';
import { planYearTable, toTsv } from './plan-table-rows';

const PlanChart = lazy(() => import('./PlanChart'));

/** 逐年供需: the chart 2025–2030, the year table (copyable, exportable), and the 街道 rows of the shown year. */
export function PlanYearView() {
  const { lang, zh, plan, scenario, year, stale } = usePlanView();
  const [copied, setCopied] = useState(false);
  if (!plan) return <p className="hint">{zh ? '正在计算规划年份…' : 'Computing the plan years…'}</p>;
  const { headers, rows } = planYearTable(plan, lang);
  const cur = plan.years.find((y) => y.year === year);
  const methodNote = zh
    ? `${describeBasis(lang, plan, plan.settings.baseYear)} → ${plan.settings.endYear} 年（预测）。需求采用：${msg(lang, `method.${plan.settings.demand.method}`)}；两种方法并列显示。基准年 3–5岁幼儿：按出生推算 ${formatInt(plan.baseChildrenBirths)} 人、${plan.dataYear} 年普查口径 ${formatInt(plan.censusChildren)} 人（采用${plan.demandBasis === 'census' ? '普查口径' : '出生推算'}）。基准年在园为实际数，基准毛入园率 ${formatPct(plan.baseGrossRate)}；规划年在园 = min(学位, 3–5岁幼儿 × 基准毛入园率)，按各园基准年满园程度分配。`
    : `Demand used: ${msg(lang, `method.${plan.settings.demand.method}`)}; both methods shown. ${describeBasis(lang, plan, plan.settings.baseYear)}; base gross enrolment ${formatPct(plan.baseGrossRate)}.`;
  return (
    <div className={stale ? 'plan-years stale' : 'plan-years'} data-testid="plan-years">
      <div className="plan-chart-wrap">
        <Suspense fallback={<div className="plan-chart" />}>
          <PlanChart plan={plan} lang={lang} year={year} />
        </Suspense>
      </div>
      <div className="table-wrap">
        <div className="table-tools">
          <strong>{scenario?.name}</strong>
          <button
            type="button"
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(toTsv(headers, rows));
                setCopied(true);
                setTimeout(() => setCopied(false), 1500);
              } catch {
                setCopied(false);
              }
            }}
          >
            {copied ? (zh ? '已复制' : 'Copied') : zh ? '复制表格' : 'Copy table'}
          </button>
          <button type="button" onClick={() => downloadBytes(`${scenario?.name ?? '方案'}-逐年供需.csv`, exportTableCsv(headers, rows), MIME.csv)}>
            {zh ? '导出 CSV' : 'Export CSV'}
          </button>
          <span className="hint">{methodNote}</span>
        </div>
        <table className="ledger compact" data-testid="plan-year-table">
          <thead>
            <tr>
              {headers.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r[0]} className={r[0] === year ? 'selected' : ''} data-year={r[0]}>
                {r.map((c, k) => (
                  <td key={k} className={typeof c === 'number' ? 'num' : ''}>
                    {typeof c === 'number' && k > 0 ? formatInt(c) : c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {cur ? (
          <>
            <h4>
              {year} {zh ? '年各街道' : 'by sub-district'}
            </h4>
            <table className="ledger compact" data-testid="plan-street-table">
              <thead>
                <tr>
                  <th>{zh ? '街道' : 'Sub-district'}</th>
                  <th>{zh ? '学位' : 'Places'}</th>
                  <th>{zh ? '3–5岁幼儿（出生推算）' : 'Children (births)'}</th>
                  <th>{zh ? '千人指标需求' : 'Per 1,000'}</th>
                  <th>{zh ? '缺口' : 'Gap'}</th>
                  <th>{zh ? '覆盖率' : 'Covered'}</th>
                  <th>{zh ? '托位 / 需求' : 'Infant care / need'}</th>
                </tr>
              </thead>
              <tbody>
                {cur.streets.map((s) => (
                  <tr key={s.code || '_'} className={s.gap > 0 ? 'short' : ''}>
                    <td>{s.nameZh}</td>
                    <td className="num">{formatInt(s.places)}</td>
                    <td className="num">{formatInt(s.childrenBirths)}</td>
                    <td className="num">{formatInt(s.demandPerThousand)}</td>
                    <td className={s.gap > 0 ? 'num bad' : 'num'}>{formatInt(s.gap)}</td>
                    <td className="num">{formatPct(s.coveredShare)}</td>
                    <td className={s.tuoPlaces < s.tuoNeed ? 'num bad' : 'num'}>
                      {formatInt(s.tuoPlaces)} / {formatInt(s.tuoNeed)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
        {plan.messages.length ? (
          <ul className="warnings">
            {plan.messages.map((m, k) => (
              <li key={k}>{msgOf(lang, m)}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
