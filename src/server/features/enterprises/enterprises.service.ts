import type { Kysely } from 'kysely';
import { creditCodeProblem, normaliseCreditCode } from '../../../domain/enterprises/credit-code.ts';
import {
  ENTERPRISE_TOWNSHIP_KINDS,
  listedAndToBeListedConflict,
  normalisePhone,
  phoneProblem,
  storedFlags,
  type EnterpriseContact,
  type EnterpriseFlag,
} from '../../../domain/enterprises/enterprise-fields.ts';
import { enterpriseNameKey } from '../../../domain/enterprises/enterprise-match.ts';
import { isIndustryCode } from '../../../domain/industry/gbt4754.ts';
import type { Colour } from '../../../domain/lights/types.ts';
import type { EnterpriseBody, EnterprisePatch, LicenceBody } from '../../../contract/enterprises.ts';
import type { Clock, Today } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { enterprisePolicy, enterpriseScopeAllows } from '../../policies/enterprise.policy.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import { enterpriseAuditView, presentEnterprise, presentLicence } from './enterprises.presenter.ts';
import type { EnterpriseRepository, EnterpriseRow } from './enterprises.repository.ts';

export interface EnterpriseServiceDeps {
  db: Kysely<DB>;
  enterprises: EnterpriseRepository;
  units: UnitRepository;
  audit: AuditLog;
  clock: Clock;
  today: Today;
}

/** Control characters and bidirectional overrides are refused or removed before a handler runs (input-guard.ts). */
const cleanText = (text: string) => text.trim();

function checkedCreditCode(input: string | null | undefined): string | null {
  const code = input ? normaliseCreditCode(cleanText(input)) : '';
  if (!code) return null;
  const problem = creditCodeProblem(code);
  if (problem) throw invalid(`CREDIT_CODE_${problem}`, { code, length: code.length }, 'creditCode');
  return code;
}

function checkedContacts(contacts: readonly EnterpriseContact[]): EnterpriseContact[] {
  return contacts.map((c, i) => {
    const phone = normalisePhone(c.phone);
    if (phoneProblem(phone)) throw invalid('ENTERPRISE_PHONE', { name: c.name, phone: c.phone }, `contacts.${i}.phone`);
    return { name: cleanText(c.name), phone, ...(c.role ? { role: cleanText(c.role) } : {}) };
  });
}

function checkedFlags(flags: readonly EnterpriseFlag[]): EnterpriseFlag[] {
  const unique = [...new Set(flags)];
  if (listedAndToBeListedConflict(unique)) throw invalid('ENTERPRISE_FLAGS_CONFLICT', {}, 'flags');
  return unique;
}

function checkedIndustry(code: string | null | undefined): string | null {
  if (!code) return null;
  if (!isIndustryCode(code)) throw invalid('ENTERPRISE_INDUSTRY', { code }, 'industryCode');
  return code;
}

function checkedLicenceDates(from: string | null | undefined, to: string) {
  if (from && to < from) throw invalid('LICENCE_DATES', { from, to }, 'validTo');
}

