/** Word pools for generated names (小区, 开发单位, 民办幼儿园). All generated; any match with a real name is chance. */
import type { Rng } from './prng';

const OLD_PREFIX = ['钢', '少先', '友谊', '团结', '青年路', '林荫', '前进', '鞍山', '阿尔丁', '市府', '昆工', '沼潭', '民族', '白云'];
const CN_NUM = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1..99 in Chinese numerals (十一, 二十三 …) */
export function cnNumber(n: number): string {
  if (n < 10) return CN_NUM[n];
  const t = Math.floor(n / 10);
  const u = n % 10;
  return `${t === 1 ? '' : CN_NUM[t]}十${CN_NUM[u]}`;
}

const WORDS = [
  '阳光', '富强', '幸福', '和平', '锦绣', '银河', '钢城', '鹿城', '昆仑', '赛音', '敖包', '科技', '文化', '东方', '时代',
  '凯旋', '御景', '建华', '瑞祥', '祥和', '怡景', '佳禾', '春晓', '丽景', '兴胜', '绿洲', '翠园', '金辉', '华源', '天骄',
  '北辰', '嘉禾', '恒泰', '盛世', '光明', '新城', '丰泽', '瑞丰', '松石', '泰和', '颐和', '美岸', '星河', '九号', '阿尔丁',
  '青山', '望园', '景苑', '松竹', '荣华', '万和', '鑫泰', '民馨', '和谐', '巨力', '融丰', '正翔', '龙苑', '明珠', '枫林',
];
const MID_SUFFIX = ['小区', '花园', '新村', '家园', '苑', '园', '嘉园', '公寓'];
const NEW_SUFFIX = ['华府', '名苑', '新城', '公馆', '府', '天地', '国际', '广场', '名邸', '首府', '湾', '学府', '雅居', '壹号院', '城'];

export class NamePool {
  private used = new Set<string>();
  constructor(private rng: Rng) {}

  private unique(make: () => string): string {
    for (let i = 0; i < 200; i++) {
      const n = make();
      if (!this.used.has(n)) {
        this.used.add(n);
        return n;
      }
    }
    throw new Error('name pool exhausted');
  }

  /** 小区 name by era: old 街坊, mid 小区/花园, new 华府/新城 (with 一期/二期 now and then) */
  community(era: 'old' | 'mid' | 'new'): string {
    const r = this.rng;
    if (era === 'old') {
      return this.unique(() =>
        r.chance(0.75) ? `${r.pick(OLD_PREFIX)}${cnNumber(r.int(1, 40))}号街坊` : `${r.pick(OLD_PREFIX)}${r.pick(['街坊', '宿舍区', '小区'])}`,
      );
    }
    if (era === 'mid') return this.unique(() => `${r.pick(WORDS)}${r.pick(MID_SUFFIX)}`);
    return this.unique(() => {
      const base = `${r.pick(WORDS)}${r.pick(NEW_SUFFIX)}`;
      return r.chance(0.2) ? `${base}${r.pick(['一期', '二期', '三期'])}` : base;
    });
  }

  /** a generated developer (开发单位) */
  developer(era: 'old' | 'mid' | 'new'): string | null {
    const r = this.rng;
    if (era === 'old') return r.chance(0.55) ? '包钢房产处' : r.chance(0.6) ? '包头市房产管理局' : null;
    const word = r.pick(WORDS);
    return r.chance(0.8) ? `包头市${word}房地产开发有限公司` : `内蒙古${word}置业有限公司`;
  }

  /** name of a private kindergarten (民办园) */
  kindergarten(): string {
    const r = this.rng;
    return this.unique(() => `${r.pick(KG_WORDS)}${r.pick(KG_SUFFIX)}`);
  }

  /** 配套园 named after its community (阳光华府幼儿园) */
  communityKg(communityStem: string): string {
    const r = this.rng;
    return this.unique(() => (r.chance(0.85) ? `${communityStem}幼儿园` : `${communityStem}${r.pick(['第二', '实验', '双语'])}幼儿园`));
  }

  /** 举办者 of a private kindergarten: a generated company */
  kgOperator(kgName: string): string {
    const word = kgName.replace(/(第二|实验|双语|艺术)?幼儿园$/, '');
    return `包头市${word}${this.rng.pick(['教育服务', '教育咨询', '文化教育', '教育科技'])}有限公司`;
  }

  reserve(name: string): void {
    this.used.add(name);
  }
}

const KG_WORDS = [
  '小天鹅', '金色摇篮', '阳光宝贝', '童心', '蓝天', '启航', '小太阳', '七彩', '育苗', '贝贝', '红苹果', '智慧树',
  '小橡树', '爱心', '好孩子', '星星', '春苗', '快乐岛', '格林', '蒙特梭利', '小百灵', '新世纪', '英才', '金钥匙',
  '博雅', '童趣', '向日葵', '小精灵', '未来星', '彩虹', '宝宝乐', '雏鹰', '思博', '乐贝', '小脚印', '欣欣',
  '金太阳', '小海豚', '花蕾', '童年', '希望', '睿智', '优贝', '晨曦', '苗苗', '嘟嘟', '聪聪', '欢乐谷',
];
const KG_SUFFIX = ['幼儿园', '幼儿园', '幼儿园', '双语幼儿园', '艺术幼儿园', '实验幼儿园'];
