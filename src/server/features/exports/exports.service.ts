import type { Readable, Writable } from 'node:stream';
import { visibleSubtree } from '../../../domain/access/scope.ts';
import { LIST_LABELS, LISTS, type ListName } from '../../../domain/projects/four-lists.ts';
import { NATURE_LABELS, type Nature } from '../../../domain/projects/project-fields.ts';
import type { Today } from '../../clock.ts';
import { notFound } from '../../http/errors.ts';
import { ENTERPRISE_TOWNSHIP_KINDS } from '../../../domain/enterprises/enterprise-fields.ts';
import { scopeFor } from '../../../domain/access/scope.ts';
import { dealPolicy } from '../../policies/deal.policy.ts';
import { enterprisePolicy } from '../../policies/enterprise.policy.ts';
import type { DealSettingsService } from '../deals/deal-settings.ts';
import { projectPolicy } from '../../policies/project.policy.ts';
import type { ProjectQueries } from '../projects/project-queries.service.ts';
import type { ProjectListQuery } from '../../../contract/projects.ts';
import type { ActorContext } from '../session/actor.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import type { ExportRepository } from './exports.repository.ts';
import type { ProjectExportQuery } from '../../../contract/exports.ts';
import { writeLedgerSheet, type LedgerGroup, type LedgerRow } from './four-lists.sheet.ts';
import { DEFAULT_LIST_EXPORT_COLUMNS, withLightReasons } from './project-list-columns.ts';
import { writeProjectListSheet } from './project-list.sheet.ts';
import { buildTemplate } from './template-workbook.ts';
import {
  DEAL_TEMPLATE_NOTES,
  dealTemplateColumns,
  ENTERPRISE_TEMPLATE_NOTES,
  enterpriseTemplateColumns,
  PROJECT_TEMPLATE_NOTES,
  projectTemplateColumns,
  REPORT_TEMPLATE_NOTES,
  reportTemplateColumns,
} from './templates.ts';
import { streamingWorkbook } from './xlsx.ts';
import { assessedPeriod } from '../../../domain/lights/period.ts';
import { listScope } from '../../policies/list-scope.ts';

/** A workbook to download: its name, an ASCII name for old clients, and the bytes or the stream of them. */
export interface XlsxDownload {
  fileName: string;
  fallbackName: string;
  body: Buffer | Readable;
}

/** Rows fetched per query while exporting: memory holds one batch, whatever the list's length. */
export const EXPORT_BATCH = 1000;

type Summary = Awaited<ReturnType<ProjectQueries['list']>>['items'][number];
type Unit = Awaited<ReturnType<UnitRepository['listAll']>>[number];

/** Lets the writer run on while the reply streams; a failure half-way ends the download with an error. */
function inBackground(output: Writable, work: Promise<unknown>): void {
  work.catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
}

/**
 * Excel out of Lantern: any project list as the user sees it, the four lists as the units' ledgers,
 * and the import templates. Lists are read through the project list query itself, so an export
 * holds exactly what the same person's list shows, in the same order.
 */
