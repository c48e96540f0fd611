import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS,
  checkDealSettings,
  DEFAULT_DEAL_SETTINGS,
  DEFAULT_DEAL_TIERS,
  DEMO_CHAINS,
  findChainLink,
  isActivityKind,
  isListingStatus,
  LISTING_STATUS_LABELS,
  LISTING_STATUSES,
  tiersOf,
} from './deal-fields.ts';

const BAD_KEY = '标识应以字母开头，只含字母和数字，最多 40 个字符';
const BAD_CLOCK = '时限应为 1 到 250 个工作日';

describe('the fixed lists', () => {
  it('names the listing statuses and the activity kinds', () => {
    expect(LISTING_STATUSES.map((s) => LISTING_STATUS_LABELS[s]['zh-CN'])).toEqual(['上市', '拟上市', '未上市']);
    expect(ACTIVITY_KINDS.map((k) => ACTIVITY_KIND_LABELS[k]['zh-CN'])).toEqual([
      '外出拜访',
      '电话对接',
      '洽谈',
      '接待来访',
      '其他',
    ]);
    for (const k of ACTIVITY_KINDS) expect(ACTIVITY_KIND_LABELS[k].en).not.toBe('');
  });

  it.each([
    [isListingStatus, 'toBeListed', true],
    [isListingStatus, 'delisted', false],
    [isActivityKind, 'reception', true],
    [isActivityKind, 'meeting', false],
    [isActivityKind, null, false],
  ])('%o(%o) is %s', (is, x, expected) => {
    expect(is(x)).toBe(expected);
  });
});

describe('amount tiers', () => {
  it.each([
    [0, []],
    [99_999_999, []],
    [100_000_000, ['aboveYi']], // exactly 1 亿元
    [999_999_999, ['aboveYi']],
    [1_000_000_000, ['aboveYi', 'aboveTenYi']], // exactly 10 亿元
    [2_350_000_000, ['aboveYi', 'aboveTenYi']],
  ])('%d 元 reaches %j', (amount, keys) => {
    expect(tiersOf(amount, DEFAULT_DEAL_TIERS)).toEqual(keys);
  });

  it("keeps the county's order of tiers", () => {
    const [yi, tenYi] = DEFAULT_DEAL_TIERS;
    expect(tiersOf(1_500_000_000, [tenYi!, yi!])).toEqual(['aboveTenYi', 'aboveYi']);
  });
});

describe('industry chains', () => {
  it('ships a "1+4+X" for the demo county', () => {
    const groups = DEMO_CHAINS.map((c) => `${c.group} ${c.label['zh-CN']}`);
    expect(groups).toEqual([
      '1 先进装备制造',
      '4 新材料',
      '4 生物医药',
      '4 电子信息',
      '4 现代纺织',
      'X 数字经济',
      'X 现代服务业',
    ]);
    expect(checkDealSettings(DEFAULT_DEAL_SETTINGS)).toEqual({ ok: true, value: DEFAULT_DEAL_SETTINGS });
  });

  it.each<[string, string, string | null, [string, string | null] | null]>([
    ['a chain and its link', 'advancedEquipment', 'autoParts', ['先进装备制造', '汽摩配']],
    ['a chain alone', 'biomedicine', null, ['生物医药', null]],
    ['a link of another chain', 'biomedicine', 'autoParts', null],
    ['a chain no longer listed', 'shipbuilding', null, null],
  ])('finds %s', (_, chainKey, linkKey, expected) => {
    const found = findChainLink(DEMO_CHAINS, chainKey, linkKey);
    expect(found && [found.chain.label['zh-CN'], found.link?.label['zh-CN'] ?? null]).toEqual(expected);
  });
});

/** A copy of the shipped settings with one field replaced (or removed, for undefined), by dotted path. */
function withField(path: string, value: unknown): unknown {
  const copy = structuredClone(DEFAULT_DEAL_SETTINGS) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let at = copy;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  if (value === undefined) delete at[keys[keys.length - 1]];
  else at[keys[keys.length - 1]] = value;
  return copy;
}

const option = (key: string) => ({ key, label: { 'zh-CN': key, en: key } });

