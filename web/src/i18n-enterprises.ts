// Strings of the enterprise registry (企业库, 证照临期); the labels of scales, flags, licence types and the
// form's fields come from src/domain/enterprises and are not repeated here.
import { useMemo } from 'react';
import { useNamespace, type Lang, type Vars } from './i18n-setup';
import type { KeyOf } from './locales';
import {
  CONTACT_LABELS,
  ENTERPRISE_FLAG_LABELS,
  ENTERPRISE_LABELS,
  ENTERPRISE_SCALE_LABELS,
  LICENCE_TYPE_LABELS,
  type EnterpriseField,
  type EnterpriseFlag,
  type EnterpriseScale,
  type LicenceType,
} from '../../src/domain/enterprises/enterprise-fields';

/** The keys of web/src/locales/<lang>/enterprises.json. */
export type EnterpriseMessageKey = KeyOf<'enterprises'>;

export interface EnterprisesI18n {
  lang: Lang;
  te: (key: EnterpriseMessageKey, vars?: Vars) => string;
  /** A field's name as the form and the server's messages call it (企业名称…). */
  field: (field: EnterpriseField) => string;
  contactField: (field: keyof typeof CONTACT_LABELS) => string;
  scale: (scale: EnterpriseScale) => string;
  flag: (flag: EnterpriseFlag) => string;
  licenceType: (type: LicenceType) => string;
}

/** The registry's strings in the current language. */
export function useEnterprisesI18n(): EnterprisesI18n {
  const { lang, t: te } = useNamespace('enterprises');
  return useMemo<EnterprisesI18n>(
    () => ({
      lang,
      te,
      field: (field) => ENTERPRISE_LABELS[field][lang],
      contactField: (field) => CONTACT_LABELS[field][lang],
      scale: (scale) => ENTERPRISE_SCALE_LABELS[scale]?.[lang] ?? scale,
      flag: (flag) => ENTERPRISE_FLAG_LABELS[flag]?.[lang] ?? flag,
      licenceType: (type) => LICENCE_TYPE_LABELS[type]?.[lang] ?? type,
    }),
    [lang, te],
  );
}
