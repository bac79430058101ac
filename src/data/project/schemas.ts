/**
 * One schema (valibot) for everything a project keeps besides its layer rows:
 * analysis parameters, the five-year plan (scenarios, settings), the 台账 history and
 * the 汇报 story — used on load (project file, browser copy, scenario file) and on edit.
 * Every number has a range (years 2000–2100, counts, factors > 0); a refusal names the
 * field path in Chinese, e.g. “settings.plan.settings.baseYear（规划基准年）应为 2000–2100 的整数（当前 1e+16）”.
 * Layer rows are checked by the layer schema (coerceRecords), not here.
 */
import * as v from 'valibot';
import { valueFitsField } from '../ledger-values';
import { SUPPORTING_KG_STATUSES, LAYERS } from '../schema';

// ──────────────────────────── building blocks ────────────────────────────

/** A finite number in [min, max] (`gt`: strictly above min; `int`: whole). */
export function range(min: number, max: number, opts: { gt?: boolean; int?: boolean } = {}) {
  const what = opts.int ? '整数' : '数';
  const lo = opts.gt ? `大于 ${min}` : `${min}`;
  const msg = opts.gt ? `应为${lo}、不超过 ${max} 的${what}` : `应为 ${min}–${max} 的${what}`;
  return v.pipe(
    v.number('应为数字'),
    v.check((n) => Number.isFinite(n) && (opts.gt ? n > min : n >= min) && n <= max && (!opts.int || Number.isInteger(n)), msg),
  );
}
const YEAR = range(2000, 2100, { int: true });
const isPlainObject = (x: unknown): boolean => typeof x === 'object' && x !== null && !Array.isArray(x);
/** looseObject that refuses arrays (valibot's accepts any object): unknown keys are kept. */
function obj<const E extends v.ObjectEntries>(entries: E, message = '应为对象') {
  return v.pipe(v.custom<Record<string, unknown>>(isPlainObject, message), v.looseObject(entries, message));
}
const text = (max = 4000) => v.pipe(v.string('应为文本'), v.maxLength(max, `应不超过 ${max} 个字符`));
const bool = v.boolean('应为 true 或 false');
/** A calendar date YYYY-MM-DD that exists (2025-13-45 does not). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}
const DATE = v.pipe(v.string('应为日期文本 YYYY-MM-DD'), v.check(isCalendarDate, '应为存在的日期 YYYY-MM-DD'));
/** year → count (births …): keys 4-digit years 1990–2100, values in [0, max]. */
const yearSeries = (max: number) =>
  v.pipe(
    v.record(v.pipe(v.string(), v.regex(/^\d{4}$/, '的键应为四位年份'), v.check((y) => +y >= 1990 && +y <= 2100, '的年份应在 1990–2100 之间')), range(0, max), '应为“年份 → 人数”的对象'),
  );

// ──────────────────────────── analysis parameters ────────────────────────────

const RULE = obj(
  {
    op: v.picklist(['>=', '>'], '应为 ">=" 或 ">"'),
    min: range(0, 10_000_000),
    classes: range(0, 100, { int: true }),
    sourceZh: v.optional(text(), ''),
  },
  '应为对象',
);

