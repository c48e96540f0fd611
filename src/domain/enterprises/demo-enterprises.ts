/**
 * A pure, deterministic generator of the demo county's enterprise registry (兰溪市, Zhejiang, region
 * 330781): about two hundred invented enterprises with valid credit codes, GB/T 4754 divisions,
 * scale, township, address, contacts and flags, and the licences some of them hold, dated around a
 * given "today" so that every reminder window (expired, 7, 30, 60 and 90 days) has licences in it.
 * Same seed and today, same output. Names, people and numbers are invented; any likeness to a real
 * company, person or telephone number is accidental, so nothing should ever be sent to these contacts.
 *
 *   demoEnterprises(7, '2025-06-15')
 *   → [{ name: '兰溪市恒达纺织有限公司', creditCode: '91330781MA2…', industryCode: '17', … }, …]
 */
import { TEST_TOWNSHIPS } from '../demo/test-units.ts';
import { ROAD_NAMES } from '../demo/catalogue-public.ts';
import { addDays, isIsoDate } from '../demo/dates.ts';
import { VILLAGES } from '../demo/parties.ts';
import { allocate, createRng, type Rng } from '../demo/random.ts';
import { CREDIT_CODE_CHARS, makeCreditCode, organisationCodeCheckChar } from './credit-code.ts';
import {
  ENTERPRISE_FLAGS,
  LICENCE_VALIDITY_YEARS,
  type EnterpriseContact,
  type EnterpriseFlag,
  type EnterpriseLicence,
  type EnterpriseScale,
  type LicenceType,
} from './enterprise-fields.ts';
import {
  BRAND_FIRST,
  BRAND_SECOND,
  FIRST_ROLES,
  FOOD_CATEGORIES,
  GIVEN,
  MOBILE_PREFIXES,
  OTHER_ROLES,
  SECTORS,
  SURNAMES,
  type Sector,
} from './demo-enterprise-catalogue.ts';

export interface DemoEnterprise {
  name: string;
  /** Brand plus trade word ("恒达纺织"), as the name of a project it owns may start. */
  shortName: string;
  /** GB 32100-2015, both check characters computed; region 330781, a few 330700 (金华市) or 330000 (浙江省). */
  creditCode: string;
  /** A GB/T 4754-2017 division, two digits. */
  industryCode: string;
  scale: EnterpriseScale;
  /** A street or township of the county; the loader finds its unit. */
  townshipName: string;
  address: string;
  contacts: EnterpriseContact[];
  flags: EnterpriseFlag[];
  licences: EnterpriseLicence[];
}

export const DEMO_ENTERPRISE_COUNT = 200;
export const DEMO_REGION = '330781';

/** Share of licences by where their end date falls from today: a few expired, some in each reminder window. */
const EXPIRY_SHARES = { expired: 4, within7: 3, within30: 5, within60: 5, within90: 5, later: 78 } as const;
type ExpiryBucket = keyof typeof EXPIRY_SHARES;
const EXPIRY_DAYS: Record<Exclude<ExpiryBucket, 'later'>, readonly [number, number]> = {
  expired: [-180, -1],
  within7: [0, 7],
  within30: [8, 30],
  within60: [31, 60],
  within90: [61, 90],
};

/**
 * The demo county's enterprises, `DEMO_ENTERPRISE_COUNT` of them, each in one of `townships`
 * (兰溪's sixteen streets and townships unless given). Throws RangeError on a bad `today`.
 */