export function createEnterpriseService(deps: EnterpriseServiceDeps) {
  const { db, enterprises, units, audit, clock, today } = deps;

  async function township(id: number, ex: Kysely<DB>) {
    const unit = await units.findById(id, ex);
    if (!unit || !ENTERPRISE_TOWNSHIP_KINDS.has(unit.kind)) throw invalid('ENTERPRISE_TOWNSHIP', {}, 'townshipUnitId');
    return unit;
  }

  async function visible(actor: ActorContext, id: number, ex: Kysely<DB> = db) {
    const e = await enterprises.findById(id, ex);
    if (!e || !enterpriseScopeAllows(enterprisePolicy.readScope(actor), { unitPath: e.unit_path, enterpriseId: e.id }))
      throw notFound('enterprise');
    return e;
  }

  async function assertCodeFree(ex: Kysely<DB>, code: string | null, selfId?: number) {
    if (!code) return;
    const clash = await enterprises.findByCreditCode(code, ex);
    if (clash && clash.id !== selfId) throw conflict('CREDIT_CODE_TAKEN', { code, name: clash.name }, 'creditCode');
  }

  async function detail(actor: ActorContext, e: EnterpriseRow, linkedNow?: number) {
    const [licences, projects] = await Promise.all([enterprises.licencesOf(e.id), enterprises.projectsOf(e.id)]);
    const day = today();
    return {
      ...presentEnterprise(e),
      licences: licences.map((l) => presentLicence(l, day)),
      projects: projects.map((p) => ({
        id: p.id,
        name: p.name,
        stage: p.stage,
        code: p.code,
        totalInvestmentYuan: Number(p.total_investment),
        light: (p.light ?? null) as Colour | null,
        openTickets: Number(p.open_tickets ?? 0),
      })),
      ...(linkedNow === undefined ? {} : { linkedNow }),
      canEdit: enterprisePolicy.canUpdate(actor, e),
    };
  }

  const saving = <T>(work: () => Promise<T>) =>
    work().catch((e: unknown) => {
      if (isUniqueViolation(e)) throw conflict('CREDIT_CODE_TAKEN', { code: '', name: '' }, 'creditCode');
      throw e;
    });

  return {
    async list(
      actor: ActorContext,
      q: { q?: string; townshipUnitId?: number; scale?: string; flag?: string; page: number; pageSize: number },
    ) {
      const scope = enterprisePolicy.readScope(actor);
      const townshipPath = q.townshipUnitId ? (await units.findById(q.townshipUnitId))?.path : undefined;
      if (q.townshipUnitId && !townshipPath) return { items: [], total: 0, page: q.page };
      const { items, total } = await enterprises.list(scope, { ...q, townshipPath }, q.page, q.pageSize);
      return { items: items.map(presentEnterprise), total, page: q.page };
    },

    async get(actor: ActorContext, id: number) {
      return detail(actor, await visible(actor, id));
    },

    async create(actor: ActorContext, input: EnterpriseBody, ip: string | null) {
      const creditCode = checkedCreditCode(input.creditCode);
      const contacts = checkedContacts(input.contacts ?? []);
      const flags = checkedFlags(input.flags ?? []);
      const industryCode = checkedIndustry(input.industryCode);
      const name = cleanText(input.name);
      const { id, linked } = await saving(() =>
        db.transaction().execute(async (trx) => {
          const unit = await township(input.townshipUnitId, trx);
          if (!enterprisePolicy.canCreateIn(actor, unit)) throw forbidden();
          await assertCodeFree(trx, creditCode);
          const at = clock().toISOString();
          const row = {
            name,
            name_key: enterpriseNameKey(name),
            credit_code: creditCode,
            industry_code: industryCode,
            scale: input.scale,
            township_unit_id: unit.id,
            unit_path: unit.path,
            address: input.address ? cleanText(input.address) : null,
            contacts_json: JSON.stringify(contacts),
            flags: storedFlags(flags),
            created_at: at,
            updated_at: at,
          };
          const { id } = await enterprises.insert(trx, row);
          const linked = await enterprises.linkOwnedProjects(trx, { id, ...row }, enterpriseNameKey);
          const saved = (await enterprises.findById(id, trx))!;
          await audit.record(
            {
              actor,
              action: 'enterprise.create',
              objectType: 'enterprise',
              objectId: String(id),
              unitPath: unit.path,
              summary: `新增企业“${name}”${linked ? `，关联项目 ${linked} 个` : ''}`,
              before: null,
              after: enterpriseAuditView(saved),
              ip,
            },
            trx,
          );
          return { id, linked };
        }),
      );
      return detail(actor, (await enterprises.findById(id))!, linked);
    },

    async update(actor: ActorContext, id: number, patch: EnterprisePatch, ip: string | null) {
      const creditCode = patch.creditCode === undefined ? undefined : checkedCreditCode(patch.creditCode);
      const contacts = patch.contacts === undefined ? undefined : checkedContacts(patch.contacts);
      const flags = patch.flags === undefined ? undefined : checkedFlags(patch.flags);
      const industryCode = patch.industryCode === undefined ? undefined : checkedIndustry(patch.industryCode);
      const linked = await saving(() =>
        db.transaction().execute(async (trx) => {
          const before = await visible(actor, id, trx);
          if (!enterprisePolicy.canUpdate(actor, before)) throw forbidden();
          // An enterprise keeps its own contacts and flags current; where it is registered is the township's to say.
          if (actor.role === 'enterprise' && (patch.townshipUnitId !== undefined || patch.name !== undefined))
            throw forbidden();
          const unit = patch.townshipUnitId === undefined ? null : await township(patch.townshipUnitId, trx);
          if (unit && !enterprisePolicy.canCreateIn(actor, unit)) throw forbidden();
          await assertCodeFree(trx, creditCode ?? null, id);
          const name = patch.name === undefined ? undefined : cleanText(patch.name);
          const set = {
            ...(name === undefined ? {} : { name, name_key: enterpriseNameKey(name) }),
            ...(creditCode === undefined ? {} : { credit_code: creditCode }),
            ...(industryCode === undefined ? {} : { industry_code: industryCode }),
            ...(patch.scale === undefined ? {} : { scale: patch.scale }),
            ...(unit ? { township_unit_id: unit.id, unit_path: unit.path } : {}),
            ...(patch.address === undefined ? {} : { address: patch.address ? cleanText(patch.address) : null }),
            ...(contacts === undefined ? {} : { contacts_json: JSON.stringify(contacts) }),
            ...(flags === undefined ? {} : { flags: storedFlags(flags) }),
            updated_at: clock().toISOString(),
          };
          await enterprises.update(trx, id, set);
          const after = (await enterprises.findById(id, trx))!;
          const linked = await enterprises.linkOwnedProjects(trx, after, enterpriseNameKey);
          await audit.record(
            {
              actor,
              action: 'enterprise.update',
              objectType: 'enterprise',
              objectId: String(id),
              unitPath: after.unit_path,
              summary: `修改企业“${after.name}”`,
              before: enterpriseAuditView(before),
              after: enterpriseAuditView(after),
              ip,
            },
            trx,
          );
          return linked;
        }),
      );
      return detail(actor, (await enterprises.findById(id))!, linked);
    },

    /** The licences in scope ending within `withinDays` of today, expired ones first. */
    async licences(actor: ActorContext, q: { withinDays: number; page: number; pageSize: number }) {
      const day = today();
      const until = new Date(Date.parse(`${day}T00:00:00Z`) + q.withinDays * 86_400_000).toISOString().slice(0, 10);
      const { items, total, expired } = await enterprises.licencesEndingBy(
        enterprisePolicy.readScope(actor),
        until,
        day,
        q.page,
        q.pageSize,
      );
      return { items: items.map((l) => presentLicence(l, day)), total, expired, page: q.page };
    },

    async addLicence(actor: ActorContext, enterpriseId: number, input: LicenceBody, ip: string | null) {
      checkedLicenceDates(input.validFrom, input.validTo);
      const licenceId = await db.transaction().execute(async (trx) => {
        const e = await visible(actor, enterpriseId, trx);
        if (!enterprisePolicy.canUpdate(actor, e)) throw forbidden();
        const at = clock().toISOString();
        const row = {
          enterprise_id: e.id,
          type: input.type,
          number: cleanText(input.number),
          issuer: input.issuer ? cleanText(input.issuer) : null,
          valid_from: input.validFrom ?? null,
          valid_to: input.validTo,
          created_at: at,
          updated_at: at,
        };
        const { id } = await enterprises.insertLicence(trx, row);
        await audit.record(
          {
            actor,
            action: 'licence.create',
            objectType: 'licence',
            objectId: String(id),
            unitPath: e.unit_path,
            summary: `“${e.name}”新增证照 ${row.number}（至 ${row.valid_to}）`,
            before: null,
            after: licenceAudit(row),
            ip,
          },
          trx,
        );
        return id;
      });
      return presentLicence((await enterprises.findLicence(licenceId))!, today());
    },

    async updateLicence(actor: ActorContext, id: number, patch: Partial<LicenceBody>, ip: string | null) {
      await db.transaction().execute(async (trx) => {
        const before = await editableLicence(actor, id, trx);
        const next = {
          type: patch.type ?? before.type,
          number: patch.number === undefined ? before.number : cleanText(patch.number),
          issuer: patch.issuer === undefined ? before.issuer : patch.issuer ? cleanText(patch.issuer) : null,
          valid_from: patch.validFrom === undefined ? before.valid_from : patch.validFrom,
          valid_to: patch.validTo ?? before.valid_to,
        };
        checkedLicenceDates(next.valid_from, next.valid_to);
        await enterprises.updateLicence(trx, id, { ...next, updated_at: clock().toISOString() });
        await audit.record(
          {
            actor,
            action: 'licence.update',
            objectType: 'licence',
            objectId: String(id),
            unitPath: before.unit_path,
            summary: `修改“${before.enterprise_name}”的证照 ${next.number}`,
            before: licenceAudit(before),
            after: licenceAudit({ ...next, enterprise_id: before.enterprise_id }),
            ip,
          },
          trx,
        );
      });
      return presentLicence((await enterprises.findLicence(id))!, today());
    },

    async deleteLicence(actor: ActorContext, id: number, ip: string | null) {
      await db.transaction().execute(async (trx) => {
        const before = await editableLicence(actor, id, trx);
        await enterprises.deleteLicence(trx, id);
        await audit.record(
          {
            actor,
            action: 'licence.delete',
            objectType: 'licence',
            objectId: String(id),
            unitPath: before.unit_path,
            summary: `删除“${before.enterprise_name}”的证照 ${before.number}`,
            before: licenceAudit(before),
            after: null,
            ip,
          },
          trx,
        );
      });
    },
  };

  async function editableLicence(actor: ActorContext, id: number, ex: Kysely<DB>) {
    const l = await enterprises.findLicence(id, ex);
    const e = l && (await visible(actor, l.enterprise_id, ex).catch(() => null));
    if (!l || !e) throw notFound('licence');
    if (!enterprisePolicy.canUpdate(actor, e)) throw forbidden();
    return l;
  }
}

const licenceAudit = (l: {
  enterprise_id: number;
  type: string;
  number: string;
  issuer: string | null;
  valid_from: string | null;
  valid_to: string;
}) => ({
  enterpriseId: l.enterprise_id,
  type: l.type,
  number: l.number,
  issuer: l.issuer,
  validFrom: l.valid_from,
  validTo: l.valid_to,
});

export type EnterpriseService = ReturnType<typeof createEnterpriseService>;
