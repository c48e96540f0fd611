import { DEMO_PASSWORD } from '../demo/password.ts';

/**
 * What makes a password acceptable (OWASP ASVS V2.1): long enough, any characters at all (no
 * composition rules: spaces, Chinese, emoji are welcome), and not guessable — not in a list of
 * breached or common passwords, not a run or a repetition, not the username, the product's name or
 * the demo county's password. The breached list is data the server loads; this rule only asks it.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Words a password of this product must not contain: its name in both languages. */
export const PRODUCT_NAMES = ['lantern', '亮灯'] as const;

export type PasswordProblem =
  | { code: 'PASSWORD_TOO_SHORT'; min: number }
  | { code: 'PASSWORD_TOO_LONG'; max: number }
  | { code: 'PASSWORD_PATTERN' }
  | { code: 'PASSWORD_COMMON' }
  | { code: 'PASSWORD_HAS_USERNAME' }
  | { code: 'PASSWORD_HAS_PRODUCT' }
  | { code: 'PASSWORD_DEMO' };

export interface PasswordContext {
  /** The account's username; the password may neither equal nor contain it. */
  username: string;
  /** Whether a password (lower-cased, NFC) is in the breached/common list; absent on the web. */
  isCommon?: (normalized: string) => boolean;
}

/** Length counts characters (code points), not UTF-16 units, so 12 Chinese characters are 12. */
export const passwordLength = (password: string) => [...password.normalize('NFC')].length;

export const normalizePassword = (password: string) => password.normalize('NFC').toLowerCase();

/** Keyboard rows, the alphabet and the digits: a password lying along one of them is a run. */
const RUNS = ['abcdefghijklmnopqrstuvwxyz', '0123456789', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc4rfv5tgb'];

/**
 * A repetition of at most four characters ("aaaaaaaaaaaa", "abcabcabcabc", twelve spaces) or a
 * password made only of runs along the alphabet, the digits or a keyboard row ("1234567890123").
 */
export function isPredictable(password: string): boolean {
  const p = normalizePassword(password);
  if (p.trim() === '' || /^([\s\S]{1,4})\1+$/u.test(p)) return true;
  const runs = [...RUNS, ...RUNS.map((r) => [...r].reverse().join(''))];
  // Split into maximal pieces each lying on some run; predictable when there are few, long pieces.
  let i = 0;
  let pieces = 0;
  while (i < p.length) {
    let best = 1;
    for (const run of runs) {
      const start = run.indexOf(p[i]!);
      if (start < 0) continue;
      let n = 1;
      while (i + n < p.length && run[(start + n) % run.length] === p[i + n]) n++;
      best = Math.max(best, n);
    }
    if (best < 4) return false;
    i += best;
    pieces++;
  }
  return pieces <= 3;
}

/** The first problem with a password, or null when it is acceptable. */
export function passwordProblem(password: string, ctx: PasswordContext): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return { code: 'PASSWORD_TOO_SHORT', min: PASSWORD_MIN_LENGTH };
  if (length > PASSWORD_MAX_LENGTH) return { code: 'PASSWORD_TOO_LONG', max: PASSWORD_MAX_LENGTH };
  const p = normalizePassword(password);
  const username = normalizePassword(ctx.username.trim());
  if (p === normalizePassword(DEMO_PASSWORD)) return { code: 'PASSWORD_DEMO' };
  if (username.length > 0 && p.includes(username)) return { code: 'PASSWORD_HAS_USERNAME' };
  if (PRODUCT_NAMES.some((name) => p.includes(name))) return { code: 'PASSWORD_HAS_PRODUCT' };
  if (isPredictable(password)) return { code: 'PASSWORD_PATTERN' };
  if (ctx.isCommon?.(p) || ctx.isCommon?.(p.trim())) return { code: 'PASSWORD_COMMON' };
  return null;
}

/**
 * A light estimate for the strength meter (0 unacceptable … 4 strong), without the breached list:
 * the web shows it while one types; the server's `passwordProblem` has the last word.
 */
export function passwordStrength(password: string, username = ''): 0 | 1 | 2 | 3 | 4 {
  if (passwordProblem(password, { username })) return 0;
  const length = passwordLength(password);
  const kinds = [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u, /[^\p{L}\p{N}]/u, /\p{Script=Han}/u].filter((re) =>
    re.test(password),
  ).length;
  const distinct = new Set(password).size;
  const score = (length >= 16 ? 2 : 1) + (kinds >= 3 ? 1 : 0) + (distinct >= 10 ? 1 : 0);
  return Math.min(4, score) as 1 | 2 | 3 | 4;
}
