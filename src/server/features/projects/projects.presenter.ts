import { findIndustry } from '../../../domain/industry/gbt4754.ts';
import { allowedNextStages, type Stage } from '../../../domain/projects/lifecycle.ts';
import type { Selectable } from 'kysely';
import type { ProjectStageChangeTable } from '../../db/schema.ts';
import type { ProjectDetail, ProjectSummary } from '../../../contract/projects.ts';
import type { ProjectDetailRow, ProjectSummaryRow } from './projects.repository.ts';

const tagsOf = (joined: string) => joined.split(',').filter(Boolean);

/** The stored findings of a project's light (written by the lights feature), its reasons. */
const reasonsOf = (json: string | null): ProjectSummary['lightReasons'] =>
  json ? (JSON.parse(json) as ProjectSummary['lightReasons']) : [];

export function presentProjectSummary(p: ProjectSummaryRow): ProjectSummary {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    stage: p.stage as Stage,
    leadUnitId: p.lead_unit_id,
    leadUnitName: p.lead_unit_name,
    townshipUnitId: p.township_unit_id,
    townshipName: p.township_name,
    industryCode: p.industry_code,
    industryName: findIndustry(p.industry_code)?.name ?? null,
    level: p.level,
    isAboveYi: p.is_above_yi === 1,
    totalInvestmentYuan: Number(p.total_investment),
    plannedStartDate: p.planned_start_date,
    actualStartDate: p.actual_start_date,
    plannedProductionDate: p.planned_production_date,
    actualProductionDate: p.actual_production_date,
    tags: tagsOf(p.tags),
    updatedAt: p.updated_at,
    light: (p.light ?? 'grey') as ProjectSummary['light'],
    lightReasons: reasonsOf(p.light_findings),
  };
}

export function presentProjectDetail(
  p: ProjectDetailRow,
  plans: { year: number; amount: number; monthly_curve: string | null }[],
  history: Selectable<ProjectStageChangeTable>[],
): ProjectDetail {
  const industry = findIndustry(p.industry_code);
  return {
    id: p.id,
    code: p.code,
    internalNo: p.internal_no,
    name: p.name,
    nature: p.nature,
    kind: p.kind,
    industryCode: p.industry_code,
    industryName: industry?.name ?? null,
    sectionName: industry?.sectionName ?? null,
    level: p.level,
    investmentType: p.investment_type,
    approvalMode: p.approval_mode,
    leadUnitId: p.lead_unit_id,
    leadUnitName: p.lead_unit_name,
    townshipUnitId: p.township_unit_id,
    townshipName: p.township_name,
    ownerName: p.owner_name,
    ownerCreditCode: p.owner_credit_code,
    patronLeader: p.patron_leader,
    contact: p.contact,
    address: p.address,
    longitude: p.longitude,
    latitude: p.latitude,
    landAreaMu: p.land_area_centimu === null ? null : p.land_area_centimu / 100,
    totalInvestmentYuan: Number(p.total_investment),
    fixedAssetInvestmentYuan: p.fixed_asset_investment === null ? null : Number(p.fixed_asset_investment),
    isAboveYi: p.is_above_yi === 1,
    annualPlans: plans.map((a) => ({
      year: a.year,
      amountYuan: Number(a.amount),
      monthlyCurve: a.monthly_curve ? (JSON.parse(a.monthly_curve) as number[]) : null,
    })),
    stage: p.stage as Stage,
    stageChangedAt: p.stage_changed_at,
    allowedNextStages: allowedNextStages(p.stage as Stage),
    plannedSignDate: p.planned_sign_date,
    actualSignDate: p.actual_sign_date,
    plannedStartDate: p.planned_start_date,
    actualStartDate: p.actual_start_date,
    plannedCompletionDate: p.planned_completion_date,
    actualCompletionDate: p.actual_completion_date,
    plannedProductionDate: p.planned_production_date,
    actualProductionDate: p.actual_production_date,
    plannedCapacityDate: p.planned_capacity_date,
    actualCapacityDate: p.actual_capacity_date,
    tags: tagsOf(p.tags),
    stageHistory: history.map((h) => ({
      id: h.id,
      from: h.from_stage as Stage | null,
      to: h.to_stage as Stage,
      reason: h.reason,
      actorName: h.actor_name,
      at: h.at,
    })),
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

export type ProjectDetailDto = ProjectDetail;
