/**
 * One schema (valibot) for everything a project keeps besides its layer rows:
 * analysis parameters, the five-year plan (scenarios, settings), the 台账 history and
 * the 汇报 story — used on load (project file, browser copy, scenario file) and on edit.
 * Every number has a range (years 2000–2100, counts, factors > 0); a refusal names the
 * field path (a catalogue message), e.g. “settings.plan.settings.baseYear（规划基准年）应为 2000–2100 的整数（当前 1e+16）”.
 * Layer rows are checked by the layer schema (coerceRecords), not here.
 */
import * as v from 'valibot';
import { isMessageKey, m, type Message, type MessageKey, type MessageValue } from '../../i18n';
import { valueFitsField } from '../ledger-values';
import { SUPPORTING_KG_STATUSES, LAYERS } from '../schema';

// ──────────────────────────── building blocks ────────────────────────────

/** A valibot message carrying a catalogue message (valibot messages are strings: the Message as JSON, decoded by describeIssue). */
const k = (key: MessageKey, values?: Record<string, string | number>): string => JSON.stringify(m(key, values));

/** The Message of a valibot issue message made by `k`; valibot's own (English) messages are wrapped. */
function messageOf(text: string): Message {
  try {
    const x = JSON.parse(text) as Message;
    if (x && typeof x.key === 'string' && isMessageKey(x.key)) return x;
  } catch {
    // not one of ours
  }
  return m('data.schema.invalid', { message: text });
}

/** A finite number in [min, max] (`gt`: strictly above min; `int`: whole). */
export function range(min: number, max: number, opts: { gt?: boolean; int?: boolean } = {}) {
  const msg = k(opts.gt ? (opts.int ? 'data.schema.aboveInt' : 'data.schema.above') : opts.int ? 'data.schema.rangeInt' : 'data.schema.range', { min, max });
  return v.pipe(
    v.number(k('data.schema.number')),
    v.check((n) => Number.isFinite(n) && (opts.gt ? n > min : n >= min) && n <= max && (!opts.int || Number.isInteger(n)), msg),
  );
}
const YEAR = range(2000, 2100, { int: true });
const isPlainObject = (x: unknown): boolean => typeof x === 'object' && x !== null && !Array.isArray(x);
/** looseObject that refuses arrays (valibot's accepts any object): unknown keys are kept. */
function obj<const E extends v.ObjectEntries>(entries: E, message = k('data.schema.object')) {
  return v.pipe(v.custom<Record<string, unknown>>(isPlainObject, message), v.looseObject(entries, message));
}
const text = (max = 4000) => v.pipe(v.string(k('data.schema.text')), v.maxLength(max, k('data.schema.maxChars', { max })));
const bool = v.boolean(k('data.schema.bool'));
/** A calendar date YYYY-MM-DD that exists (2025-13-45 does not). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}
const DATE = v.pipe(v.string(k('data.schema.dateText')), v.check(isCalendarDate, k('data.schema.realDate')));
/** year → count (births …): keys 4-digit years 1990–2100, values in [0, max]. */
const yearSeries = (max: number) =>
  v.pipe(
    v.record(v.pipe(v.string(), v.regex(/^\d{4}$/, k('data.schema.yearKey')), v.check((y) => +y >= 1990 && +y <= 2100, k('data.schema.yearKeyRange'))), range(0, max), k('data.schema.yearSeries')),
  );

// ──────────────────────────── analysis parameters ────────────────────────────

const RULE = obj(
  {
    op: v.picklist(['>=', '>'], k('data.schema.op')),
    min: range(0, 10_000_000),
    classes: range(0, 100, { int: true }),
    sourceZh: v.optional(text(), ''),
  },
  k('data.schema.object'),
);

