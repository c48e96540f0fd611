/**
 * Invented parties for the demo: enterprise owners with well-formed unified social credit codes
 * (GB 32100-2015, check characters computed), state-owned companies, patron leaders, villages.
 * Any likeness to a real company or person is accidental.
 */
import type { Rng } from './random.ts';
import { CHAIN_OWNER_WORDS } from './catalogue-industry.ts';
import type { ProjectTemplate } from './templates.ts';

const BRAND_FIRST = [
  '恒',
  '华',
  '金',
  '瑞',
  '天',
  '鑫',
  '嘉',
  '宏',
  '永',
  '润',
  '博',
  '泰',
  '盛',
  '德',
  '佳',
  '凯',
  '昌',
  '锦',
  '飞',
  '康',
  '源',
  '诚',
  '顺',
  '亿',
  '兴',
  '立',
  '晨',
  '越',
  '宇',
  '欣',
];
const BRAND_SECOND = [
  '丰',
  '宇',
  '瑞',
  '森',
  '达',
  '联',
  '力',
  '业',
  '通',
  '邦',
  '源',
  '辉',
  '铭',
  '科',
  '晟',
  '翔',
  '利',
  '美',
  '创',
  '信',
  '隆',
  '峰',
  '弘',
  '豪',
];

export const VILLAGES = [
  '下陈',
  '芝堰',
  '社峰',
  '长乐',
  '渡渎',
  '姚村',
  '岩头',
  '塘里',
  '新宅',
  '后郑',
  '杨塘',
  '洪塘',
  '桐山',
  '溪口',
  '里王',
  '前徐',
  '上唐',
];

const SURNAMES = ['张', '王', '李', '陈', '刘', '周', '吴', '徐', '胡', '朱', '方', '叶', '倪', '童', '邵', '汪'];
const LEADER_TITLES = ['书记', '市长', '常务副市长', '副市长', '副市长', '副市长', '副市长', '副市长'];

/** Characters of the unified social credit code (digits and capitals without I, O, S, V, Z). */
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The 9th character of an organisation code (GB 11714) from its first eight. */
function orgCheck(body: string): string {
  const sum = [...body].reduce(
    (s, ch, i) => s + (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55) * ORG_WEIGHTS[i]!,
    0,
  );
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** The 18th character of a unified social credit code from its first seventeen. */
export function creditCheck(first17: string): string {
  const sum = [...first17].reduce((s, ch, i) => s + CREDIT_CHARS.indexOf(ch) * CREDIT_WEIGHTS[i]!, 0);
  return CREDIT_CHARS[(31 - (sum % 31)) % 31]!;
}

/** True when the code has the shape and both check characters of a unified social credit code. */
export function isCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return orgCheck(code.slice(8, 16)) === code[16] && creditCheck(code.slice(0, 17)) === code[17];
}

/** An enterprise (91 = registered by market regulation, enterprise) in region 330781. */
export function makeCreditCode(rng: Rng): string {
  const chars = (n: number, from: string) => Array.from({ length: n }, () => rng.pick([...from])).join('');
  const body = rng.chance(0.6)
    ? `MA${rng.int(2, 9)}${chars(5, '0123456789ABCDEFGHJKLMNPQRTUWXY')}`
    : `${rng.pick(['1', '7'])}${chars(7, '0123456789')}`;
  const first17 = `91330781${body}${orgCheck(body)}`;
  return first17 + creditCheck(first17);
}

export interface Owner {
  name: string;
  creditCode: string | null;
  /** Brand plus trade word, as a project name may start ("恒丰纺织"). */
  shortName: string;
}

/** A new invented enterprise for an industrial template. */
export function makeEnterprise(rng: Rng, template: ProjectTemplate): Owner {
  const words = template.ownerWords ?? CHAIN_OWNER_WORDS[template.chain ?? ''] ?? ['实业'];
  const brand = rng.pick(BRAND_FIRST) + rng.pick(BRAND_SECOND);
  const word = rng.pick(words);
  const form = rng.weighted([
    [`浙江${brand}${word}有限公司`, 4],
    [`兰溪${brand}${word}有限公司`, 3],
    [`浙江兰溪${brand}${word}有限公司`, 2],
    [`浙江${brand}${word}股份有限公司`, 1],
  ] as const);
  return { name: form, creditCode: makeCreditCode(rng), shortName: `${brand}${word}` };
}

/** The county's state-owned companies (invented names, the usual pattern), by the lead's field. */
const STATE_OWNERS: readonly (readonly [keyword: string, name: string])[] = [
  ['交通', '兰溪市交通投资集团有限公司'],
  ['住建', '兰溪市城市建设投资集团有限公司'],
  ['城市更新', '兰溪市城市建设投资集团有限公司'],
  ['水务', '兰溪市水务投资集团有限公司'],
  ['文广旅体', '兰溪市文化旅游发展集团有限公司'],
  ['文旅', '兰溪市文化旅游发展集团有限公司'],
  ['开发区', '兰溪市产业发展投资有限公司'],
  ['光膜', '兰溪市产业发展投资有限公司'],
  ['园区', '兰溪市产业发展投资有限公司'],
  ['农业', '兰溪市农业发展投资有限公司'],
];
const DEFAULT_STATE_OWNER = '兰溪市国有资产投资控股集团有限公司';

/** The state-owned company that would own a government project of this lead or chain. */
export function stateOwnerName(leadUnitName: string, chain: string | null): string {
  const hit = STATE_OWNERS.find(([k]) => leadUnitName.includes(k) || chain === k);
  return hit ? hit[1] : DEFAULT_STATE_OWNER;
}

/** Eight invented leaders of the demo county, e.g. "张副市长", fixed by the seed. */
export function makeLeaders(rng: Rng): string[] {
  return rng
    .shuffle(SURNAMES)
    .slice(0, LEADER_TITLES.length)
    .map((s, i) => `${s}${LEADER_TITLES[i]}`);
}
