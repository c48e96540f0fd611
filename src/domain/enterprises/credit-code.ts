/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters that name one legal
 * person or other organisation for life.
 *
 *   position 1      registration authority (1 机构编制, 5 民政, 9 市场监管 (工商), Y 其他 …)
 *   position 2      institution category under that authority (for 9: 1 企业, 2 个体工商户, 3 农民专业合作社)
 *   positions 3–8   the registering authority's region code (GB/T 2260), six digits
 *   positions 9–17  the organisation code (GB 11714), whose own check character is position 17
 *   position 18     the check character over the first seventeen
 *
 * The 31 characters used are the digits and the capitals without I, O, S, V and Z. The check
 * character is 31 − (Σ value × weight mod 31), with 31 written as 0.
 *
 * The organisation code's inner check (position 17) is deliberately not enforced: codes issued to
 * existing organisations carried over their old organisation codes, and valid, published codes that
 * fail that inner check exist. `organisationCodeCheckChar` computes it for generators only.
 *
 *   normaliseCreditCode(' 91330100 799655058b ') → '91330100799655058B'
 *   creditCodeProblem('91330100799655058B')      → null
 */

/** The 31 characters of the code, in value order (0 = '0' … 30 = 'Y'). */
export const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The weights of positions 1–17: 3^(position − 1) mod 31. */
export const CREDIT_CODE_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export const CREDIT_CODE_LENGTH = 18;

/** What is wrong with a code: checked in this order, the first that applies is reported. */
export type CreditCodeProblem = 'LENGTH' | 'CHARSET' | 'REGION' | 'CHECK';

const CHARSET_PATTERN = /^[0-9A-HJ-NPQRTUWXY]*$/;

/**
 * What people paste into a form or a ledger cell, as a code: surrounding and inner spaces (ASCII and
 * ideographic) removed, full-width letters and digits made half-width, letters upper-cased. The
 * result is not checked; pass it to `creditCodeProblem`.
 */
export function normaliseCreditCode(input: string): string {
  return input
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u200b\u2060\ufeff]+/g, '')
    .toUpperCase();
}

function weightedSum(first17: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARS.indexOf(first17[i]!) * CREDIT_CODE_WEIGHTS[i]!;
  return sum;
}

/**
 * The first problem of a code as stored (already normalised: lower case is a CHARSET problem here),
 * or null when it is a valid code. REGION: positions 3–8 are not six digits.
 */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== CREDIT_CODE_LENGTH) return 'LENGTH';
  if (!CHARSET_PATTERN.test(code)) return 'CHARSET';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'REGION';
  if (CREDIT_CODE_CHARS[(31 - (weightedSum(code) % 31)) % 31] !== code[17]) return 'CHECK';
  return null;
}

/** True for a valid code as stored (normalise what people type first). */
export const isValidCreditCode = (code: string): boolean => creditCodeProblem(code) === null;

/** The 18th character for the first seventeen; throws RangeError unless they are 17 characters of the code's set. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17 || !CHARSET_PATTERN.test(first17))
    throw new RangeError(`a credit code's first 17 characters must come from ${CREDIT_CODE_CHARS}, got '${first17}'`);
  return CREDIT_CODE_CHARS[(31 - (weightedSum(first17) % 31)) % 31]!;
}

/** A whole code from its first seventeen, for generators and tests; throws as `creditCodeCheckChar`. */
export const makeCreditCode = (first17: string): string => first17 + creditCodeCheckChar(first17);

const ORGANISATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * The check character of an organisation code (GB 11714) from its first eight characters: digits
 * count as themselves, letters A–Z as 10–35; 11 − (Σ mod 11), 10 written X and 11 written 0. Not part
 * of the validation above (see the file's note); generators use it so their codes look like issued ones.
 */
export function organisationCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8))
    throw new RangeError(`an organisation code body is 8 digits or capitals, got '${first8}'`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i]!, 36) * ORGANISATION_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}