/** settings.params: every field optional (missing ones come from the defaults). */
export const ParamsSchema = v.pipe(
  obj(
    {
      radiusM: v.optional(range(0, 20_000, { gt: true })),
      decay: v.optional(v.picklist(['uniform', 'gaussian'], '应为 uniform 或 gaussian')),
      statusThresholds: v.optional(v.object({ green: range(0, 1000), amber: range(0, 1000) }, '应为对象')),
      ruleTable: v.optional(
        obj(
          {
            id: v.optional(text(80), 'custom'),
            labelZh: v.optional(text(200), '自定义规则'),
            basis: v.picklist(['residents', 'households'], '应为 residents 或 households'),
            rules: v.pipe(v.array(RULE, '应为数组'), v.maxLength(200, '最多 200 条')),
            sourceZh: v.optional(text(), ''),
            verified: v.optional(v.boolean(), false),
          },
          '应为对象',
        ),
      ),
      handoverMonths: v.optional(range(0, 120)),
      asOfDate: v.optional(v.string('应为日期文本 YYYY-MM-DD')),
      escalationOrangeDays: v.optional(range(0, 3650, { gt: true })),
      escalationRedDays: v.optional(range(0, 3650, { gt: true })),
      indicatorThresholds: v.optional(v.record(v.string(), range(0, 1000), '应为对象')),
      nearestMaxM: v.optional(range(0, 200_000)),
      // walking distance (the walking helper's fields; absent = straight line)
      distanceMode: v.optional(v.picklist(['straight', 'walking'], '应为 straight 或 walking')),
      walkSpeedKmh: v.optional(range(0, 20, { gt: true })),
      walkSnapMaxM: v.optional(range(0, 5000)),
    },
    '应为对象',
  ),
  v.forward(
    v.check((p) => !p.statusThresholds || p.statusThresholds.green >= p.statusThresholds.amber, '应满足 绿色下限 ≥ 黄色下限'),
    ['statusThresholds'],
  ),
  v.forward(
    v.check((p) => p.escalationOrangeDays === undefined || p.escalationRedDays === undefined || p.escalationRedDays >= p.escalationOrangeDays, '应 ≥ 橙色天数 escalationOrangeDays'),
    ['escalationRedDays'],
  ),
);

// ──────────────────────────── five-year plan ────────────────────────────

export const DemandSchema = obj(
  {
    method: v.picklist(['births', 'per_thousand'], '应为 births 或 per_thousand'),
    baseBasis: v.picklist(['births', 'census'], '应为 births 或 census'),
    nationalBirths10k: yearSeries(10_000),
    districtBirths: v.nullish(yearSeries(10_000_000)),
    streetBirths: v.nullish(v.record(v.string(), yearSeries(10_000_000), '应为对象')),
    survivalRate: range(0, 1, { gt: true }),
    netMigrationPerYear: range(-0.5, 0.5),
    newCommunityChildShare: v.nullable(range(0, 1)),
    placesPerThousand: range(0, 1000, { gt: true }),
    tuoPerThousand: range(0, 1000),
  },
  '应为对象',
);

/** Plan settings (complete: the caller fills missing fields from the defaults first). */
export const PlanSettingsSchema = v.pipe(
  obj(
    {
      baseYear: YEAR,
      endYear: YEAR,
      openingLagYears: range(0, 10, { int: true }),
      newCommunityAfterYear: YEAR,
      householdSize: range(0, 10, { gt: true }),
      newBuildCost10kPerClass: range(0, 100_000),
      demand: DemandSchema,
    },
    '应为对象',
  ),
  v.forward(
    v.check((s) => s.endYear >= s.baseYear && s.endYear - s.baseYear <= 30, '应在 baseYear 之后 30 年内'),
    ['endYear'],
  ),
);

/** A scenario's outer shape; its projects are plan_projects rows (checked by the layer schema). */
export const ScenarioShapeSchema = obj(
  {
    id: v.pipe(v.string('应为非空文本'), v.minLength(1, '应为非空文本'), v.maxLength(80, '应不超过 80 个字符')),
    name: text(200),
    projects: v.pipe(v.array(v.unknown(), '应为数组'), v.maxLength(100_000, '最多 100000 个项目')),
  },
  '应为对象',
);

export const PersistedPlanShapeSchema = obj(
  {
    scenarios: v.pipe(v.array(v.unknown(), '应为数组'), v.maxLength(200, '最多 200 个方案')),
    currentScenarioId: v.optional(v.string('应为文本')),
    settings: v.optional(v.unknown()),
    year: v.optional(YEAR),
    open: v.optional(bool),
  },
  '应为对象',
);

// ──────────────────────────── 汇报 story ────────────────────────────