/** settings.params: every field optional (missing ones come from the defaults). */
export const ParamsSchema = v.pipe(
  obj(
    {
      radiusM: v.optional(range(0, 20_000, { gt: true })),
      decay: v.optional(v.picklist(['uniform', 'gaussian'], k('data.schema.decay'))),
      statusThresholds: v.optional(v.object({ green: range(0, 1000), amber: range(0, 1000) }, k('data.schema.object'))),
      ruleTable: v.optional(
        obj(
          {
            id: v.optional(text(80), 'custom'),
            labelZh: v.optional(text(200), '自定义规则'),
            basis: v.picklist(['residents', 'households'], k('data.schema.basis')),
            rules: v.pipe(v.array(RULE, k('data.schema.array')), v.maxLength(200, k('data.schema.max200Rules'))),
            sourceZh: v.optional(text(), ''),
            verified: v.optional(v.boolean(), false),
          },
          k('data.schema.object'),
        ),
      ),
      handoverMonths: v.optional(range(0, 120)),
      asOfDate: v.optional(v.string(k('data.schema.dateText'))),
      escalationOrangeDays: v.optional(range(0, 3650, { gt: true })),
      escalationRedDays: v.optional(range(0, 3650, { gt: true })),
      indicatorThresholds: v.optional(v.record(v.string(), range(0, 1000), k('data.schema.object'))),
      nearestMaxM: v.optional(range(0, 200_000)),
      // walking distance (the walking helper's fields; absent = straight line)
      distanceMode: v.optional(v.picklist(['straight', 'walking'], k('data.schema.distanceMode'))),
      walkSpeedKmh: v.optional(range(0, 20, { gt: true })),
      walkSnapMaxM: v.optional(range(0, 5000)),
    },
    k('data.schema.object'),
  ),
  v.forward(
    v.check((p) => !p.statusThresholds || p.statusThresholds.green >= p.statusThresholds.amber, k('data.schema.greenAmber')),
    ['statusThresholds'],
  ),
  v.forward(
    v.check((p) => p.escalationOrangeDays === undefined || p.escalationRedDays === undefined || p.escalationRedDays >= p.escalationOrangeDays, k('data.schema.redAfterOrange')),
    ['escalationRedDays'],
  ),
);

// ──────────────────────────── five-year plan ────────────────────────────

export const DemandSchema = obj(
  {
    method: v.picklist(['births', 'per_thousand'], k('data.schema.method')),
    baseBasis: v.picklist(['births', 'census'], k('data.schema.baseBasis')),
    nationalBirths10k: yearSeries(10_000),
    districtBirths: v.nullish(yearSeries(10_000_000)),
    streetBirths: v.nullish(v.record(v.string(), yearSeries(10_000_000), k('data.schema.object'))),
    survivalRate: range(0, 1, { gt: true }),
    netMigrationPerYear: range(-0.5, 0.5),
    newCommunityChildShare: v.nullable(range(0, 1)),
    placesPerThousand: range(0, 1000, { gt: true }),
    tuoPerThousand: range(0, 1000),
  },
  k('data.schema.object'),
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
    k('data.schema.object'),
  ),
  v.forward(
    v.check((s) => s.endYear >= s.baseYear && s.endYear - s.baseYear <= 30, k('data.schema.endYear')),
    ['endYear'],
  ),
);

/** A scenario's outer shape; its projects are plan_projects rows (checked by the layer schema). */
export const ScenarioShapeSchema = obj(
  {
    id: v.pipe(v.string(k('data.schema.nonEmptyText')), v.minLength(1, k('data.schema.nonEmptyText')), v.maxLength(80, k('data.schema.maxChars', { max: 80 }))),
    name: text(200),
    projects: v.pipe(v.array(v.unknown(), k('data.schema.array')), v.maxLength(100_000, k('data.schema.max100000Projects'))),
  },
  k('data.schema.object'),
);

export const PersistedPlanShapeSchema = obj(
  {
    scenarios: v.pipe(v.array(v.unknown(), k('data.schema.array')), v.maxLength(200, k('data.schema.max200Scenarios'))),
    currentScenarioId: v.optional(v.string(k('data.schema.text'))),
    settings: v.optional(v.unknown()),
    year: v.optional(YEAR),
    open: v.optional(bool),
  },
  k('data.schema.object'),
);

