import { reachOf, ROLES, type Action, type Resource, type Role } from '../../../src/domain/access/roles.ts';
import { OPERATIONS, type Recipe } from './operations.ts';
import { WHERES, type Where } from './world.ts';

/** allow: 2xx (or a recipe's declared success); deny: 403/404 FORBIDDEN/NOT_FOUND; unauthenticated: 401. */
export type Outcome = 'allow' | 'deny' | 'unauthenticated';

export interface Case {
  op: string;
  /** null: anonymous. */
  role: Role | null;
  where: Where | 'any';
  expected: Outcome;
}

/** What the access matrix of src/domain/access/roles.ts says the outcome of one call must be. */
export function expectedOutcome(recipe: Recipe, role: Role | null, where: Where | 'any'): Outcome {
  if (recipe.access === 'public') return 'allow';
  if (role === null) return 'unauthenticated';
  if (recipe.access === 'signed-in' || recipe.access === 'self') return 'allow';
  const [resource, action] = recipe.access.split('.') as [Resource, Action];
  const reach = reachOf(role, resource, action);
  if (reach === 'none') return 'deny';
  if (!recipe.scope || reach === 'all') return 'allow';
  // An own-unit object is within a subtree reach; the caller's own object within a self reach; the own side's
  // enterprise is the enterprise account's, so its records are within an enterprise reach.
  const within =
    recipe.scope === 'unit' ? reach === 'subtree' || reach === 'enterprise' : reach === 'self' || reach === 'subtree';
  return within && where === 'own' ? 'allow' : 'deny';
}

/** Every operation × every role × (own, other) where the object matters, plus anonymous once per operation. */
export function allCases(): Case[] {
  return Object.keys(OPERATIONS)
    .sort()
    .flatMap((op) => {
      const recipe = OPERATIONS[op]!;
      const wheres: (Where | 'any')[] = recipe.scope ? [...WHERES] : ['any'];
      const signedIn = ROLES.flatMap((role) =>
        wheres.map((where) => ({ op, role, where, expected: expectedOutcome(recipe, role, where) })),
      );
      return [...signedIn, { op, role: null, where: 'any' as const, expected: expectedOutcome(recipe, null, 'any') }];
    });
}

export const caseName = (c: Pick<Case, 'op' | 'role' | 'where'>) => `${c.op} as ${c.role ?? 'anonymous'} on ${c.where}`;
