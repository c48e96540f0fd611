import type { Resource } from '../../domain/access/roles.ts';
import { scopeFor, type Actor, type Scope } from '../../domain/access/scope.ts';
import { forbidden } from '../http/errors.ts';

/**
 * The scope a list is read in; 403 for a person who may read none of the resource. An empty list
 * would tell them "there are none", which is not true: they may not look (test/authz-matrix.test.ts).
 */
export function listScope(actor: Actor, resource: Resource): Scope {
  const scope = scopeFor(actor, resource, 'read');
  if (scope.kind === 'none') throw forbidden();
  return scope;
}