// ──────────────────────────── 汇报 story ────────────────────────────

const SCREEN = obj(
  {
    id: v.pipe(v.string(k('data.schema.text')), v.minLength(1, k('data.schema.text')), v.maxLength(80, k('data.schema.maxChars', { max: 80 }))),
    kind: v.picklist(['status', 'problems', 'plan', 'target'], k('data.schema.screenKind')),
    title: v.pipe(v.string(k('data.schema.text')), v.transform((s) => s.slice(0, 120))),
    hidden: v.optional(v.boolean(), false),
    view: obj(
      {
        center: v.nullable(v.tuple([range(-180, 180), range(-90, 90)], k('data.schema.center'))),
        zoom: v.nullable(range(0, 24)),
        layers: v.record(v.string(), bool, k('data.schema.object')),
        year: v.nullable(YEAR),
        scenarioId: v.nullable(v.string(k('data.schema.textOrNull'))),
      },
      k('data.schema.object'),
    ),
    notes: v.optional(v.pipe(v.string(), v.transform((s) => s.slice(0, 4000))), ''),
  },
  k('data.schema.object'),
);

export const PresentSchema = v.pipe(
  obj({ screens: v.pipe(v.array(SCREEN, k('data.schema.array')), v.maxLength(100, k('data.schema.max100Screens'))) }, k('data.schema.object')),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const seen = new Set<string>();
    dataset.value.screens.forEach((s, i) => {
      if (seen.has(s.id)) addIssue({ message: k('data.schema.duplicate', { id: s.id }), path: [{ type: 'object', origin: 'value', input: dataset.value, key: 'screens', value: dataset.value.screens }, { type: 'array', origin: 'value', input: dataset.value.screens, key: i, value: s }, { type: 'object', origin: 'value', input: s, key: 'id', value: s.id }] });
      seen.add(s.id);
    });
  }),
);

// ──────────────────────────── 台账 history ────────────────────────────

const FIELD_NAMES = LAYERS.communities.fields.map((f) => f.name).filter((f) => f !== 'geometry');
const SCALAR = v.union([v.null(), v.string(), v.boolean(), range(-1e15, 1e15)], k('data.schema.scalar'));
const STATUS_OR_NULL = v.nullable(v.picklist(SUPPORTING_KG_STATUSES as unknown as string[], k('data.schema.status')));

/** One schema per column of the history (packed form: checked once per distinct value). */
export const LEDGER_FIELD_SCHEMAS = {
  community_id: v.pipe(v.string(k('data.schema.communityId')), v.minLength(1, k('data.schema.noCommunityId'))),
  field: v.picklist(FIELD_NAMES, k('data.schema.notCommunityField')),
  from: SCALAR,
  to: SCALAR,
  date: DATE,
  at: v.string(k('data.schema.recordTime')),
  by: v.string(k('data.schema.recordBy')),
  note: v.nullable(v.string(k('data.schema.textOrEmpty'))),
  source: v.picklist(['edit', 'import', 'undo'], k('data.schema.source')),
} as const;

export const LedgerEventSchema = v.pipe(
  obj(
    {
      seq: range(0, Number.MAX_SAFE_INTEGER, { int: true }),
      change: range(0, Number.MAX_SAFE_INTEGER, { int: true }),
      ...LEDGER_FIELD_SCHEMAS,
      undoes: v.nullable(range(0, Number.MAX_SAFE_INTEGER, { int: true })),
    },
    k('data.schema.object'),
  ),
  v.forward(v.check((e) => e.field !== 'supporting_kg_status' || v.is(STATUS_OR_NULL, e.from), k('data.schema.status')), ['from']),
  v.forward(v.check((e) => e.field !== 'supporting_kg_status' || v.is(STATUS_OR_NULL, e.to), k('data.schema.status')), ['to']),
  // every value fits its field (type, range, a real date): an undo can only write valid values
  v.forward(v.check((e) => e.from === null || valueFitsField(e.field, e.from), k('data.schema.fieldValue')), ['from']),
  v.forward(v.check((e) => e.to === null || valueFitsField(e.field, e.to), k('data.schema.fieldValue')), ['to']),
);


