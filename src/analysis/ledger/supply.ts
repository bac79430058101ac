/**
 * A 配套园 handed over and opened (公办 / 委托普惠) supplies places from its 开园日期,
 * also when the kindergarten layer has no row for it yet: one kindergarten row per
 * such community, at its centroid, with the classes the ledger (or the rule table)
 * gives × places per class. Communities linked to a kindergarten row are left out —
 * that row already supplies.
 */
import type { Community, Kindergarten } from '../model';
import { applyRuleTable } from '../communities';
import { isLedgerOpen } from '../supply';
import type { SupportingKgRuleTable } from '../types';

export const LEDGER_KG_PREFIX = '配套园-';

export interface LedgerSupply {
  rows: Kindergarten[];
  /** 开园日期 of each row, same order */
  openedOn: string[];
}

/**
 * The kindergartens the ledger opened. `placesPerClass` 30 (GB 50180-2018 class size
 * for mixed ages; editable in the parameters as the plan's class size).
 */
export function ledgerSupply(communities: readonly Community[], kgs: readonly Kindergarten[], ruleTable: SupportingKgRuleTable, placesPerClass = 30): LedgerSupply {
  const linked = new Set<string>();
  const ids = new Set<string>();
  for (const k of kgs) {
    ids.add(k.id);
    if (k.community_id) linked.add(k.community_id);
  }
  const rows: Kindergarten[] = [];
  const openedOn: string[] = [];
  for (const c of communities) {
    const st = c.supporting_kg_status;
    if (!isLedgerOpen(st) || !c.opened_date) continue;
    if (linked.has(c.id) || (c.supporting_kg_id && ids.has(c.supporting_kg_id))) continue;
    const classes = c.supporting_kg_classes ?? applyRuleTable(ruleTable, ruleTable.basis === 'residents' ? c.residents : c.households).classes ?? 0;
    if (!(classes > 0)) continue;
    rows.push({
      id: `${LEDGER_KG_PREFIX}${c.id}`,
      name: `${c.name}配套园`,
      type: st === 'operating_public' ? 'public' : 'inclusive_private',
      lon: c.lon,
      lat: c.lat,
      classes,
      places: classes * placesPerClass,
      // a new 配套园's enrolment is not known: counted as empty (indicators use enrolment)
      enrolled: 0,
      staff_total: Number.NaN,
      teachers: Number.NaN,
      carers: Number.NaN,
      tuo_ban_places: 0,
      land_area_m2: null,
      building_area_m2: null,
      street_code: c.street_code ?? '',
      community_id: c.id,
      status: 'existing',
      operator: c.responsible_unit ?? null,
    });
    openedOn.push(c.opened_date);
  }
  return { rows, openedOn };
}

/** Plan input: every ledger kindergarten, each opening in the year of its 开园日期. */
export function planKindergartens(kgs: Kindergarten[], supply: LedgerSupply): { kindergartens: Kindergarten[]; openings: { id: string; year: number }[] } {
  if (supply.rows.length === 0) return { kindergartens: kgs, openings: [] };
  return {
    kindergartens: kgs.concat(supply.rows),
    openings: supply.rows.map((r, i) => ({ id: r.id, year: Number(supply.openedOn[i].slice(0, 4)) })),
  };
}
