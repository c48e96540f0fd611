/**
 * The fields of an enterprise in the registry (企业库) and their labels: scale, flags, contacts and
 * licences, with the rules each carries alone. Values are stable identifiers; labels are for people
 * (forms, error messages, the audit trail).
 */
type Label = { 'zh-CN': string; en: string };
type Labels<T extends string> = Record<T, Label>;

/** The fields people see and edit, as the error messages and the audit name them. */
export const ENTERPRISE_FIELDS = [
  'name',
  'creditCode',
  'industryCode',
  'scale',
  'townshipUnitId',
  'address',
  'contacts',
  'flags',
] as const;
export type EnterpriseField = (typeof ENTERPRISE_FIELDS)[number];
export const ENTERPRISE_LABELS: Labels<EnterpriseField> = {
  name: { 'zh-CN': '企业名称', en: 'Enterprise name' },
  creditCode: { 'zh-CN': '统一社会信用代码', en: 'Unified social credit code' },
  industryCode: { 'zh-CN': '行业', en: 'Industry' },
  scale: { 'zh-CN': '规模', en: 'Scale' },
  townshipUnitId: { 'zh-CN': '所在乡镇', en: 'Township' },
  address: { 'zh-CN': '地址', en: 'Address' },
  contacts: { 'zh-CN': '联系人', en: 'Contacts' },
  flags: { 'zh-CN': '标识', en: 'Flags' },
};

/**
 * 规上 / 规下: above or below the statistics bureau's designated size (for industry, main-business
 * revenue of 20 million yuan a year or more). The registry records what the bureau publishes; it is
 * never derived from figures here.
 */
export const ENTERPRISE_SCALES = ['above', 'below'] as const;
export type EnterpriseScale = (typeof ENTERPRISE_SCALES)[number];
export const ENTERPRISE_SCALE_LABELS: Labels<EnterpriseScale> = {
  above: { 'zh-CN': '规上', en: 'Above designated size' },
  below: { 'zh-CN': '规下', en: 'Below designated size' },
};
/** The same two in full, as statistical tables write them. */
export const ENTERPRISE_SCALE_FULL_LABELS: Labels<EnterpriseScale> = {
  above: { 'zh-CN': '规模以上', en: 'Above designated size' },
  below: { 'zh-CN': '规模以下', en: 'Below designated size' },
};

/**
 * Recognitions and listing status. They are independent marks: a 专精特新“小巨人” is normally also a
 * 专精特新 enterprise, and then both are set. Only listed and to-be-listed exclude each other.
 */
export const ENTERPRISE_FLAGS = ['specialised', 'littleGiant', 'highTech', 'listed', 'toBeListed'] as const;
export type EnterpriseFlag = (typeof ENTERPRISE_FLAGS)[number];
export const ENTERPRISE_FLAG_LABELS: Labels<EnterpriseFlag> = {
  specialised: { 'zh-CN': '专精特新', en: 'Specialised and innovative SME' },
  littleGiant: { 'zh-CN': '专精特新“小巨人”', en: '“Little giant” SME' },
  highTech: { 'zh-CN': '高新技术企业', en: 'High-tech enterprise' },
  listed: { 'zh-CN': '上市', en: 'Listed' },
  toBeListed: { 'zh-CN': '拟上市', en: 'Preparing to list' },
};

/** An enterprise cannot be both listed and preparing to list: the pair is refused. */
export const listedAndToBeListedConflict = (flags: readonly EnterpriseFlag[]): boolean =>
  flags.includes('listed') && flags.includes('toBeListed');

export type EnterpriseFlagsError = 'NOT_A_LIST' | 'UNKNOWN_FLAG' | 'LISTED_CONFLICT';

const FLAG_SET: ReadonlySet<string> = new Set(ENTERPRISE_FLAGS);

/**
 * Flags from what a request or a stored value holds: a list of flag identifiers. Repeats are folded
 * and the result is in `ENTERPRISE_FLAGS` order, so equal sets compare equal.
 */