describe('checking the settings a county saves', () => {
  it.each<[string, string, unknown, string, string]>([
    ['no source regions', 'sourceRegions', [], 'sourceRegions', '至少需要一项'],
    ['no kinds at all', 'kinds', undefined, 'kinds', '格式不正确'],
    ['no tiers', 'tiers', [], 'tiers', '至少需要一项'],
    ['no chains', 'chains', [], 'chains', '至少需要一项'],
    ['101 kinds', 'kinds', Array.from({ length: 101 }, (_, i) => option(`k${i}`)), 'kinds', '最多 100 项'],
    ['a tier key used twice', 'tiers.1.key', 'aboveYi', 'tiers[1].key', '标识“aboveYi”重复'],
    [
      'a link key used twice in a chain',
      'chains.0.links.2.key',
      'smartEquipment',
      'chains[0].links[2].key',
      '标识“smartEquipment”重复',
    ],
    ['a tier of 0 元', 'tiers.0.minYuan', 0, 'tiers[0].minYuan', '起点金额应为正整数元'],
    ['a negative tier', 'tiers.0.minYuan', -100, 'tiers[0].minYuan', '起点金额应为正整数元'],
    ['a tier with a fraction of a 元', 'tiers.1.minYuan', 1.5, 'tiers[1].minYuan', '起点金额应为正整数元'],
    ['a tier as text', 'tiers.0.minYuan', '100000000', 'tiers[0].minYuan', '起点金额应为正整数元'],
    ['a key with a dash', 'sourceRegions.0.key', 'shanghai-jiangsu', 'sourceRegions[0].key', BAD_KEY],
    ['a key starting with a digit', 'kinds.2.key', '2nd', 'kinds[2].key', BAD_KEY],
    ['a key of 41 characters', 'kinds.0.key', `k${'x'.repeat(40)}`, 'kinds[0].key', BAD_KEY],
    ['a blank Chinese label', 'kinds.1.label.zh-CN', '  ', 'kinds[1].label.zh-CN', '请填写名称'],
    ['no English label', 'tiers.0.label.en', undefined, 'tiers[0].label.en', '请填写名称'],
    [
      'a label with a control character',
      'chains.3.label.zh-CN',
      '电子\u0007信息',
      'chains[3].label.zh-CN',
      '名称含有无法显示的字符',
    ],
    [
      'a label of 41 characters',
      'chains.0.links.0.label.en',
      'x'.repeat(41),
      'chains[0].links[0].label.en',
      '名称不能超过 40 个字',
    ],
    ['a chain without a group', 'chains.1.group', '', 'chains[1].group', '请填写分组（最多 20 个字）'],
    ['a chain whose links are not a list', 'chains.1.links', null, 'chains[1].links', '格式不正确'],
    ['a respond limit of 0', 'clocks.respond', 0, 'clocks.respond', BAD_CLOCK],
    ['half a day to assess', 'clocks.assess', 2.5, 'clocks.assess', BAD_CLOCK],
    ['more than a working year of feedback', 'clocks.feedback', 251, 'clocks.feedback', BAD_CLOCK],
    ['no follow-up limit', 'clocks.followUp', undefined, 'clocks.followUp', BAD_CLOCK],
    ['no clocks', 'clocks', undefined, 'clocks', '格式不正确'],
  ])('refuses %s', (_, path, value, field, zh) => {
    const checked = checkDealSettings(withField(path, value));
    expect(checked).toMatchObject({ ok: false, field, message: { 'zh-CN': zh } });
    if (!checked.ok) expect(checked.message.en).not.toBe('');
  });

  it('refuses what is not an object', () => {
    expect(checkDealSettings([])).toMatchObject({ ok: false, field: '', message: { 'zh-CN': '格式不正确' } });
  });

  it('trims labels, keeps a chain with no links yet and leaves out fields it does not know', () => {
    const input = withField('kinds.0.label.zh-CN', ' 产业项目 ') as Record<string, unknown> &
      typeof DEFAULT_DEAL_SETTINGS;
    input.chains[6]!.links = [];
    input.chains[6]!.group = ' X ';
    input.note = 'ignored';
    Object.assign(input.tiers[0]!, { colour: 'red' });
    const checked = checkDealSettings(input);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.kinds[0]!.label['zh-CN']).toBe('产业项目');
    expect(checked.value.chains[6]).toMatchObject({ key: 'modernServices', group: 'X', links: [] });
    expect(checked.value).not.toHaveProperty('note');
    expect(checked.value.tiers[0]).toEqual(DEFAULT_DEAL_TIERS[0]);
  });
});
