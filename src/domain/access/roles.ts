/** The roles of DESIGN §1. Every user has exactly one, and is attached to one unit. */
export const ROLES = ['admin', 'coordinator', 'unit_editor', 'leader', 'enterprise', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * How far an action reaches, decided from the role alone:
 * - `all`: every record;
 * - `subtree`: records belonging to the actor's unit or any unit below it;
 * - `self`: only the actor's own record;
 * - `enterprise`: only the records of the enterprise the actor's account belongs to;
 * - `none`: nothing.
 */
export type Reach = 'all' | 'subtree' | 'self' | 'enterprise' | 'none';

export const RESOURCES = [
  'unit',
  'user',
  'audit',
  'token',
  'project',
  'report',
  'reportReview',
  'lightRules',
  'target',
  'race',
  'bulletin',
  'enterprise',
  'ticket',
  'ticketSettings',
  'notificationLog',
  'deal',
  'dealSettings',
] as const;
export type Resource = (typeof RESOURCES)[number];
export const ACTIONS = ['read', 'create', 'update', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

type Matrix = Record<Resource, Record<Action, Partial<Record<Role, Reach>>>>;

/**
 * The access matrix as data: resource → action → role → reach; a missing role means `none`.
 * Unit names are the county's public organisation chart, so every signed-in person reads them;
 * a township's editor keeps its own villages and people, never its own unit or anything above it.
 * Leaders and auditors read everything and change nothing.
 */
const MATRIX: Matrix = {
  unit: {
    read: { admin: 'all', coordinator: 'all', unit_editor: 'all', leader: 'all', enterprise: 'all', auditor: 'all' },
    create: { admin: 'all', unit_editor: 'subtree' },
    update: { admin: 'all', unit_editor: 'subtree' },
    delete: { admin: 'all', unit_editor: 'subtree' },
  },
  user: {
    read: {
      admin: 'all',
      coordinator: 'all',
      leader: 'all',
      auditor: 'all',
      unit_editor: 'subtree',
      enterprise: 'self',
    },
    create: { admin: 'all', unit_editor: 'subtree' },
    update: { admin: 'all', unit_editor: 'subtree' },
    delete: {},
  },
  audit: {
    read: { admin: 'all', auditor: 'all', coordinator: 'all', unit_editor: 'subtree' },
    create: {},
    update: {},
    delete: {},
  },
  // Enterprises will see their own projects once enterprises are linked to projects (tickets issue);
  // until then they see none.
  project: {
    read: { admin: 'all', coordinator: 'all', leader: 'all', auditor: 'all', unit_editor: 'subtree' },
    create: { admin: 'all', coordinator: 'all', unit_editor: 'subtree' },
    update: { admin: 'all', coordinator: 'all', unit_editor: 'subtree' },
    delete: {},
  },
  // Reports belong to their project's lead unit: its editor files them; coordinators review.
  report: {
    read: { admin: 'all', coordinator: 'all', leader: 'all', auditor: 'all', unit_editor: 'subtree' },
    create: { admin: 'all', coordinator: 'all', unit_editor: 'subtree' },
    update: { admin: 'all', coordinator: 'all', unit_editor: 'subtree' },
    delete: {},
  },
  reportReview: {
    read: { admin: 'all', coordinator: 'all', leader: 'all', auditor: 'all' },
    create: {},
    update: { admin: 'all', coordinator: 'all' },
    delete: {},
  },
  // Light rules and exemptions (正当理由) are the coordinator's to set and grant.
  lightRules: {
    read: { admin: 'all', coordinator: 'all', leader: 'all', auditor: 'all', unit_editor: 'all' },
    create: { admin: 'all', coordinator: 'all' },
    update: { admin: 'all', coordinator: 'all' },
    delete: {},
  },
  // Targets and the statistics behind the race: a unit's editor reads its own, the coordinator sets them.
  target: {
    read: { admin: 'all', coordinator: 'all', leader: 'all', auditor: 'all', unit_editor: 'subtree' },
    create: { admin: 'all', coordinator: 'all' },
    update: { admin: 'all', coordinator: 'all' },
    delete: { admin: 'all', coordinator: 'all' },
  },
  // Rankings are published to every unit that is ranked: everyone but enterprises reads them.
  race: {
    read: { admin: 'all', coordinator: 'all', leader: 'all', auditor: 'all', unit_editor: 'all' },
    create: { admin: 'all', coordinator: 'all' },
    update: { admin: 'all', coordinator: 'all' },
    delete: { admin: 'all', coordinator: 'all' },
  },
  bulletin: {
    read: { admin: 'all', coordinator: 'all', leader: 'all', auditor: 'all', unit_editor: 'all' },
    create: { admin: 'all', coordinator: 'all' },
    update: {},
    delete: {},
  },
  // 企业库: a township's editors keep the enterprises registered in it; an enterprise account keeps its own
  // contacts and licences current.
  enterprise: {
    read: {
      admin: 'all',
      coordinator: 'all',
      leader: 'all',
      auditor: 'all',
      unit_editor: 'subtree',
      enterprise: 'enterprise',
    },
    create: { admin: 'all', coordinator: 'all', unit_editor: 'subtree' },
    update: { admin: 'all', coordinator: 'all', unit_editor: 'subtree', enterprise: 'enterprise' },
    delete: {},
  },
  // 涉企问题: raised by an enterprise for itself, by a unit's editor or by a coordinator; which steps each
  // may take is src/domain/tickets/ticket-flow.ts.
  ticket: {
    read: {
      admin: 'all',
      coordinator: 'all',
      leader: 'all',
      auditor: 'all',
      unit_editor: 'subtree',
      enterprise: 'enterprise',
    },
    create: { admin: 'all', coordinator: 'all', unit_editor: 'subtree', enterprise: 'enterprise' },
    update: { admin: 'all', coordinator: 'all', unit_editor: 'subtree', enterprise: 'enterprise' },
    delete: {},
  },
  // The county's SLA profiles: everyone who takes part in tickets reads them, the project office sets them.
  ticketSettings: {
    read: {
      admin: 'all',
      coordinator: 'all',
      leader: 'all',
      auditor: 'all',
      unit_editor: 'all',
      enterprise: 'all',
    },
    create: {},
    update: { admin: 'all', coordinator: 'all' },
    delete: {},
  },
  // 招商: a unit's editors keep the deals their unit leads (a township its own); the members of a team
  // (招商小分队) also keep the team's, wherever they lead (deal.policy.ts adds that reach); the investment
  // office (coordinators) keeps all; leaders and auditors read all. Enterprises see none.
  deal: {
    read: { admin: 'all', coordinator: 'all', leader: 'all', auditor: 'all', unit_editor: 'subtree' },
    create: { admin: 'all', coordinator: 'all', unit_editor: 'subtree' },
    update: { admin: 'all', coordinator: 'all', unit_editor: 'subtree' },
    delete: {},
  },
  // The county's chains, source regions, kinds, tiers, lead clocks and teams: read by all who see deals,
  // set by the office.
  dealSettings: {
    read: { admin: 'all', coordinator: 'all', leader: 'all', auditor: 'all', unit_editor: 'all' },
    create: { admin: 'all', coordinator: 'all' },
    update: { admin: 'all', coordinator: 'all' },
    delete: {},
  },
  // The log of notifications sent by e-mail, webhook or robot: the administrator's, who keeps the channels.
  notificationLog: {
    read: { admin: 'all' },
    create: {},
    update: {},
    delete: {},
  },
  token: {
    read: {
      admin: 'self',
      coordinator: 'self',
      unit_editor: 'self',
      leader: 'self',
      enterprise: 'self',
      auditor: 'self',
    },
    create: {
      admin: 'self',
      coordinator: 'self',
      unit_editor: 'self',
      leader: 'self',
      enterprise: 'self',
      auditor: 'self',
    },
    update: {},
    delete: {
      admin: 'self',
      coordinator: 'self',
      unit_editor: 'self',
      leader: 'self',
      enterprise: 'self',
      auditor: 'self',
    },
  },
};

export function reachOf(role: Role, resource: Resource, action: Action): Reach {
  return MATRIX[resource][action][role] ?? 'none';
}

/** Roles a role may hand out when it creates or edits users: nobody grants more than they hold. */
const GRANTABLE: Record<Role, readonly Role[]> = {
  admin: ROLES,
  unit_editor: ['unit_editor', 'enterprise'],
  coordinator: [],
  leader: [],
  enterprise: [],
  auditor: [],
};

export function grantableRoles(actor: Role): readonly Role[] {
  return GRANTABLE[actor];
}

export function canGrantRole(actor: Role, granted: Role): boolean {
  return GRANTABLE[actor].includes(granted);
}

/** Coarse permissions the web app uses to show or hide menu items and buttons. */
export function permissionsOf(role: Role): string[] {
  const perms: string[] = [];
  if (reachOf(role, 'unit', 'create') !== 'none') perms.push('unit.manage');
  if (reachOf(role, 'user', 'read') !== 'none' && reachOf(role, 'user', 'read') !== 'self') perms.push('user.read');
  if (reachOf(role, 'user', 'create') !== 'none') perms.push('user.manage');
  if (reachOf(role, 'audit', 'read') !== 'none') perms.push('audit.read');
  if (reachOf(role, 'token', 'create') !== 'none') perms.push('token.manage');
  if (reachOf(role, 'project', 'read') !== 'none') perms.push('project.read');
  if (reachOf(role, 'project', 'create') !== 'none') perms.push('project.manage');
  if (reachOf(role, 'report', 'create') !== 'none') perms.push('report.file');
  if (reachOf(role, 'reportReview', 'update') !== 'none') perms.push('report.review');
  if (reachOf(role, 'lightRules', 'update') !== 'none') perms.push('lights.manage');
  if (reachOf(role, 'target', 'update') !== 'none') perms.push('target.manage');
  if (reachOf(role, 'race', 'read') !== 'none') perms.push('race.read');
  if (reachOf(role, 'race', 'update') !== 'none') perms.push('race.manage');
  if (reachOf(role, 'enterprise', 'read') !== 'none') perms.push('enterprise.read');
  if (reachOf(role, 'enterprise', 'create') !== 'none') perms.push('enterprise.manage');
  if (reachOf(role, 'ticket', 'read') !== 'none') perms.push('ticket.read');
  if (reachOf(role, 'ticket', 'create') !== 'none') perms.push('ticket.raise');
  return perms;
}