export function parseEnterpriseFlags(input: unknown): { flags: EnterpriseFlag[] } | { error: EnterpriseFlagsError } {
  if (!Array.isArray(input)) return { error: 'NOT_A_LIST' };
  if (!input.every((f): f is EnterpriseFlag => typeof f === 'string' && FLAG_SET.has(f)))
    return { error: 'UNKNOWN_FLAG' };
  const flags = ENTERPRISE_FLAGS.filter((f) => input.includes(f));
  if (listedAndToBeListedConflict(flags)) return { error: 'LISTED_CONFLICT' };
  return { flags };
}

/** A person to call at the enterprise. */
export interface EnterpriseContact {
  name: string;
  phone: string;
  /** 职务, e.g. 总经理, 安全负责人. */
  role?: string;
}
export const CONTACT_LABELS: Labels<keyof EnterpriseContact> = {
  name: { 'zh-CN': '姓名', en: 'Name' },
  phone: { 'zh-CN': '电话', en: 'Phone' },
  role: { 'zh-CN': '职务', en: 'Role' },
};

export type PhoneProblem = 'EMPTY' | 'FORMAT';

/** A mobile number: 11 digits, 1 then 3–9. */
const MOBILE = /^1[3-9]\d{9}$/;
/**
 * A landline: the area code (0 then two or three digits: 010, 0579) and a local number of seven or
 * eight digits not starting with 0 or 1, with or without a dash or brackets around the area code,
 * then an optional extension (-123, 转123, ext123, #123).
 */
