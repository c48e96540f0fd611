/**
 * The national unified project code (GB/T 40058-2021), 24 characters: YYMM-RRRRRR-DD-TT-NNNNNN —
 * year and month of issue, the six-digit region code, a two-digit industry field, a two-digit type,
 * and a six-digit serial number.
 */
export const PROJECT_CODE_PATTERN = /^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$/;

export type ProjectCodeError = 'format' | 'month';

/** Normalises what people paste (full-width digits and dashes, spaces) and checks the result. */
export function normaliseProjectCode(input: string): { code: string } | { error: ProjectCodeError } {
  const code = input
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[－—–‐]/g, '-')
    .replace(/\s+/g, '');
  if (!PROJECT_CODE_PATTERN.test(code)) return { error: 'format' };
  const month = Number(code.slice(2, 4));
  if (month < 1 || month > 12) return { error: 'month' };
  return { code };
}