export function demoEnterprises(
  seed: number,
  today: string,
  townships: readonly string[] = TEST_TOWNSHIPS,
): DemoEnterprise[] {
  if (!isIsoDate(today)) throw new RangeError(`today must be YYYY-MM-DD, got ${today}`);
  if (townships.length === 0) throw new RangeError('townships must name at least one place');
  const rng = createRng(seed);
  const names = new Set<string>();
  const codes = new Set<string>();
  const sectorWeights = SECTORS.map((s) => [s, s.weight] as const);
  const placeWeights = townships.map((t) => [t, t.endsWith('街道') ? 3 : t.endsWith('镇') ? 1.5 : 0.5] as const);

  const drafts = Array.from({ length: DEMO_ENTERPRISE_COUNT }, () => {
    const sector = rng.weighted(sectorWeights);
    const townshipName = rng.weighted(placeWeights);
    const { name, shortName, form } = uniqueName(rng, sector, townshipName, names);
    const scale: EnterpriseScale = rng.chance(form === 'joint-stock' ? 0.9 : sector.above) ? 'above' : 'below';
    const region =
      form === 'joint-stock' ? rng.pick(['330000', '330700', DEMO_REGION]) : rng.chance(0.05) ? '330700' : DEMO_REGION;
    const creditCode = uniqueCode(rng, region, form === 'joint-stock' || rng.chance(0.35), codes);
    const enterprise: DemoEnterprise = {
      name,
      shortName,
      creditCode,
      industryCode: sector.division,
      scale,
      townshipName,
      address: makeAddress(rng, townshipName),
      contacts: makeContacts(rng),
      flags: techFlags(rng, sector, scale),
      licences: [],
    };
    return { sector, form, enterprise };
  });

  // Two of the 专精特新 are also “小巨人”; two listed and three preparing to list among the joint-stock companies.
  const specialised = rng.shuffle(drafts.filter((d) => d.enterprise.flags.includes('specialised')));
  specialised.slice(0, 2).forEach((d) => addFlag(d.enterprise, 'littleGiant'));
  const jointStock = rng.shuffle(drafts.filter((d) => d.form === 'joint-stock'));
  jointStock.slice(0, 2).forEach((d) => addFlag(d.enterprise, 'listed'));
  jointStock.slice(2, 5).forEach((d) => addFlag(d.enterprise, 'toBeListed'));

  const licences = drafts.flatMap((d) =>
    d.sector.licences.filter(([, chance]) => rng.chance(chance)).map(([type]) => ({ draft: d, type })),
  );
  const buckets = rng.shuffle(
    Object.entries(allocate(licences.length, EXPIRY_SHARES)).flatMap(([b, n]) =>
      Array.from({ length: n }, () => b as ExpiryBucket),
    ),
  );
  const numbers = new Set<string>();
  licences.forEach(({ draft, type }, i) => {
    const { validFrom, validTo } = licenceDates(rng, type, buckets[i]!, today);
    const { number, issuer } = licenceNumber(rng, type, draft.enterprise, validFrom, numbers);
    draft.enterprise.licences.push({ type, number, issuer, validFrom, validTo });
  });
  return drafts.map((d) => d.enterprise);
}

type Form = 'limited' | 'joint-stock' | 'branch' | 'works';
/** Trades an old works (…厂) is named after. */
const WORKS_WORDS: ReadonlySet<string> = new Set([
  '纺织',
  '织造',
  '棉纺',
  '印染',
  '机械',
  '五金',
  '电器',
  '电机',
  '阀门',
  '轴承',
  '塑胶',
]);

function uniqueName(
  rng: Rng,
  sector: Sector,
  township: string,
  seen: Set<string>,
): { name: string; shortName: string; form: Form } {
  const stem = township.replace(/(街道|镇|畲族乡|乡)$/, '');
  for (;;) {
    const brand = rng.pick(BRAND_FIRST) + rng.pick(BRAND_SECOND);
    const word = rng.pick(sector.words);
    const [name, form] = rng.weighted<readonly [string, Form]>([
      [[`兰溪市${brand}${word}有限公司`, 'limited'], 6],
      [[`兰溪${brand}${word}有限公司`, 'limited'], 3],
      [[`浙江${brand}${word}有限公司`, 'limited'], 3],
      [[`${brand}${word}（兰溪）有限公司`, 'limited'], 0.6],
      [[`浙江${brand}${word}股份有限公司`, 'joint-stock'], 1.2],
      [[`浙江${brand}${word}有限公司兰溪分公司`, 'branch'], 0.4],
      [[`兰溪市${stem}${brand}${word}厂`, 'works'], WORKS_WORDS.has(word) ? 1.5 : 0],
    ]);
    if (seen.has(name)) continue;
    seen.add(name);
    return { name, shortName: brand + word, form };
  }
}

/** 91 (market regulation, enterprise) + region + an organisation code: old nine digits, or MA… since 2015. */
function uniqueCode(rng: Rng, region: string, old: boolean, seen: Set<string>): string {
  const chars = (n: number, from: string) => Array.from({ length: n }, () => rng.pick([...from])).join('');
  for (;;) {
    const body = old
      ? `${rng.pick(['14', '70', '72', '73', '74', '75', '76', '77', '79'])}${chars(6, '0123456789')}`
      : `MA2${chars(5, CREDIT_CODE_CHARS)}`;
    const code = makeCreditCode(`91${region}${body}${organisationCodeCheckChar(body)}`);
    if (seen.has(code)) continue;
    seen.add(code);
    return code;
  }
}

function makeAddress(rng: Rng, township: string): string {
  if (township.endsWith('街道')) return `浙江省兰溪市${township}${rng.pick(ROAD_NAMES)}${rng.int(1, 999)}号`;
  return rng.chance(0.5)
    ? `浙江省兰溪市${township}${rng.pick(VILLAGES)}村${rng.int(1, 200)}号`
    : `浙江省兰溪市${township}工业功能区${rng.int(1, 80)}号`;
}

