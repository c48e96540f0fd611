import type { Kysely } from 'kysely';
import { canMoveUnder, depthOf, type UnitKind } from '../../../domain/units/unit-tree.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { unitPolicy } from '../../policies/unit.policy.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import { presentUnit } from './units.presenter.ts';
import type { UnitRepository } from './units.repository.ts';

export interface UnitServiceDeps {
  db: Kysely<DB>;
  units: UnitRepository;
  audit: AuditLog;
  clock: Clock;
}

export interface NewUnit {
  parentId: number;
  name: string;
  kind: UnitKind;
  regionCode?: string | null;
  sortOrder?: number;
}

export interface UnitPatch {
  name?: string;
  kind?: UnitKind;
  parentId?: number;
  sortOrder?: number;
}

const auditView = (u: {
  name: string;
  kind: string;
  parent_id: number | null;
  region_code: string | null;
  sort_order: number;
}) => ({
  name: u.name,
  kind: u.kind,
  parentId: u.parent_id,
  regionCode: u.region_code,
  sortOrder: u.sort_order,
});

export function createUnitService({ db, units, audit, clock }: UnitServiceDeps) {
  async function load(id: number, ex: Kysely<DB> = db) {
    const unit = await units.findById(id, ex);
    if (!unit) throw notFound('unit');
    return unit;
  }

  async function assertNameFree(ex: Kysely<DB>, parentId: number | null, name: string, selfId?: number) {
    const clash = await units.findSiblingByName(parentId, name, ex);
    if (clash && clash.id !== selfId) throw conflict('DUPLICATE_UNIT_NAME', { name }, 'name');
  }

  return {
    async list(actor: ActorContext) {
      const rows = await units.listAll();
      return rows.filter((u) => unitPolicy.canRead(actor, u)).map(presentUnit);
    },

    async get(actor: ActorContext, id: number) {
      const unit = await load(id);
      if (!unitPolicy.canRead(actor, unit)) throw notFound('unit');
      return presentUnit(unit);
    },

    async create(actor: ActorContext, input: NewUnit, ip: string | null) {
      const id = await db.transaction().execute(async (trx) => {
        const parent = await units.findById(input.parentId, trx);
        if (!parent) throw invalid('NOT_FOUND', { what: 'parentId' }, 'parentId');
        if (!unitPolicy.canCreateUnder(actor, parent)) throw forbidden();
        await assertNameFree(trx, parent.id, input.name);
        const at = clock().toISOString();
        const created = await units.insert(trx, {
          parent_id: parent.id,
          parentPath: parent.path,
          name: input.name,
          kind: input.kind,
          region_code: input.regionCode ?? null,
          sort_order: input.sortOrder ?? 0,
          at,
        });
        await audit.record(
          {
            actor,
            action: 'unit.create',
            objectType: 'unit',
            objectId: String(created.id),
            unitPath: created.path,
            summary: `新增单位“${input.name}”（上级：${parent.name}）`,
            after: {
              name: input.name,
              kind: input.kind,
              parentId: parent.id,
              regionCode: input.regionCode ?? null,
              sortOrder: input.sortOrder ?? 0,
            },
            ip,
          },
          trx,
        );
        return created.id;
      });
      return presentUnit(await load(id));
    },

    async update(actor: ActorContext, id: number, patch: UnitPatch, ip: string | null) {
      await db.transaction().execute(async (trx) => {
        const unit = await load(id, trx);
        if (!unitPolicy.canUpdate(actor, unit)) throw forbidden();
        const moving = patch.parentId !== undefined && patch.parentId !== unit.parent_id;
        let newParentId = unit.parent_id;
        if (moving) {
          if (unit.parent_id === null) throw invalid('UNIT_IS_ROOT', {}, 'parentId');
          const parent = await units.findById(patch.parentId!, trx);
          if (!parent) throw invalid('NOT_FOUND', { what: 'parentId' }, 'parentId');
          if (!unitPolicy.canMoveUnder(actor, parent)) throw forbidden();
          if (!canMoveUnder(unit.path, parent.path)) throw invalid('UNIT_CYCLE', {}, 'parentId');
          newParentId = parent.id;
          const newPath = `${parent.path}${unit.id}/`;
          await units.rebaseSubtree(trx, unit.path, newPath, depthOf(newPath) - unit.depth);
        }
        const name = patch.name ?? unit.name;
        if (name !== unit.name || moving) await assertNameFree(trx, newParentId, name, unit.id);
        await units.update(trx, id, {
          name,
          kind: patch.kind ?? unit.kind,
          parent_id: newParentId,
          sort_order: patch.sortOrder ?? unit.sort_order,
          updated_at: clock().toISOString(),
        });
        const after = await load(id, trx);
        await audit.record(
          {
            actor,
            action: 'unit.update',
            objectType: 'unit',
            objectId: String(id),
            unitPath: after.path,
            summary: `修改单位“${unit.name}”`,
            before: auditView(unit),
            after: auditView(after),
            ip,
          },
          trx,
        );
      });
      return presentUnit(await load(id));
    },

    async remove(actor: ActorContext, id: number, ip: string | null) {
      await db.transaction().execute(async (trx) => {
        const unit = await load(id, trx);
        if (unit.parent_id === null) throw invalid('UNIT_IS_ROOT');
        if (!unitPolicy.canDelete(actor, unit)) throw forbidden();
        if (Number(unit.child_count) > 0)
          throw conflict('UNIT_HAS_CHILDREN', { name: unit.name, count: Number(unit.child_count) });
        if (Number(unit.user_count) > 0)
          throw conflict('UNIT_HAS_USERS', { name: unit.name, count: Number(unit.user_count) });
        const projectCount = await units.countProjects(id, trx);
        if (projectCount > 0) throw conflict('UNIT_HAS_PROJECTS', { name: unit.name, count: projectCount });
        await units.delete(trx, id);
        await audit.record(
          {
            actor,
            action: 'unit.delete',
            objectType: 'unit',
            objectId: String(id),
            unitPath: unit.path,
            summary: `删除单位“${unit.name}”`,
            before: auditView(unit),
            ip,
          },
          trx,
        );
      });
    },
  };
}

export type UnitService = ReturnType<typeof createUnitService>;
