import { makeCreditCode } from '../../src/domain/enterprises/credit-code.ts';
import type { ApiClient } from './client.ts';

/** A valid credit code of the county (330781) for each `n`: 91 + region + a nine-character organisation part. */
export const creditCodeFor = (n: number) => makeCreditCode(`91330781${String(n).padStart(9, '0')}`);

/** A valid registration body in the township, overridable field by field. */
export const enterpriseBody = (townshipUnitId: number, n: number, over: Record<string, unknown> = {}) => ({
  name: `兰溪市测试${n}号实业有限公司`,
  creditCode: creditCodeFor(n),
  industryCode: '17',
  scale: 'above',
  townshipUnitId,
  address: `兰溪市测试路${n}号`,
  contacts: [{ name: '王经理', phone: '13857900000', role: '总经理' }],
  flags: ['specialised'],
  ...over,
});

/** Registers an enterprise and returns its id; throws with the answer if refused. */
export async function buildEnterprise(client: ApiClient, townshipUnitId: number, n: number, over = {}) {
  const res = await client.post('/api/v1/enterprises', enterpriseBody(townshipUnitId, n, over));
  if (res.status !== 201) throw new Error(`enterprise ${n}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as number;
}

/** A licence body valid from `from` to `to`. */
export const licenceBody = (n: number, validTo = '2029-06-30', validFrom: string | null = '2024-07-01') => ({
  type: 'pollutantDischarge',
  number: `91330781PW${String(n).padStart(6, '0')}`,
  issuer: '金华市生态环境局兰溪分局',
  validFrom,
  validTo,
});