const personName = (rng: Rng) => rng.weighted(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.7) ? rng.pick(GIVEN) : '');
const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');
const mobile = (rng: Rng) => rng.pick(MOBILE_PREFIXES) + digits(rng, 8);
/** 兰溪's landlines: area code 0579, eight digits starting 8. */
const landline = (rng: Rng) => `0579-8${rng.int(2, 9)}${digits(rng, 6)}`;

/** One to three contacts: the head with a mobile, then others (a role is sometimes not recorded). */
function makeContacts(rng: Rng): EnterpriseContact[] {
  const contacts: EnterpriseContact[] = [{ name: personName(rng), phone: mobile(rng), role: rng.pick(FIRST_ROLES) }];
  const more = rng.weighted([
    [0, 3],
    [1, 5],
    [2, 2],
  ] as const);
  for (let i = 0; i < more; i++) {
    const contact: EnterpriseContact = { name: personName(rng), phone: rng.chance(0.7) ? mobile(rng) : landline(rng) };
    if (rng.chance(0.8)) contact.role = rng.pick(OTHER_ROLES.filter((r) => !contacts.some((c) => c.role === r)));
    contacts.push(contact);
  }
  return contacts;
}

/** 专精特新 and 高新技术企业 (most 专精特新 are also high-tech), for manufacturing and software only. */
function techFlags(rng: Rng, sector: Sector, scale: EnterpriseScale): EnterpriseFlag[] {
  if (!sector.tech) return [];
  const specialised = rng.chance(scale === 'above' ? 0.3 : 0.05);
  const highTech = rng.chance(specialised ? 0.85 : scale === 'above' ? 0.35 : 0.06);
  return ENTERPRISE_FLAGS.filter((f) => (f === 'specialised' && specialised) || (f === 'highTech' && highTech));
}

/** Adds a flag in `ENTERPRISE_FLAGS` order; such enterprises are all 规上. */
function addFlag(enterprise: DemoEnterprise, flag: EnterpriseFlag): void {
  enterprise.scale = 'above';
  const flags = new Set([...enterprise.flags, flag]);
  enterprise.flags = ENTERPRISE_FLAGS.filter((f) => flags.has(f));
}

/** The day `years` before `date` (28 February for a 29th in a common year). */
function yearsBefore(date: string, years: number): string {
  const day = `${Number(date.slice(0, 4)) - years}${date.slice(4)}`;
  return isIsoDate(day) ? day : `${day.slice(0, 8)}28`;
}

function licenceDates(rng: Rng, type: LicenceType, bucket: ExpiryBucket, today: string) {
  const years = LICENCE_VALIDITY_YEARS[type];
  const [lo, hi] = bucket === 'later' ? [91, years * 365 - 60] : EXPIRY_DAYS[bucket];
  const validTo = addDays(today, rng.int(lo, hi));
  return { validFrom: addDays(yearsBefore(validTo, years), 1), validTo };
}

function licenceNumber(
  rng: Rng,
  type: LicenceType,
  enterprise: DemoEnterprise,
  validFrom: string,
  seen: Set<string>,
): { number: string; issuer: string } {
  const year = validFrom.slice(0, 4);
  for (let serial = 1; ; serial++) {
    const made = ((): { number: string; issuer: string } => {
      switch (type) {
        case 'pollutantDischarge':
          return {
            number: `${enterprise.creditCode}${String(serial).padStart(3, '0')}P`,
            issuer: '金华市生态环境局',
          };
        case 'safetyProduction':
          return enterprise.industryCode === '26'
            ? { number: `（浙）WH安许证字〔${year}〕-G-${digits(rng, 4)}`, issuer: '浙江省应急管理厅' }
            : { number: `（浙）JZ安许证字〔${year}〕${digits(rng, 6)}`, issuer: '浙江省住房和城乡建设厅' };
        case 'foodBusiness':
          return {
            number: `JY${enterprise.industryCode === '52' ? 1 : 2}330781${digits(rng, 7)}`,
            issuer: '兰溪市市场监督管理局',
          };
        case 'foodProduction':
          return {
            number: `SC${rng.pick(FOOD_CATEGORIES[enterprise.industryCode] ?? ['101'])}330781${digits(rng, 5)}`,
            issuer: '兰溪市市场监督管理局',
          };
        case 'constructionQualification':
          return enterprise.scale === 'above'
            ? { number: `D233${digits(rng, 6)}`, issuer: '浙江省住房和城乡建设厅' }
            : { number: `D333${digits(rng, 6)}`, issuer: '金华市住房和城乡建设局' };
        case 'hazardousChemicalsTrade':
          return { number: `浙金兰安经〔${year}〕${digits(rng, 4)}`, issuer: '兰溪市应急管理局' };
        case 'waterAbstraction':
          return { number: `取水（浙兰）字〔${year}〕第${digits(rng, 3)}号`, issuer: '兰溪市水务局' };
      }
    })();
    if (seen.has(made.number)) continue;
    seen.add(made.number);
    return made;
  }
}
