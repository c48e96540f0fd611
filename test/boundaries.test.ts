// The boundaries lint catches each deliberate violation in test/fixtures/lint, linted as if it lived in the layer named.
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname, ignore: false });

/** The messages ESLint gives a fixture's text as if it were the file at `asPath`. */
async function lintAs(fixture: string, asPath: string) {
  const text = readFileSync(new URL(`./fixtures/lint/${fixture}`, import.meta.url), 'utf8');
  const [result] = await eslint.lintText(text, { filePath: asPath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the boundaries lint', () => {
  it.each([
    ['domain-imports-server.ts', 'src/domain/projects/fixture.ts', 'src/domain is pure'],
    ['domain-reads-files.ts', 'src/domain/projects/fixture.ts', 'no Node built-ins'],
    ['service-runs-query.ts', 'src/server/features/projects/fixture.service.ts', 'only through repositories'],
    ['service-imports-sql.ts', 'src/server/features/projects/fixture.service.ts', 'only through repositories'],
    ['web-imports-server.ts', 'web/src/pages/fixture.ts', 'only through src/contract'],
  ])('rejects %s as %s', async (fixture, asPath, message) => {
    const messages = await lintAs(fixture, asPath);
    expect(messages.some((m) => m.includes(message))).toBe(true);
  });

  it('lets the web import the contract and the domain, and a repository build queries', async () => {
    expect(await lintAs('web-imports-contract.ts', 'web/src/pages/fixture.ts')).toEqual([]);
    expect(await lintAs('service-runs-query.ts', 'src/server/features/projects/fixture.repository.ts')).toEqual([]);
  });
});
