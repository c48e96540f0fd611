import type { Kysely } from 'kysely';
import type { Role } from '../../../domain/access/roles.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, forbidden, invalid, notFound } from '../../http/errors.ts';
import { userPolicy } from '../../policies/user.policy.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import { normalizePassword, passwordProblem } from '../../../domain/access/password-policy.ts';
import { hashPassword } from '../session/password.ts';
import type { SessionRepository } from '../session/session.repository.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import { isBreachedPassword } from './breached-passwords.ts';
import { presentUser } from './users.presenter.ts';
import type { UserRepository, UserWithUnit } from './users.repository.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { enterprisePolicy, enterpriseScopeAllows } from '../../policies/enterprise.policy.ts';

export interface UserServiceDeps {
  db: Kysely<DB>;
  users: UserRepository;
  units: UnitRepository;
  sessions: SessionRepository;
  audit: AuditLog;
  clock: Clock;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitId: number;
  enterpriseId?: number | null;
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  unitId?: number;
  enterpriseId?: number | null;
  isActive?: boolean;
  password?: string;
}

const auditView = (u: UserWithUnit) => ({
  username: u.username,
  displayName: u.display_name,
  role: u.role,
  unitId: u.unit_id,
  enterpriseId: u.enterprise_id,
  isActive: u.is_active === 1,
});

/**
 * The password policy (src/domain/access/password-policy.ts) with the breached list, wherever a
 * password is set: setup, a new user, a reset, one's own change. The demo county's seeded accounts
 * skip it (`seeded`): their password is public by design and never typed into a form.
 */
export function checkPassword(username: string, password: string) {
  const problem = passwordProblem(password, { username, isCommon: isBreachedPassword });
  if (!problem) return;
  if (problem.code === 'PASSWORD_HAS_USERNAME' && normalizePassword(password) === normalizePassword(username.trim()))
    throw invalid('PASSWORD_WEAK', {}, 'password');
  const n = 'min' in problem ? problem.min : 'max' in problem ? problem.max : undefined;
  throw invalid(problem.code, n === undefined ? {} : { n }, 'password');
}

