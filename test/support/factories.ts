import { ApiClient } from './client.ts';

export const ADMIN_PASSWORD = 'river-sesame-2026';
export const PASSWORD = 'password-1234';

/** Sets up 兰溪市 as the first admin; returns the admin's client and the units by name. */
export async function setUpCounty(url: string) {
  const admin = new ApiClient(url);
  const res = await admin.post('/api/v1/setup', {
    regionCode: '330781',
    username: 'admin',
    password: ADMIN_PASSWORD,
    displayName: '管理员',
  });
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${JSON.stringify(res.body)}`);
  const units = await admin.get<{ items: { id: number; name: string; parentId: number | null }[] }>('/api/v1/units');
  const byName = new Map(units.body.items.map((u) => [u.name, u]));
  return { admin, units: byName, unit: (name: string) => byName.get(name)! };
}

/** Creates a user through the API as `creator` and returns a signed-in client for them. */
export async function buildUser(
  creator: ApiClient,
  url: string,
  user: { username: string; role: string; unitId: number; displayName?: string; enterpriseId?: number },
) {
  const res = await creator.post('/api/v1/users', { displayName: user.username, password: PASSWORD, ...user });
  if (res.status !== 201)
    throw new Error(`creating ${user.username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const client = new ApiClient(url);
  await client.signIn(user.username, PASSWORD);
  return { client, id: res.body.id as number };
}
