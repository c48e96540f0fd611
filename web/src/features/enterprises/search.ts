// The search params of the registry's pages, validated once by their routes: unknown or malformed values are
// dropped, so a filtered list can be linked to and survives a reload or a trip to an enterprise and back.
import { positiveInt, text } from '../../routes/search';
import {
  ENTERPRISE_FLAGS,
  ENTERPRISE_SCALES,
  type EnterpriseFlag,
  type EnterpriseScale,
} from '../../../../src/domain/enterprises/enterprise-fields';

type Raw = Record<string, unknown>;

/** /enterprises?q=&townshipUnitId=&scale=&flag=&page= */
export interface EnterpriseListState {
  q?: string;
  townshipUnitId?: number;
  scale?: EnterpriseScale;
  flag?: EnterpriseFlag;
  page?: number;
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  (values as readonly unknown[]).includes(value) ? (value as T) : undefined;

export const enterpriseListSearch = (raw: Raw): EnterpriseListState => ({
  q: text(raw.q)?.slice(0, 60),
  townshipUnitId: positiveInt(raw.townshipUnitId),
  scale: oneOf(ENTERPRISE_SCALES, raw.scale),
  flag: oneOf(ENTERPRISE_FLAGS, raw.flag),
  page: positiveInt(raw.page),
});

/** The windows 证照临期 offers, in days; the first the page opens with is DEFAULT_WITHIN_DAYS. */
export const WITHIN_DAYS = [30, 60, 90, 180] as const;
export const DEFAULT_WITHIN_DAYS = 90;

/** /licences?withinDays=90&page=2 */
export const licencesSearch = (raw: Raw): { withinDays?: number; page?: number } => {
  const days = positiveInt(raw.withinDays);
  return {
    withinDays: days !== undefined && (WITHIN_DAYS as readonly number[]).includes(days) ? days : undefined,
    page: positiveInt(raw.page),
  };
};