export function createUserService({ db, users, units, sessions, audit, clock }: UserServiceDeps) {
  /** The unit a user is placed in must exist and lie within what the actor may manage. */
  async function placeableUnit(actor: ActorContext, unitId: number, ex: Kysely<DB>, action: 'create' | 'update') {
    const unit = await units.findById(unitId, ex);
    if (!unit) throw invalid('NOT_FOUND', { what: 'unitId' }, 'unitId');
    if (!userPolicy.canPlaceIn(actor, unit, action)) throw forbidden();
    return unit;
  }

  /**
   * The enterprise an account of `role` belongs to: one the actor can see, refused for any other role. An
   * enterprise account not linked yet reaches nothing (enterprise.policy.ts) until it is.
   */
  async function accountEnterprise(actor: ActorContext, role: Role, enterpriseId: number | null, ex: Kysely<DB>) {
    if (role !== 'enterprise') {
      if (enterpriseId !== null) throw invalid('USER_ENTERPRISE_ONLY', {}, 'enterpriseId');
      return null;
    }
    if (enterpriseId === null) return null;
    const e = await users.findEnterprise(enterpriseId, ex);
    const scope = enterprisePolicy.readScope(actor);
    if (!e || !enterpriseScopeAllows(scope, { unitPath: e.unit_path, enterpriseId: e.id }))
      throw invalid('USER_ENTERPRISE_UNKNOWN', {}, 'enterpriseId');
    return e.id;
  }

  function assertGrantable(actor: ActorContext, role: Role) {
    if (!userPolicy.canGrant(actor, role)) throw new AppError(403, 'FORBIDDEN', 'ROLE_NOT_GRANTABLE', { role }, 'role');
  }

  return {
    async list(actor: ActorContext, f: { unitId?: number; q?: string }) {
      const rows = await users.list(userPolicy.readScope(actor), { ...f, limit: 1000 });
      return rows.map(presentUser);
    },

    async get(actor: ActorContext, id: number) {
      const row = await users.findInScope(userPolicy.readScope(actor), id);
      if (!row) throw notFound('user');
      return presentUser(row);
    },

    /** `seeded`: an account of the demo county, whose public password is exempt from the policy. */
    async create(actor: ActorContext, input: NewUser, ip: string | null, opts: { seeded?: boolean } = {}) {
      if (!userPolicy.mayCreateAny(actor)) throw forbidden();
      assertGrantable(actor, input.role);
      if (!opts.seeded) checkPassword(input.username, input.password);
      const passwordHash = await hashPassword(input.password);
      const duplicate = () =>
        new AppError(409, 'DUPLICATE', 'DUPLICATE_USERNAME', { username: input.username }, 'username');
      const id = await db
        .transaction()
        .execute(async (trx) => {
          const unit = await placeableUnit(actor, input.unitId, trx, 'create');
          if (await users.findByUsername(input.username, trx)) throw duplicate();
          const enterpriseId = await accountEnterprise(actor, input.role, input.enterpriseId ?? null, trx);
          const at = clock().toISOString();
          const { id } = await users.insert(trx, {
            username: input.username,
            display_name: input.displayName,
            password_hash: passwordHash,
            role: input.role,
            unit_id: unit.id,
            enterprise_id: enterpriseId,
            is_active: 1,
            locale: null,
            created_at: at,
            updated_at: at,
          });
          await audit.record(
            {
              actor,
              action: 'user.create',
              objectType: 'user',
              objectId: String(id),
              unitPath: unit.path,
              summary: `新建用户 ${input.username}（${input.displayName}，${unit.name}）`,
              after: {
                username: input.username,
                displayName: input.displayName,
                role: input.role,
                unitId: unit.id,
                enterpriseId,
                isActive: true,
              },
              ip,
            },
            trx,
          );
          return id;
        })
        // Two creations at once both pass the check; the unique index on lower(username) stops the second.
        .catch((e: unknown) => {
          throw isUniqueViolation(e) ? duplicate() : e;
        });
      return this.get(actor, id);
    },

    async update(actor: ActorContext, id: number, patch: UserPatch, ip: string | null) {
      // A token cannot set a password, anyone's: a stolen token must not become a stolen account.
      if (patch.password && actor.via === 'token') throw new AppError(403, 'FORBIDDEN', 'PASSWORD_BY_TOKEN');
      const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
      await db.transaction().execute(async (trx) => {
        const before = await users.findInScope(userPolicy.readScope(actor), id, trx);
        if (!before) throw notFound('user');
        if (!userPolicy.canUpdate(actor, { unitPath: before.unit_path })) throw forbidden();
        if (id === actor.id && ((patch.role && patch.role !== before.role) || patch.isActive === false)) {
          throw invalid('SELF_DEMOTION', {}, patch.role ? 'role' : 'isActive');
        }
        // Editing someone whose role one could not grant is itself a privilege escalation.
        assertGrantable(actor, before.role as Role);
        if (patch.role) assertGrantable(actor, patch.role);
        if (patch.password) checkPassword(before.username, patch.password);
        const unit = patch.unitId !== undefined ? await placeableUnit(actor, patch.unitId, trx, 'update') : null;
        const role = patch.role ?? (before.role as Role);
        // Leaving the enterprise role leaves the enterprise; joining it or moving names the new one.
        const enterpriseId =
          role !== 'enterprise'
            ? patch.enterpriseId == null
              ? null
              : await accountEnterprise(actor, role, patch.enterpriseId, trx)
            : await accountEnterprise(
                actor,
                role,
                patch.enterpriseId === undefined ? before.enterprise_id : patch.enterpriseId,
                trx,
              );
        await users.update(trx, id, {
          enterprise_id: enterpriseId,
          ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
          ...(patch.role ? { role: patch.role } : {}),
          ...(unit ? { unit_id: unit.id } : {}),
          ...(patch.isActive !== undefined ? { is_active: patch.isActive ? 1 : 0 } : {}),
          ...(passwordHash ? { password_hash: passwordHash } : {}),
          updated_at: clock().toISOString(),
        });
        // A disabled account, a new password or a new role ends the sessions the person had.
        const roleChanged = !!patch.role && patch.role !== before.role;
        if (patch.isActive === false || passwordHash || roleChanged || enterpriseId !== before.enterprise_id) {
          await sessions.deleteSessionsOfUser(id, trx);
        }
        // …and a new password, role or unit, or leaving, ends their API tokens too.
        const moved = (unit && unit.id !== before.unit_id) || enterpriseId !== before.enterprise_id;
        if (patch.isActive === false || passwordHash || roleChanged || moved) {
          await sessions.revokeApiTokensOfUser(id, clock().toISOString(), trx);
        }
        const after = await users.findInScope({ kind: 'all' }, id, trx);
        await audit.record(
          {
            actor,
            action: 'user.update',
            objectType: 'user',
            objectId: String(id),
            unitPath: after!.unit_path,
            summary: `修改用户 ${before.username}${passwordHash ? '（重设密码）' : ''}`,
            before: auditView(before),
            after: { ...auditView(after!), ...(passwordHash ? { passwordChanged: true } : {}) },
            ip,
          },
          trx,
        );
      });
      return this.get(actor, id);
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