const SCREEN = obj(
  {
    id: v.pipe(v.string('应为文本'), v.minLength(1, '应为文本'), v.maxLength(80, '应不超过 80 个字符')),
    kind: v.picklist(['status', 'problems', 'plan', 'target'], '应为 status / problems / plan / target'),
    title: v.pipe(v.string('应为文本'), v.transform((s) => s.slice(0, 120))),
    hidden: v.optional(v.boolean(), false),
    view: obj(
      {
        center: v.nullable(v.tuple([range(-180, 180), range(-90, 90)], '应为 [经度, 纬度] 或 null')),
        zoom: v.nullable(range(0, 24)),
        layers: v.record(v.string(), bool, '应为对象'),
        year: v.nullable(YEAR),
        scenarioId: v.nullable(v.string('应为文本或 null')),
      },
      '应为对象',
    ),
    notes: v.optional(v.pipe(v.string(), v.transform((s) => s.slice(0, 4000))), ''),
  },
  '应为对象',
);

export const PresentSchema = v.pipe(
  obj({ screens: v.pipe(v.array(SCREEN, '应为数组'), v.maxLength(100, '最多 100 页')) }, '应为对象'),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const seen = new Set<string>();
    dataset.value.screens.forEach((s, k) => {
      if (seen.has(s.id)) addIssue({ message: `重复（${s.id}）`, path: [{ type: 'object', origin: 'value', input: dataset.value, key: 'screens', value: dataset.value.screens }, { type: 'array', origin: 'value', input: dataset.value.screens, key: k, value: s }, { type: 'object', origin: 'value', input: s, key: 'id', value: s.id }] });
      seen.add(s.id);
    });
  }),
);

// ──────────────────────────── 台账 history ────────────────────────────

const FIELD_NAMES = LAYERS.communities.fields.map((f) => f.name).filter((f) => f !== 'geometry');
const SCALAR = v.union([v.null(), v.string(), v.boolean(), range(-1e15, 1e15)], '应为文本、数字、是否或空');
const STATUS_OR_NULL = v.nullable(v.picklist(SUPPORTING_KG_STATUSES as unknown as string[], '不是有效的配套园状态'));

/** One schema per column of the history (packed form: checked once per distinct value). */
export const LEDGER_FIELD_SCHEMAS = {
  community_id: v.pipe(v.string('应为小区编号'), v.minLength(1, '缺少小区编号')),
  field: v.picklist(FIELD_NAMES, '不是小区图层的字段'),
  from: SCALAR,
  to: SCALAR,
  date: DATE,
  at: v.string('应为记录时间'),
  by: v.string('应为记录人'),
  note: v.nullable(v.string('应为文本或空')),
  source: v.picklist(['edit', 'import', 'undo'], '应为 edit / import / undo'),
} as const;

export const LedgerEventSchema = v.pipe(
  obj(
    {
      seq: range(0, Number.MAX_SAFE_INTEGER, { int: true }),
      change: range(0, Number.MAX_SAFE_INTEGER, { int: true }),
      ...LEDGER_FIELD_SCHEMAS,
      undoes: v.nullable(range(0, Number.MAX_SAFE_INTEGER, { int: true })),
    },
    '应为对象',
  ),
  v.forward(v.check((e) => e.field !== 'supporting_kg_status' || v.is(STATUS_OR_NULL, e.from), '不是有效的配套园状态'), ['from']),
  v.forward(v.check((e) => e.field !== 'supporting_kg_status' || v.is(STATUS_OR_NULL, e.to), '不是有效的配套园状态'), ['to']),
  // every value fits its field (type, range, a real date): an undo can only write valid values
  v.forward(v.check((e) => e.from === null || valueFitsField(e.field, e.from), '不是该字段的有效值'), ['from']),
  v.forward(v.check((e) => e.to === null || valueFitsField(e.field, e.to), '不是该字段的有效值'), ['to']),
);


export const LedgerEventsSchema = v.pipe(
  v.array(LedgerEventSchema, '应为数组'),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const ev = dataset.value;
    for (let k = 1; k < ev.length; k++) {
      if (ev[k].seq <= ev[k - 1].seq) {
        addIssue({ message: '序号应递增', path: [{ type: 'array', origin: 'value', input: ev, key: k, value: ev[k] }, { type: 'object', origin: 'value', input: ev[k], key: 'seq', value: ev[k].seq }] });
        return;
      }
    }
  }),
);

// ──────────────────────────── settings (the whole) ────────────────────────────

