import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('lantern-demo-1');
    expect(hash.startsWith('scrypt$15$8$1$')).toBe(true);
    expect(await verifyPassword('lantern-demo-1', hash)).toBe(true);
    expect(await verifyPassword('lantern-demo-2', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same-password')).not.toBe(await hashPassword('same-password'));
  });

  it('refuses a malformed stored hash', async () => {
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});
