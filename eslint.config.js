// Lint: the boundaries between layers, and a few correctness rules. Prettier owns the layout.
// Layers: src/domain (pure rules) ← src/contract (HTTP schemas) ← src/server, web/src.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const outsideDomain = ['**/server/**', '**/web/**', '**/cli/**', '**/contract/**', '**/test/**', '**/bench/**'];
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'stream', 'http'];

/** The server as seen from the web: only the contract (and the domain) may be imported. */
const serverFromWeb = ['**/src/server/**', '**/src/cli/**', '**/test/**'];

export const boundaries = [
  {
    name: 'boundaries/domain',
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: outsideDomain, message: 'src/domain is pure: it imports nothing outside itself.' },
            { group: nodeBuiltins, message: 'src/domain does no I/O: no Node built-ins.' },
          ],
          paths: ['kysely', 'fastify', 'react', 'antd', 'exceljs'].map((name) => ({
            name,
            message: 'src/domain is pure: no database, HTTP or UI libraries.',
          })),
        },
      ],
    },
  },
  {
    name: 'boundaries/contract',
    files: ['src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/web/**', '**/cli/**'],
              message: 'src/contract holds schemas only: it imports zod and src/domain.',
            },
          ],
        },
      ],
    },
  },
  {
    name: 'boundaries/web',
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: serverFromWeb,
              message: 'The web reaches the server only through src/contract (and the rules of src/domain).',
            },
          ],
          paths: ['kysely', 'fastify', 'better-sqlite3', 'pg'].map((name) => ({
            name,
            message: 'The web is a browser app: no server libraries.',
          })),
        },
      ],
    },
  },
  {
    name: 'boundaries/services',
    files: ['src/server/features/**/*.service.ts'],
    rules: {
      // A service may name a transaction's type (it is the unit of work), never build a query.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'kysely',
              message: 'Services reach the database only through repositories.',
              allowTypeImports: true,
            },
          ],
          patterns: [
            {
              group: ['**/db/client*'],
              message: 'Services reach the database only through repositories.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom)$/]',
          message: 'Services reach the database only through repositories.',
        },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'artifacts/**', 'test/fixtures/lint/**'] },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      ...js.configs.recommended.rules,
      'no-undef': 'off', // TypeScript checks names
      'no-unused-vars': 'off',
      'no-redeclare': 'off',
      // Comments quote the ideographic space they guard against; file names are cleaned of control characters.
      'no-irregular-whitespace': ['error', { skipComments: true }],
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...boundaries,
);