const FEATURE_COLLECTION = obj(
  {
    type: v.literal('FeatureCollection', '应为 GeoJSON FeatureCollection'),
    features: v.array(obj({ geometry: obj({ coordinates: v.array(v.unknown(), '无效') }, '无效') }, '无效'), '应为 GeoJSON FeatureCollection'),
  },
  '应为 GeoJSON FeatureCollection',
);

/** The outer shape of a project's settings; sections validated in depth by their own schemas above. */
export const SettingsSchema = obj(
  {
    params: v.optional(ParamsSchema),
    visible: v.optional(v.record(v.string(), bool, '应为对象')),
    meta: v.nullish(obj({ name: v.optional(v.string('应为文本')), generated: v.optional(v.array(v.string('应为文本'), '应为文本数组')) }, '应为对象')),
    district: v.nullish(FEATURE_COLLECTION),
    plan: v.nullish(PersistedPlanShapeSchema),
    // events: an array (files) or columns (the browser copy); checked in depth by checkLedgerEvents
    ledger: v.nullish(obj({ events: v.nullish(v.unknown()) }, '应为对象')),
    present: v.nullish(v.unknown()),
  },
  '应为对象',
);

// ──────────────────────────── messages ────────────────────────────

/** Chinese names of fields, shown beside the path. */
const LABELS: Record<string, string> = {
  radiusM: '服务半径（米）',
  handoverMonths: '移交期限（月）',
  escalationOrangeDays: '逾期橙色天数',
  escalationRedDays: '逾期红色天数',
  nearestMaxM: '最近幼儿园搜索上限（米）',
  walkSpeedKmh: '步行速度（km/h）',
  walkSnapMaxM: '路网接入距离上限（米）',
  baseYear: '规划基准年',
  endYear: '规划末年',
  openingLagYears: '竣工后提供学位的年数',
  newCommunityAfterYear: '新增小区起算年',
  householdSize: '户均人口',
  newBuildCost10kPerClass: '新建每班造价（万元）',
  survivalRate: '存活率',
  netMigrationPerYear: '幼儿年净迁移率',
  newCommunityChildShare: '新小区幼儿占比',
  placesPerThousand: '千人学位指标',
  tuoPerThousand: '千人托位指标',
  zoom: '地图缩放级别',
  year: '年份',
  seq: '序号',
  date: '日期',
};

/** `settings.plan.scenarios[0].id` from a valibot issue path. */
export function issuePath(root: string, issue: v.BaseIssue<unknown>): string {
  let out = root;
  for (const item of issue.path ?? []) {
    const key = item.key as string | number;
    out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  }
  return out;
}

function shown(x: unknown): string {
  if (typeof x === 'number') return String(x);
  if (typeof x === 'string') return `“${x.length > 40 ? `${x.slice(0, 40)}…` : x}”`;
  if (x === undefined) return '缺失';
  try {
    const s = JSON.stringify(x);
    return s.length > 40 ? `${s.slice(0, 40)}…` : s;
  } catch {
    return typeof x;
  }
}

/** The first issue as one Chinese sentence naming the field path (and its Chinese name). */
export function describeIssue(root: string, issue: v.BaseIssue<unknown>): string {
  const path = issuePath(root, issue);
  const last = issue.path?.length ? issue.path.at(-1)?.key : root.split('.').at(-1);
  const label = typeof last === 'string' && LABELS[last] ? `（${LABELS[last]}）` : ' ';
  const x = issue.input;
  const now = x === null || ['number', 'string', 'boolean'].includes(typeof x) ? `（当前 ${shown(x)}）` : '';
  const message = /^[\x20-\x7e]/.test(issue.message) ? `无效：${issue.message}` : issue.message;
  return `${path}${label}${message}${now}`;
}

/** Validate `raw` against `schema`: the output, or the first problem in Chinese with the path under `root`. */
export function validate<S extends v.GenericSchema>(schema: S, raw: unknown, root: string): { value: v.InferOutput<S> } | { error: string } {
  const r = v.safeParse(schema, raw, { abortEarly: true });
  if (r.success) return { value: r.output };
  return { error: describeIssue(root, r.issues[0]) };
}
