import type { Kysely } from 'kysely';
import { creditCodeProblem, normaliseCreditCode } from '../../../../domain/enterprises/credit-code.ts';
import {
  ENTERPRISE_TOWNSHIP_KINDS,
  flagsFromWords,
  flagsOfStored,
  listedAndToBeListedConflict,
  normalisePhone,
  phoneProblem,
  storedFlags,
  type EnterpriseContact,
} from '../../../../domain/enterprises/enterprise-fields.ts';
import { enterpriseNameKey } from '../../../../domain/enterprises/enterprise-match.ts';
import { isIndustryCode } from '../../../../domain/industry/gbt4754.ts';
import { type EnterpriseLedgerField, type LedgerField } from '../../../../domain/exchange/project-columns.ts';
import { cellOf, planColumns, type RowError } from '../../../../domain/exchange/row-validation.ts';
import { isInSubtree } from '../../../../domain/units/unit-tree.ts';
import type { DB } from '../../../db/schema.ts';
import { enterprisePolicy } from '../../../policies/enterprise.policy.ts';
import { ENTERPRISE_MESSAGES } from '../../enterprises/enterprises.messages.ts';
import type { PreparedRow } from '../read/ledger-parse.ts';
import {
  eachBatch,
  type CheckCounts,
  type CheckOptions,
  type CheckResult,
  type PreviewRow,
  type RowAction,
  type UnitRef,
} from '../run/check-pass.ts';
import type { EnterpriseImportRepository, StoredEnterprise } from './enterprise-import.repository.ts';

/**
 * Checking an enterprise ledger (企业名录) with the registry's rules (enterprises.service.ts): the
 * credit code by its check character, the trade as a GB/T 4754 division, the phone, listed and
 * to-be-listed never both, the township one the person may register enterprises in. Each row is
 * matched by its credit code (an enterprise registered under another name is refused), else by its
 * exact name key, else it registers a new enterprise. Nothing is written here; a commit receives the
 * planned changes batch by batch through `onOps`.
 */
export interface EnterpriseValues {
  name: string;
  name_key: string;
  credit_code: string | null;
  industry_code: string | null;
  scale: string;
  township_unit_id: number;
  unit_path: string;
  address: string | null;
  contacts_json: string;
  flags: string;
}

export type PlannedEnterpriseOp =
  | { op: 'create'; row: number; values: EnterpriseValues }
  | {
      op: 'update';
      row: number;
      stored: StoredEnterprise;
      patch: Partial<EnterpriseValues>;
    };

type Field = EnterpriseLedgerField | Extract<LedgerField, 'industryCode' | 'township' | 'address'>;