export function createExportService({
  queries,
  units,
  exports,
  dealSettings,
  today,
  batchSize = EXPORT_BATCH,
}: {
  queries: ProjectQueries;
  units: UnitRepository;
  exports: ExportRepository;
  /** The county's 招商 lists and teams, for the deal template's drop-downs. */
  dealSettings: Pick<DealSettingsService, 'current' | 'teams'>;
  /** The county's date: file names and the default year. */
  today: Today;
  /** Rows per query; tests make it small to cross many page boundaries. */
  batchSize?: number;
}) {
  /** The pages of a list query after `cursor`, one batch at a time. */
  async function* pagesAfter(
    actor: ActorContext,
    query: ProjectListQuery,
    cursor: string | null,
  ): AsyncGenerator<Summary[]> {
    while (cursor) {
      const page = await queries.list(actor, { ...query, cursor });
      yield page.items;
      cursor = page.nextCursor;
    }
  }

  function ledgerRow(
    p: Summary,
    list: ListName,
    facts: { nature: string; plan_amount: number | null } | undefined,
  ): LedgerRow {
    const production = list === 'production';
    return {
      name: p.name,
      code: p.code,
      nature: facts ? (NATURE_LABELS[facts.nature as Nature]?.['zh-CN'] ?? facts.nature) : '',
      totalInvestmentYuan: p.totalInvestmentYuan,
      annualPlanYuan: facts?.plan_amount == null ? null : Number(facts.plan_amount),
      plannedDate: production ? p.plannedProductionDate : p.plannedStartDate,
      actualDate: production ? p.actualProductionDate : list === 'start' ? p.actualStartDate : null,
      leadUnitName: p.leadUnitName,
    };
  }

  /** One responsible unit's projects on a list, largest first; `ownOnly` keeps those it leads itself. */
  async function* ledgerBatches(
    actor: ActorContext,
    list: ListName,
    year: number,
    unit: Unit,
    ownOnly: boolean,
  ): AsyncGenerator<LedgerRow[]> {
    const query: ProjectListQuery = {
      list,
      year,
      unitId: unit.id,
      sort: 'totalInvestment',
      order: 'desc',
      limit: batchSize,
    };
    let cursor: string | null = null;
    do {
      const page = await queries.list(actor, { ...query, cursor: cursor ?? undefined });
      const items = ownOnly ? page.items.filter((p) => p.leadUnitId === unit.id) : page.items;
      const facts = new Map(
        (
          await exports.ledgerFacts(
            items.map((p) => p.id),
            year,
          )
        ).map((f) => [f.id, f]),
      );
      yield items.map((p) => ledgerRow(p, list, facts.get(p.id)));
      cursor = page.nextCursor;
    } while (cursor);
  }

  return {
    /**
     * The list as `GET /projects` answers it for this person (same filters, same sort, same scope),
     * every page of it, in the chosen columns. The first batch is read before anything is sent, so
     * a bad filter or unknown unit still answers with a proper error.
     */
    async projectList(actor: ActorContext, q: ProjectExportQuery): Promise<XlsxDownload> {
      const { columns, ...filters } = q;
      const query: ProjectListQuery = { ...filters, limit: batchSize };
      const first = await queries.list(actor, query);
      const { workbook, output } = streamingWorkbook();
      inBackground(
        output,
        writeProjectListSheet(
          workbook,
          output,
          withLightReasons(columns ?? DEFAULT_LIST_EXPORT_COLUMNS, q.light),
          first.items,
          pagesAfter(actor, query, first.nextCursor),
        ),
      );
      const day = today();
      return { fileName: `项目库-${day}.xlsx`, fallbackName: `projects-${day}.xlsx`, body: output };
    },

    /**
     * The year's four lists as the ledgers units hand in: one sheet per list, titled after the
     * county ('兰溪市2026年开工清单'), projects grouped by the units directly below the chosen one
     * (the county by default), the chosen unit's own projects first as 本级.
     */
    async fourLists(
      actor: ActorContext,
      yearOrNow: number | undefined,
      unitId: number | undefined,
    ): Promise<XlsxDownload> {
      const year = yearOrNow ?? Number(today().slice(0, 4));
      const all = await units.listAll();
      const root = all.find((u) => u.parent_id === null);
      const top = unitId === undefined ? root : all.find((u) => u.id === unitId);
      if (!root || !top) throw notFound('unit');
      const scope = listScope(actor, 'project');
      const children = all.filter((u) => u.parent_id === top.id && visibleSubtree(scope, u.path) !== null);
      const hasOwn = visibleSubtree(scope, top.path) === top.path && (await exports.hasOwnProjects(top.path));
      const suffix = top.id === root.id ? '' : `（${top.name}）`;

      async function* groups(list: ListName): AsyncGenerator<LedgerGroup> {
        if (hasOwn) yield { unitName: `${top!.name}本级`, batches: ledgerBatches(actor, list, year, top!, true) };
        for (const unit of children)
          yield { unitName: unit.name, batches: ledgerBatches(actor, list, year, unit, false) };
      }

      const { workbook, output } = streamingWorkbook();
      inBackground(
        output,
        (async () => {
          for (const list of LISTS) {
            const name = LIST_LABELS[list]['zh-CN'];
            const written = await writeLedgerSheet(
              workbook,
              output,
              { name, title: `${root.name}${year}年${name}${suffix}`, list },
              groups(list),
            );
            if (!written) return;
          }
          await workbook.commit();
        })(),
      );
      return {
        fileName: `${root.name}${year}年四张清单${suffix}.xlsx`,
        fallbackName: `four-lists-${year}.xlsx`,
        body: output,
      };
    },

    /** The project import template, its 责任单位 drop-down holding the units this person may add projects to. */
    async projectTemplate(actor: ActorContext): Promise<XlsxDownload> {
      const all = await units.listAll();
      const names = (list: Unit[]) => [...new Set(list.map((u) => u.name))];
      const leadUnits = names(all.filter((u) => projectPolicy.canCreateFor(actor, u)));
      const townships = names(all.filter((u) => u.kind === 'township' || u.kind === 'street'));
      const body = await buildTemplate({
        sheetName: '项目台账',
        columns: projectTemplateColumns({ leadUnits, townships }),
        notes: PROJECT_TEMPLATE_NOTES,
      });
      return { fileName: '项目导入模板.xlsx', fallbackName: 'project-template.xlsx', body };
    },

    /** The enterprise import template, its 所在乡镇 drop-down holding the townships this person may register in. */
    async enterpriseTemplate(actor: ActorContext): Promise<XlsxDownload> {
      const townships = [
        ...new Set(
          (await units.listAll())
            .filter((u) => ENTERPRISE_TOWNSHIP_KINDS.has(u.kind) && enterprisePolicy.canCreateIn(actor, u))
            .map((u) => u.name),
        ),
      ];
      const body = await buildTemplate({
        sheetName: '企业名录',
        columns: enterpriseTemplateColumns(townships),
        notes: ENTERPRISE_TEMPLATE_NOTES,
      });
      return { fileName: '企业导入模板.xlsx', fallbackName: 'enterprise-template.xlsx', body };
    },

    /**
     * The deal import template (招商台账): the county's source regions, chains, links and kinds, the stages
     * and listings as drop-downs, 牵头单位 the units this person may lead deals from, 招商小分队 the teams
     * (for those who may read them).
     */
    async dealTemplate(actor: ActorContext): Promise<XlsxDownload> {
      const settings = await dealSettings.current();
      const zh = (o: { label: { 'zh-CN': string } }) => o.label['zh-CN'];
      const teams =
        scopeFor(actor, 'dealSettings', 'read').kind === 'none'
          ? []
          : (await dealSettings.teams(actor)).items.map((t) => t.name);
      const leadUnits = [
        ...new Set((await units.listAll()).filter((u) => dealPolicy.canCreateFor(actor, u)).map((u) => u.name)),
      ];
      const body = await buildTemplate({
        sheetName: '招商台账',
        columns: dealTemplateColumns({
          sourceRegions: settings.sourceRegions.map(zh),
          chains: settings.chains.map(zh),
          links: [...new Set(settings.chains.flatMap((c) => c.links.map(zh)))],
          kinds: settings.kinds.map(zh),
          leadUnits,
          teams,
        }),
        notes: DEAL_TEMPLATE_NOTES,
      });
      return { fileName: '招商项目导入模板.xlsx', fallbackName: 'deal-template.xlsx', body };
    },

    /** The monthly-report import template; its example is last month's report. */
    async reportTemplate(): Promise<XlsxDownload> {
      const { year, month: lastMonth } = assessedPeriod(today());
      const body = await buildTemplate({
        sheetName: '月报',
        columns: reportTemplateColumns(year, lastMonth),
        notes: REPORT_TEMPLATE_NOTES,
      });
      return { fileName: '月报导入模板.xlsx', fallbackName: 'report-template.xlsx', body };
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
