// The project form's values: from a stored project, to the API's ProjectInput, and server errors back onto fields.
import type { FormInstance } from 'antd';
import { ApiError } from '../../api';
import type { ProjectDates, ProjectDetail, ProjectInput } from '../../api-projects';
import { placeApiError } from '../../forms';
import type { Stage } from '../../../../src/domain/projects/lifecycle';
import { normaliseProjectCode } from '../../../../src/domain/projects/project-code';
import { MILESTONES } from '../../../../src/domain/projects/project-fields';
import { yuanToWanText } from './shared';

export const DATE_KEYS = MILESTONES.flatMap((m) =>
  (['planned', 'actual'] as const).map(
    (kind) => `${kind}${m[0]!.toUpperCase()}${m.slice(1)}Date` as keyof ProjectDates,
  ),
);

export interface ProjectFormValues extends Partial<ProjectDates> {
  name?: string;
  code?: string;
  internalNo?: string;
  nature?: string;
  kind?: string;
  industryCode?: string;
  level?: string | null;
  investmentType?: string;
  approvalMode?: string;
  stage?: Stage;
  leadUnitId?: number;
  townshipUnitId?: number | null;
  ownerName?: string;
  ownerCreditCode?: string;
  patronLeader?: string;
  contact?: string;
  totalInvestmentWan?: string | null;
  fixedAssetInvestmentWan?: string | null;
  annualPlans?: { year?: number | null; amountWan?: string | null; monthlyCurve?: (number | null)[] | null }[];
  landAreaMu?: number | null;
  address?: string;
  longitude?: number | null;
  latitude?: number | null;
  tags?: string[];
}

/** A stored project as form values (money back in 万元 text). */
export function valuesFromProject(p: ProjectDetail): ProjectFormValues {
  const dates = Object.fromEntries(DATE_KEYS.map((key) => [key, p[key]])) as Partial<ProjectDates>;
  return {
    ...dates,
    name: p.name,
    code: p.code ?? '',
    internalNo: p.internalNo ?? '',
    nature: p.nature,
    kind: p.kind,
    industryCode: p.industryCode,
    level: p.level,
    investmentType: p.investmentType,
    approvalMode: p.approvalMode,
    leadUnitId: p.leadUnitId,
    townshipUnitId: p.townshipUnitId,
    ownerName: p.ownerName ?? '',
    ownerCreditCode: p.ownerCreditCode ?? '',
    patronLeader: p.patronLeader ?? '',
    contact: p.contact ?? '',
    totalInvestmentWan: yuanToWanText(p.totalInvestmentYuan),
    fixedAssetInvestmentWan: yuanToWanText(p.fixedAssetInvestmentYuan) || null,
    annualPlans: p.annualPlans.map((plan) => ({
      year: plan.year,
      amountWan: yuanToWanText(plan.amountYuan),
      monthlyCurve: plan.monthlyCurve ?? null,
    })),
    landAreaMu: p.landAreaMu,
    address: p.address ?? '',
    longitude: p.longitude,
    latitude: p.latitude,
    tags: p.tags,
  };
}

const textOrNull = (value: string | null | undefined) => {
  const text = value?.trim();
  return text ? text : null;
};

/** The request body; empty optional fields are sent as null so that an edit can clear them. */
export function inputFromValues(v: ProjectFormValues, creating: boolean): ProjectInput {
  const code = textOrNull(v.code);
  const normalised = code ? normaliseProjectCode(code) : null;
  const dates = Object.fromEntries(DATE_KEYS.map((key) => [key, v[key] || null])) as Partial<ProjectDates>;
  const input: ProjectInput = {
    ...dates,
    name: v.name?.trim() ?? '',
    code: normalised && 'code' in normalised ? normalised.code : code,
    internalNo: textOrNull(v.internalNo),
    nature: v.nature as ProjectInput['nature'],
    kind: v.kind as ProjectInput['kind'],
    industryCode: v.industryCode!,
    level: (v.level || null) as ProjectInput['level'],
    investmentType: v.investmentType as ProjectInput['investmentType'],
    approvalMode: v.approvalMode as ProjectInput['approvalMode'],
    leadUnitId: v.leadUnitId!,
    townshipUnitId: v.townshipUnitId ?? null,
    ownerName: textOrNull(v.ownerName),
    ownerCreditCode: textOrNull(v.ownerCreditCode)?.toUpperCase() ?? null,
    patronLeader: textOrNull(v.patronLeader),
    contact: textOrNull(v.contact),
    address: textOrNull(v.address),
    longitude: v.longitude ?? null,
    latitude: v.latitude ?? null,
    landAreaMu: v.landAreaMu ?? null,
    totalInvestmentWan: String(v.totalInvestmentWan ?? '').trim(),
    fixedAssetInvestmentWan: textOrNull(v.fixedAssetInvestmentWan),
    annualPlans: (v.annualPlans ?? [])
      .filter((plan) => plan.year && textOrNull(plan.amountWan))
      .map((plan) => ({
        year: Number(plan.year),
        amountWan: String(plan.amountWan).trim(),
        monthlyCurve: plan.monthlyCurve ? plan.monthlyCurve.map(Number) : null,
      })),
    tags: (v.tags ?? []).map((tag) => tag.trim()).filter(Boolean),
  };
  if (creating && v.stage) input.stage = v.stage;
  return input;
}

/**
 * Puts a server error on its field, including list fields named like "annualPlans.0.amountWan";
 * returns the message to show otherwise (null when placed).
 */
export function placeProjectError(form: FormInstance, error: unknown): string | null {
  if (error instanceof ApiError && error.field?.includes('.')) {
    const path = error.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    if (String(path[0]) in form.getFieldsValue(true)) {
      form.setFields([{ name: path, errors: [error.message] }]);
      form.scrollToField(path);
      return null;
    }
  }
  const shown = placeApiError(form, error);
  if (shown === null && error instanceof ApiError && error.field) form.scrollToField(error.field);
  return shown;
}
