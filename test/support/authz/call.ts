import { ApiClient, type ApiResponse } from '../client.ts';
import type { Role } from '../../../src/domain/access/roles.ts';
import { OPERATIONS, type Ctx } from './operations.ts';
import type { Case, Outcome } from './expected.ts';
import type { World } from './world.ts';

/** Makes one case's call as its recipe says: the object (made fresh when consumed), query, body, client. */
export async function callOperation(w: World, c: Pick<Case, 'op' | 'role' | 'where'>): Promise<ApiResponse> {
  const recipe = OPERATIONS[c.op]!;
  const [method, template] = c.op.split(' ') as [string, string];
  const where = c.where === 'any' ? 'own' : c.where;
  const ctx: Ctx = { w, where, role: c.role, side: w.side[where], n: w.seq() };
  const id =
    typeof recipe.id === 'function'
      ? await recipe.id(ctx)
      : recipe.id === 'race'
        ? w.raceId
        : recipe.id === 'bulletin'
          ? w.bulletinId
          : recipe.id
            ? ctx.side[recipe.id]
            : undefined;
  const url = template.replace('{id}', String(id)) + (recipe.query ? `?${encodeURI(recipe.query(ctx))}` : '');
  const client = await clientFor(w, c.role, recipe.client);
  if (recipe.form) return client.request(method, url, undefined, { formData: await recipe.form(ctx) });
  const body = recipe.body ? await recipe.body(ctx) : undefined;
  return client.request(method, url, body ?? (['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined));
}

async function clientFor(w: World, role: Role | null, own: 'session' | 'none' | undefined): Promise<ApiClient> {
  if (role === null || own === 'none') return new ApiClient(w.server.url);
  return own === 'session' ? w.signIn(role) : w.as[role];
}

/** The outcome an answer shows, or why it shows none: a denial must come in the one error shape. */
export function outcomeOf(op: string, res: ApiResponse): Outcome | `unexpected ${number}` {
  const success = OPERATIONS[op]!.success ?? [];
  if (res.status < 300 || success.includes(res.status)) return 'allow';
  const error = (res.body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const shaped = typeof error?.code === 'string' && typeof error.message === 'string';
  if (res.status === 401 && shaped && error.code === 'UNAUTHENTICATED') return 'unauthenticated';
  if ((res.status === 403 || res.status === 404) && shaped && ['FORBIDDEN', 'NOT_FOUND'].includes(String(error.code)))
    return 'deny';
  return `unexpected ${res.status}`;
}