export const LedgerEventsSchema = v.pipe(
  v.array(LedgerEventSchema, k('data.schema.array')),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const ev = dataset.value;
    for (let i = 1; i < ev.length; i++) {
      if (ev[i].seq <= ev[i - 1].seq) {
        addIssue({ message: k('data.schema.seqIncreasing'), path: [{ type: 'array', origin: 'value', input: ev, key: i, value: ev[i] }, { type: 'object', origin: 'value', input: ev[i], key: 'seq', value: ev[i].seq }] });
        return;
      }
    }
  }),
);

// ──────────────────────────── settings (the whole) ────────────────────────────

const FEATURE_COLLECTION = obj(
  {
    type: v.literal('FeatureCollection', k('data.schema.featureCollection')),
    features: v.array(obj({ geometry: obj({ coordinates: v.array(v.unknown(), k('data.schema.invalidShort')) }, k('data.schema.invalidShort')) }, k('data.schema.invalidShort')), k('data.schema.featureCollection')),
  },
  k('data.schema.featureCollection'),
);

/** The outer shape of a project's settings; sections validated in depth by their own schemas above. */
export const SettingsSchema = obj(
  {
    params: v.optional(ParamsSchema),
    visible: v.optional(v.record(v.string(), bool, k('data.schema.object'))),
    meta: v.nullish(obj({ name: v.optional(v.string(k('data.schema.text'))), generated: v.optional(v.array(v.string(k('data.schema.text')), k('data.schema.textArray'))) }, k('data.schema.object'))),
    district: v.nullish(FEATURE_COLLECTION),
    plan: v.nullish(PersistedPlanShapeSchema),
    // events: an array (files) or columns (the browser copy); checked in depth by checkLedgerEvents
    ledger: v.nullish(obj({ events: v.nullish(v.unknown()) }, k('data.schema.object'))),
    present: v.nullish(v.unknown()),
  },
  k('data.schema.object'),
);

// ──────────────────────────── messages ────────────────────────────

/** Fields named beside the path (catalogue keys `data.schema.label.<field>`). */
const labelOf = (field: unknown): Message | null => {
  const key = `data.schema.label.${String(field)}`;
  return typeof field === 'string' && isMessageKey(key) ? m(key) : null;
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

function shown(x: unknown): MessageValue {
  if (typeof x === 'number') return String(x);
  if (typeof x === 'string') return m('data.schema.quoted', { text: x.length > 40 ? `${x.slice(0, 40)}…` : x });
  if (x === undefined) return m('data.schema.missingValue');
  try {
    const s = JSON.stringify(x);
    return s.length > 40 ? `${s.slice(0, 40)}…` : s;
  } catch {
    return typeof x;
  }
}

/** The first issue as one message naming the field path (and the field's name). */
export function describeIssue(root: string, issue: v.BaseIssue<unknown>): Message {
  const path = issuePath(root, issue);
  const last = issue.path?.length ? issue.path.at(-1)?.key : root.split('.').at(-1);
  const name = labelOf(last);
  const x = issue.input;
  const now = x === null || ['number', 'string', 'boolean'].includes(typeof x) ? m('data.schema.now', { value: shown(x) }) : '';
  return m('data.schema.issue', { path, label: name ? m('data.schema.withLabel', { label: name }) : ' ', message: messageOf(issue.message), now });
}

/** Validate `raw` against `schema`: the output, or the first problem as a message with the path under `root`. */
export function validate<S extends v.GenericSchema>(schema: S, raw: unknown, root: string): { value: v.InferOutput<S> } | { error: Message } {
  const r = v.safeParse(schema, raw, { abortEarly: true });
  if (r.success) return { value: r.output };
  return { error: describeIssue(root, r.issues[0]) };
}
