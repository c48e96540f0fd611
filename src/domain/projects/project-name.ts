/**
 * When two project names are the same project: what people type differs in width (full-width
 * letters, digits and brackets from a Chinese input method), in spaces (ASCII, ideographic, none)
 * and in letter case. The key folds those away; the duplicate check compares keys.
 */
export function projectNameKey(name: string): string {
  return (
    name
      // NFKC turns full-width ASCII (Ａ１（）) and the ideographic space into their half-width forms.
      .normalize('NFKC')
      .replace(/[\s\u200b\u2060\ufeff]+/g, '')
      .replace(/[·•・]/g, '·')
      .replace(/[—–－]/g, '-')
      .toLowerCase()
  );
}

/** True when two names are the same name once width, spaces and case are set aside. */
export const sameProjectName = (a: string, b: string): boolean => projectNameKey(a) === projectNameKey(b);
