import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, invalid } from '../../http/errors.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import { hashPassword } from '../session/password.ts';
import type { SettingsRepository } from '../settings/settings.repository.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import type { UserRepository } from '../users/users.repository.ts';
import { checkPassword } from '../users/users.service.ts';
import { findCounty, townshipsOf } from './divisions.ts';

export interface SetupInput {
  regionCode: string;
  username: string;
  password: string;
  displayName?: string;
}

const SETUP_KEY = 'setup';

export function createSetupService({
  db,
  settings,
  units,
  users,
  audit,
  clock,
}: {
  db: Kysely<DB>;
  settings: SettingsRepository;
  units: UnitRepository;
  users: UserRepository;
  audit: AuditLog;
  clock: Clock;
}) {
  async function isDone(ex: Kysely<DB> = db) {
    return (await settings.find(SETUP_KEY, ex)) !== undefined;
  }

  return {
    isDone,

    async status() {
      const value = await settings.find(SETUP_KEY);
      return value !== undefined
        ? { done: true, ...(JSON.parse(value) as { regionCode: string; regionName: string }) }
        : { done: false as const };
    },

    /**
     * First run: the county and its townships and streets from the official list, and the first admin,
     * all in one transaction. The settings row is written first; its primary key makes a second,
     * concurrent setup fail instead of creating a second county.
     */
    async run(input: SetupInput, opts: { seeded?: boolean } = {}) {
      const county = findCounty(input.regionCode);
      if (!county) throw invalid('UNKNOWN_REGION', { code: input.regionCode }, 'regionCode');
      if (!opts.seeded) checkPassword(input.username, input.password);
      const passwordHash = await hashPassword(input.password);
      const done = () => new AppError(409, 'SETUP_DONE', 'SETUP_DONE');
      if (await isDone()) throw done();
      try {
        return await db.transaction().execute(async (trx) => {
          const at = clock().toISOString();
          await settings.insert(
            trx,
            SETUP_KEY,
            JSON.stringify({ regionCode: county.code, regionName: county.name, at }),
            at,
          );
          const root = await units.insert(trx, {
            parent_id: null,
            parentPath: null,
            name: county.name,
            kind: 'county',
            region_code: county.code,
            sort_order: 0,
            at,
          });
          const townships = townshipsOf(county.code);
          for (const [i, t] of townships.entries()) {
            await units.insert(trx, {
              parent_id: root.id,
              parentPath: root.path,
              name: t.name,
              kind: t.kind,
              region_code: t.code,
              sort_order: i + 1,
              at,
            });
          }
          const { id } = await users.insert(trx, {
            username: input.username,
            display_name: input.displayName || '系统管理员',
            password_hash: passwordHash,
            role: 'admin',
            unit_id: root.id,
            enterprise_id: null,
            is_active: 1,
            locale: null,
            created_at: at,
            updated_at: at,
          });
          const actor = { id, username: input.username, displayName: input.displayName || '系统管理员' };
          await audit.record(
            {
              actor,
              action: 'setup',
              objectType: 'unit',
              objectId: String(root.id),
              unitPath: root.path,
              summary: `首次设置：${county.province}${county.city}${county.name}，${townships.length} 个乡镇街道，管理员 ${input.username}`,
              after: { regionCode: county.code, townships: townships.map((t) => t.name), admin: input.username },
            },
            trx,
          );
          return { userId: id, unitCount: townships.length + 1, county };
        });
      } catch (err) {
        if (await isDone()) throw done();
        throw err;
      }
    },
  };
}

export type SetupService = ReturnType<typeof createSetupService>;
