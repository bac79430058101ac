/** Default plan settings, each with its source (shared planning-standards.md). */
import type { ParamSource } from '../types';
import type { PlanSettings } from './plan-types';

/**
 * National births, 万人 (NBS). 2015 is from the NBS 2015 statistical communiqué (not in
 * planning-standards.md: marked unverified); 2025 on is an assumption: flat at 2024.
 */
export const NATIONAL_BIRTHS_10K: Record<number, number> = {
  2015: 1655,
  2016: 1786,
  2017: 1723,
  2018: 1523,
  2019: 1465,
  2020: 1202,
  2021: 1062,
  2022: 956,
  2023: 902,
  2024: 954,
  2025: 954,
  2026: 954,
  2027: 954,
};

/** First year whose births are an assumption, not a published figure. */
export const BIRTHS_ASSUMED_FROM = 2025;

export function defaultPlanSettings(): PlanSettings {
  return {
    baseYear: 2025,
    endYear: 2030,
    openingLagYears: 1,
    newCommunityAfterYear: 2025,
    householdSize: 2.34,
    newBuildCost10kPerClass: 250,
    demand: {
      method: 'births',
      baseBasis: 'births',
      nationalBirths10k: { ...NATIONAL_BIRTHS_10K },
      districtBirths: null,
      streetBirths: null,
      survivalRate: 0.994,
      netMigrationPerYear: 0,
      newCommunityChildShare: null,
      placesPerThousand: 30,
      tuoPerThousand: 4.5,
    },
  };
}

export const PLAN_PARAM_SOURCES: Record<string, ParamSource> = {
  years: { labelZh: '规划期 2026–2030，基准年 2025', sourceZh: '十五五规划期', verified: true },
  openingLagYears: {
    labelZh: '竣工后第 1 年起提供学位',
    sourceZh: '本工具约定：竣工年内完工，次年秋季招生（如包钢十七园 2026–2027 翻建，2028 年起 360 个学位）',
    verified: false,
  },
  nationalBirths10k: {
    labelZh: '全国出生人口（万人）',
    sourceZh: '国家统计局：2016 1786、2017 1723、2018 1523、2019 1465、2020 1202、2021 1062、2022 956、2023 902、2024 954；2015 1655（统计公报，未核实）；2025 年起假设与 2024 年持平',
    verified: false,
  },
  baseBasis: {
    labelZh: '基准年幼儿：由人口数据年份按出生人口推算（可改为直接采用普查数）',
    sourceZh: '本工具约定：2020 年普查的 3–5 岁幼儿生于 2015–2017 年，基准年 2025 年的幼儿生于 2020–2022 年，出生人口已下降约四成',
    verified: false,
  },
  childrenFromBirths: {
    labelZh: 't 年 3–5岁幼儿 ≈ t−3、t−4、t−5 年出生人口之和',
    sourceZh: 'planning-standards.md（需求）',
    verified: true,
  },
  survivalRate: { labelZh: '出生至 3–5岁存活率 0.994', sourceZh: '按 5 岁以下儿童死亡率约 6‰ 估计（未核实）；仅用于本地出生人口绝对数', verified: false },
  netMigrationPerYear: { labelZh: '幼儿净迁移率 0%/年', sourceZh: '本工具默认（无迁移），按本地情况填写', verified: false },
  newCommunityChildShare: { labelZh: '新建小区 3–5岁占比：当年全区预测占比', sourceZh: '本工具约定（可改为固定比例）', verified: false },
  placesPerThousand: { labelZh: '千人指标 30 个学位/千人', sourceZh: '2020 年前后常用（海南 ≈30–36、长春 28、福建 30）；2025 年起高估需求', verified: true },
  tuoPerThousand: { labelZh: '每千人口托位数 4.5', sourceZh: '《"十四五"公共服务规划》2025 年目标', verified: true },
  newBuildCost10kPerClass: {
    labelZh: '新建幼儿园造价 250 万元/班（12 班 3,000 万元）',
    sourceZh: '本工具默认估算（建安与配套，不含土地；约 6,000–7,000 元/㎡ × 每班 350–400㎡），请按本地造价修改（未核实）',
    verified: false,
  },
  householdSize: { labelZh: '户均人口 2.34', sourceZh: '昆都仑区 2020 年人口普查', verified: true },
};