/** A registry message in Chinese, as the API gives it. */
function registryMessage(key: keyof typeof ENTERPRISE_MESSAGES, params: Record<string, string | number> = {}) {
  return ENTERPRISE_MESSAGES[key]['zh-CN'].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

const FLAG_CHOICES = '专精特新、小巨人、高新技术企业、上市、拟上市';

export function createEnterpriseChecker({ db, repo }: { db: Kysely<DB>; repo: EnterpriseImportRepository }) {
  return {
    async check(o: CheckOptions<PlannedEnterpriseOp>): Promise<CheckResult> {
      const ex = o.ex ?? db;
      const plans = planColumns(o.header, o.mapping, o.year);
      const mapped = new Set(plans.map((p) => p.column.field));
      const counts: CheckCounts = { rows: 0, create: 0, update: 0, unchanged: 0, skipped: 0, errorRows: 0, errors: 0 };
      const errors: RowError[] = [];
      const preview: PreviewRow[] = [];
      /** Credit code, and name key of rows without one → the row that first named it. */
      const seenCodes = new Map<string, number>();
      const seenNames = new Map<string, number>();
      const townships = new Map<string, UnitRef[]>();
      for (const u of o.units)
        if (ENTERPRISE_TOWNSHIP_KINDS.has(u.kind)) townships.set(u.name, [...(townships.get(u.name) ?? []), u]);
      const at = (field: Field, row: number) => cellOf(field, row, plans);
      const keep = (row: PreparedRow, action: RowAction, list: RowError[]) => {
        if (preview.length < (o.previewRows ?? 0))
          preview.push({ row: row.row, action, values: row.values, errors: list });
      };
      const mayKeep = (e: { id: number; unit_path: string }) =>
        isInSubtree(e.unit_path, o.target.path) && enterprisePolicy.canUpdate(o.actor, e);

      /** The row's own fields, checked alone; null where the cell is empty. */
      function read(r: PreparedRow) {
        const errs: RowError[] = [];
        const text = (f: Field) => (typeof r.values[f] === 'string' ? (r.values[f] as string) : null);
        const name = text('enterpriseName');
        if (!name && !r.errors.some((e) => e.cell === at('enterpriseName', r.row).cell))
          errs.push({
            ...at('enterpriseName', r.row),
            message: mapped.has('enterpriseName') ? '须填写企业名称' : '台账中没有“企业名称”列，请在列对应中指定',
          });

        let code: string | null = null;
        const rawCode = text('creditCode');
        if (rawCode) {
          code = normaliseCreditCode(rawCode);
          const problem = code ? creditCodeProblem(code) : null;
          if (problem) {
            errs.push({
              ...at('creditCode', r.row),
              message: registryMessage(`CREDIT_CODE_${problem}`, { code, length: code.length }),
            });
            code = null;
          } else if (!code) code = null;
        }

        const industry = text('industryCode');
        if (industry && !isIndustryCode(industry))
          errs.push({
            ...at('industryCode', r.row),
            message: registryMessage('ENTERPRISE_INDUSTRY', { code: industry }),
          });

        let township: UnitRef | null = null;
        const townshipName = text('township');
        if (townshipName) {
          const found = townships.get(townshipName) ?? [];
          const allowed = found.filter(
            (u) => isInSubtree(u.path, o.target.path) && enterprisePolicy.canCreateIn(o.actor, u),
          );
          if (!found.length)
            errs.push({ ...at('township', r.row), message: `“${townshipName}”不是本县的乡镇、街道或平台` });
          else if (!allowed.length)
            errs.push({
              ...at('township', r.row),
              message: `“${townshipName}”不在“${o.target.name}”或您可登记企业的范围内`,
            });
          else township = allowed[0]!;
        }

        const contactName = text('contactName');
        const rawPhone = text('contactPhone');
        let contact: EnterpriseContact | null = null;
        if (rawPhone) {
          const phone = normalisePhone(rawPhone);
          if (phoneProblem(phone))
            errs.push({
              ...at('contactPhone', r.row),
              message: registryMessage('ENTERPRISE_PHONE', { name: contactName ?? '', phone: rawPhone }),
            });
          else if (!contactName) errs.push({ ...at('contactName', r.row), message: '填写联系电话时须填写联系人' });
          else contact = { name: contactName, phone };
        } else if (contactName)
          errs.push({ ...at('contactPhone', r.row), message: `须填写联系人“${contactName}”的电话` });

        let flags: string[] | null = null;
        if (Array.isArray(r.values.flags)) {
          const { flags: found, unknown } = flagsFromWords(r.values.flags);
          if (unknown.length)
            errs.push({
              ...at('flags', r.row),
              message: `“${unknown.join('、')}”不是可选的标识，应为 ${FLAG_CHOICES}`,
            });
          else if (listedAndToBeListedConflict(found))
            errs.push({ ...at('flags', r.row), message: registryMessage('ENTERPRISE_FLAGS_CONFLICT') });
          else flags = found;
        }
        return {
          errs,
          name,
          code,
          industry,
          scale: text('scale'),
          township,
          address: text('address'),
          contact,
          flags,
        };
      }

      type Read = ReturnType<typeof read>;

      /** The stored enterprise the row changes, or null for a new one; errors when it may not. */
      function match(
        r: PreparedRow,
        x: Read,
        byCode: Map<string, StoredEnterprise>,
        byName: Map<string, StoredEnterprise[]>,
      ): { stored: StoredEnterprise | null; errs: RowError[] } {
        const key = enterpriseNameKey(x.name!);
        if (x.code) {
          const first = seenCodes.get(x.code);
          if (first !== undefined)
            return {
              stored: null,
              errs: [{ ...at('creditCode', r.row), message: `统一社会信用代码“${x.code}”与第 ${first} 行重复` }],
            };
          seenCodes.set(x.code, r.row);
          const stored = byCode.get(x.code);
          if (stored) {
            if (stored.name_key !== key)
              return {
                stored: null,
                errs: [
                  {
                    ...at('creditCode', r.row),
                    message: registryMessage('CREDIT_CODE_TAKEN', { code: x.code, name: stored.name }),
                  },
                ],
              };
            return mayKeep(stored)
              ? { stored, errs: [] }
              : {
                  stored: null,
                  errs: [{ ...at('creditCode', r.row), message: `“${stored.name}”不在您的管辖范围内，不能修改` }],
                };
          }
        }
        // By the exact name: a row without a code, or whose code is not registered yet, to an enterprise without one.
        const named = (byName.get(key) ?? []).filter((e) => !x.code || e.credit_code === null);
        if (!x.code) {
          const first = seenNames.get(key);
          if (first !== undefined)
            return {
              stored: null,
              errs: [{ ...at('enterpriseName', r.row), message: `与第 ${first} 行是同一企业，请合并为一行` }],
            };
          seenNames.set(key, r.row);
        }
        if (named.length > 1)
          return {
            stored: null,
            errs: [
              {
                ...at('enterpriseName', r.row),
                message: `企业库中有 ${named.length} 家名为“${x.name}”的企业，请填写统一社会信用代码以区分`,
              },
            ],
          };
        const stored = named[0] ?? null;
        if (stored && !mayKeep(stored))
          return {
            stored: null,
            errs: [{ ...at('enterpriseName', r.row), message: `“${stored.name}”已登记，不在您的管辖范围内，不能修改` }],
          };
        return { stored, errs: [] };
      }

      function plan(
        r: PreparedRow,
        x: Read,
        stored: StoredEnterprise | null,
      ): { op: PlannedEnterpriseOp | null; errs: RowError[] } {
        if (!stored) {
          const errs: RowError[] = [];
          for (const f of ['scale', 'township'] as const) {
            const label = f === 'scale' ? '规模' : '所在乡镇';
            if (!(f === 'scale' ? x.scale : x.township) && !r.errors.some((e) => e.cell === at(f, r.row).cell))
              errs.push({
                ...at(f, r.row),
                message: mapped.has(f)
                  ? `新登记企业须填写“${label}”`
                  : `新登记企业须有“${label}”：台账中没有这一列，请在列对应中指定`,
              });
          }
          if (errs.length) return { op: null, errs };
          const name = x.name!;
          return {
            op: {
              op: 'create',
              row: r.row,
              values: {
                name,
                name_key: enterpriseNameKey(name),
                credit_code: x.code,
                industry_code: x.industry,
                scale: x.scale!,
                township_unit_id: x.township!.id,
                unit_path: x.township!.path,
                address: x.address,
                contacts_json: JSON.stringify(x.contact ? [x.contact] : []),
                flags: storedFlags(x.flags ?? []),
              },
            },
            errs: [],
          };
        }
        const patch: Partial<EnterpriseValues> = {};
        if (x.name !== stored.name) {
          patch.name = x.name!;
          patch.name_key = enterpriseNameKey(x.name!);
        }
        if (x.code && x.code !== stored.credit_code) patch.credit_code = x.code;
        if (x.industry && x.industry !== stored.industry_code) patch.industry_code = x.industry;
        if (x.scale && x.scale !== stored.scale) patch.scale = x.scale;
        if (x.township && x.township.id !== stored.township_unit_id) {
          patch.township_unit_id = x.township.id;
          patch.unit_path = x.township.path;
        }
        if (x.address && x.address !== stored.address) patch.address = x.address;
        if (x.contact) {
          // The ledger's contact replaces the one of that name (keeping their role), else comes first.
          const contacts = JSON.parse(stored.contacts_json) as EnterpriseContact[];
          const i = contacts.findIndex((c) => c.name === x.contact!.name);
          const next =
            i >= 0
              ? contacts.map((c, j) => (j === i ? { ...c, phone: x.contact!.phone } : c))
              : [x.contact, ...contacts].slice(0, 10);
          const json = JSON.stringify(next);
          if (json !== stored.contacts_json) patch.contacts_json = json;
        }
        if (x.flags) {
          const flags = storedFlags(x.flags);
          if (flags !== storedFlags(flagsOfStored(stored.flags))) patch.flags = flags;
        }
        return { op: Object.keys(patch).length ? { op: 'update', row: r.row, stored, patch } : null, errs: [] };
      }

      async function planBatch(batch: PreparedRow[]) {
        const rows = batch.map((r) => ({ r, x: read(r) }));
        const codes = [...new Set(rows.flatMap(({ x }) => (x.code ? [x.code] : [])))];
        const keys = [...new Set(rows.flatMap(({ x }) => (x.name ? [enterpriseNameKey(x.name)] : [])))];
        const [coded, named] = await Promise.all([
          repo.byCreditCodes(ex, codes, o.lock),
          repo.byNameKeys(ex, keys, o.lock),
        ]);
        const byCode = new Map(coded.map((e) => [e.credit_code!, e]));
        const byName = new Map<string, StoredEnterprise[]>();
        for (const e of named) byName.set(e.name_key, [...(byName.get(e.name_key) ?? []), e]);

        const ops: PlannedEnterpriseOp[] = [];
        for (const { r, x } of rows) {
          const list = [...r.errors, ...x.errs];
          let op: PlannedEnterpriseOp | null = null;
          if (x.name) {
            const m = match(r, x, byCode, byName);
            list.push(...m.errs);
            if (!list.length) {
              const p = plan(r, x, m.stored);
              list.push(...p.errs);
              op = p.op;
            }
          }
          if (list.length) {
            counts.errorRows++;
            counts.errors += list.length;
            for (const e of list) if (errors.length < o.maxErrors) errors.push(e);
            keep(r, 'invalid', list);
            continue;
          }
          const action: RowAction = op ? op.op : 'unchanged';
          counts[action]++;
          keep(r, action, []);
          if (op) ops.push(op);
        }
        if (ops.length && o.onOps) await o.onOps(ops, counts.errorRows > 0);
      }

      return { counts, errors, preview, sheetRows: await eachBatch(o, counts, planBatch) };
    },
  };
}

export type EnterpriseChecker = ReturnType<typeof createEnterpriseChecker>;
