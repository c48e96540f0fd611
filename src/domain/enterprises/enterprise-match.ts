/**
 * How a project's owner (建设单位 / 业主单位), written on the project as a name and perhaps a credit
 * code, is linked to an enterprise of the registry. The credit code decides when it finds one; the
 * name is a fallback that must match exactly, setting aside only surrounding spaces and the width of
 * brackets (（） or ()), because a looser match would link a project to the wrong company: 兰溪恒丰纺织
 * 有限公司 and 浙江恒丰纺织有限公司 are two enterprises.
 */
import { normaliseCreditCode } from './credit-code.ts';

/** The key an enterprise name is looked up by: trimmed, full-width brackets made half-width. */
export function enterpriseNameKey(name: string): string {
  return name.trim().replace(/（/g, '(').replace(/）/g, ')');
}

/** Enterprise ids by normalised credit code and by `enterpriseNameKey`. */
export interface OwnerIndex {
  byCode: Map<string, number>;
  byName: Map<string, number>;
}

export interface OwnerMatch {
  enterpriseId: number;
  by: 'creditCode' | 'name';
}

/**
 * The enterprise that owns a project, or null: by the project's credit code (normalised) when the
 * index holds it, otherwise by the owner's name key. A code that finds nothing does not stop the name
 * from being tried (the code may be mistyped, or the enterprise registered without one).
 */
export function matchOwner(
  project: { ownerName: string | null; ownerCreditCode: string | null },
  index: OwnerIndex,
): OwnerMatch | null {
  const code = project.ownerCreditCode === null ? '' : normaliseCreditCode(project.ownerCreditCode);
  const byCode = code ? index.byCode.get(code) : undefined;
  if (byCode !== undefined) return { enterpriseId: byCode, by: 'creditCode' };
  const name = project.ownerName === null ? '' : enterpriseNameKey(project.ownerName);
  const byName = name ? index.byName.get(name) : undefined;
  return byName !== undefined ? { enterpriseId: byName, by: 'name' } : null;
}

/**
 * The index over a list of enterprises. A name key shared by two enterprises is left out, since it
 * cannot say which one is meant; their codes still match.
 */
export function buildOwnerIndex(
  enterprises: Iterable<{ id: number; name: string; creditCode: string | null }>,
): OwnerIndex {
  const byCode = new Map<string, number>();
  const byName = new Map<string, number>();
  const ambiguous = new Set<string>();
  for (const e of enterprises) {
    if (e.creditCode) byCode.set(normaliseCreditCode(e.creditCode), e.id);
    const key = enterpriseNameKey(e.name);
    if (!key) continue;
    const seen = byName.get(key);
    if (seen !== undefined && seen !== e.id) ambiguous.add(key);
    else byName.set(key, e.id);
  }
  for (const key of ambiguous) byName.delete(key);
  return { byCode, byName };
}