const LANDLINE = /^(?:0[1-9]\d{1,2}-?|\(0[1-9]\d{1,2}\))[2-9]\d{6,7}(?:(?:-|转|#|ext\.?|x)\d{1,6})?$/i;

/** A phone number as typed, made comparable: spaces removed, full-width digits and signs made half-width. */
export function normalisePhone(input: string): string {
  return input
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[－—–]/g, '-')
    .replace(/[\s\u200b\u2060\ufeff]+/g, '');
}

/**
 * What is wrong with a contact's phone number (normalise it first), or null: a Chinese mobile number
 * (13800000000) or a landline (0579-88888888, 057988888888, 010-66666666-123).
 */
export function phoneProblem(phone: string): PhoneProblem | null {
  if (phone === '') return 'EMPTY';
  return MOBILE.test(phone) || LANDLINE.test(phone) ? null : 'FORMAT';
}

/** Licences and certificates the registry tracks, each with the validity its issuer usually grants. */
export const LICENCE_TYPES = [
  'pollutantDischarge',
  'safetyProduction',
  'foodBusiness',
  'foodProduction',
  'constructionQualification',
  'hazardousChemicalsTrade',
  'waterAbstraction',
] as const;
export type LicenceType = (typeof LICENCE_TYPES)[number];
export const LICENCE_TYPE_LABELS: Labels<LicenceType> = {
  pollutantDischarge: { 'zh-CN': '排污许可证', en: 'Pollutant discharge permit' },
  safetyProduction: { 'zh-CN': '安全生产许可证', en: 'Work safety licence' },
  foodBusiness: { 'zh-CN': '食品经营许可证', en: 'Food business licence' },
  foodProduction: { 'zh-CN': '食品生产许可证', en: 'Food production licence' },
  constructionQualification: { 'zh-CN': '建筑业企业资质证书', en: 'Construction enterprise qualification' },
  hazardousChemicalsTrade: { 'zh-CN': '危险化学品经营许可证', en: 'Hazardous chemicals trading licence' },
  waterAbstraction: { 'zh-CN': '取水许可证', en: 'Water abstraction permit' },
};
/** Years a licence of each type is usually issued for. */
export const LICENCE_VALIDITY_YEARS: Record<LicenceType, number> = {
  pollutantDischarge: 5,
  safetyProduction: 3,
  foodBusiness: 5,
  foodProduction: 5,
  constructionQualification: 5,
  hazardousChemicalsTrade: 3,
  waterAbstraction: 5,
};

/** A licence as the registry holds it; dates 'YYYY-MM-DD', both days included. */
export interface EnterpriseLicence {
  type: LicenceType;
  number: string;
  issuer: string;
  validFrom: string;
  validTo: string;
}

/** Days before expiry at which reminders go out, nearest first: the county's default (its to change). */
export const LICENCE_REMINDER_DAYS = [7, 30, 60, 90] as const;
export type LicenceReminderWindow = 'expired' | number;

const dayNumber = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/**
 * The nearest reminder window a licence falls in on `today`: 'expired' after its last valid day, 7
 * when it ends within seven days (today included), then 30, 60, 90 (or the county's `offsets`); null
 * when it runs longer.
 */
export function licenceReminderWindow(
  validTo: string,
  today: string,
  offsets: readonly number[] = LICENCE_REMINDER_DAYS,
): LicenceReminderWindow | null {
  const daysLeft = dayNumber(validTo) - dayNumber(today);
  if (daysLeft < 0) return 'expired';
  return [...offsets].sort((a, b) => a - b).find((d) => daysLeft <= d) ?? null;
}

/** Reminder offsets as the county sets them: 1 to 6 whole days from 1 to 365, each once. */
export function reminderOffsetsProblem(offsets: readonly number[]): 'COUNT' | 'RANGE' | 'DUPLICATE' | null {
  if (offsets.length < 1 || offsets.length > 6) return 'COUNT';
  if (offsets.some((d) => !Number.isInteger(d) || d < 1 || d > 365)) return 'RANGE';
  if (new Set(offsets).size !== offsets.length) return 'DUPLICATE';
  return null;
}

/** Units an enterprise can be registered in: townships, streets and the platforms (开发区) that hold land. */
export const ENTERPRISE_TOWNSHIP_KINDS: ReadonlySet<string> = new Set(['township', 'street', 'platform']);

/** Flags as stored: ',a,b,' (empty: none), like a project's tags. */
export const storedFlags = (flags: readonly string[]): string => (flags.length ? `,${flags.join(',')},` : '');
/** The flags of a stored ',a,b,' value. */
export const flagsOfStored = (stored: string): string[] => stored.split(',').filter(Boolean);

/** Words ledgers write for each flag, besides its label: 小巨人, 高新, 拟上市企业… */
const FLAG_WORDS: Record<EnterpriseFlag, string[]> = {
  specialised: ['专精特新', '专精特新企业', '专精特新中小企业', '省专精特新'],
  littleGiant: ['小巨人', '专精特新小巨人', '专精特新"小巨人"', '国家级小巨人', '小巨人企业'],
  highTech: ['高新技术企业', '高新', '高企', '国家高新技术企业'],
  listed: ['上市', '上市企业', '已上市'],
  toBeListed: ['拟上市', '拟上市企业', '上市后备', '上市后备企业'],
};
const FLAG_BY_WORD = new Map<string, EnterpriseFlag>();
for (const f of ENTERPRISE_FLAGS)
  for (const w of [ENTERPRISE_FLAG_LABELS[f]['zh-CN'], ...FLAG_WORDS[f]]) FLAG_BY_WORD.set(w.replace(/[“”"]/g, ''), f);

/**
 * Flags from the words of a ledger cell (专精特新、小巨人): each word's flag, or the words no flag
 * bears. Quotes and spaces do not count.
 *
 *   flagsFromWords(['高新', '小巨人']) → { flags: ['littleGiant', 'highTech'], unknown: [] }
 */
export function flagsFromWords(words: readonly string[]): { flags: EnterpriseFlag[]; unknown: string[] } {
  const found = new Set<EnterpriseFlag>();
  const unknown: string[] = [];
  for (const w of words) {
    const f = FLAG_BY_WORD.get(w.replace(/[“”"\s]/g, ''));
    if (f) found.add(f);
    else unknown.push(w);
  }
  return { flags: ENTERPRISE_FLAGS.filter((f) => found.has(f)), unknown };
}
