// Layer rules of 诉服台 (docs/ARCHITECTURE.md): the boundaries are lint rules, not conventions.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Modules of core/ the renderer may import at runtime: operation metadata, types and pure helpers — never services,
 * operations with handlers, or anything that reaches the database. Type-only imports of the contract are allowed.
 */
const RENDERER_ALLOWED_CORE =
  '(api/(contract|errors|bridge|roles|meta)|auth/roles|cases/(caseCode|types)|parties/identity|money|periods/table|documents/template/(syntax|fields)|documents/chinese|[a-z]+/(meta|listMeta)|lists/define)';
const RENDERER_FORBIDDEN_CORE = `^(\\.\\./)+core/(?!${RENDERER_ALLOWED_CORE}$)`;

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'native/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'db/migrations/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // the codebase uses `any` deliberately at a few typed seams (contract maps); the type checker guards the rest
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
      // full-width spaces (U+3000) are part of court texts inside strings and comments
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'core/ never imports Electron: the shell passes what it needs in.' },
            { name: 'react', message: 'core/ has no UI.' },
            { name: 'fastify', message: 'core/ has no HTTP: server/ is the shell.' },
          ],
          patterns: [
            { group: ['**/electron/**', '**/server/**', '**/renderer/**', '**/cli/**', '@fastify/*'], message: 'core/ imports no shell.' },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    ignores: ['db/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/core/**', '!**/core/context'],
              allowTypeImports: true,
              message: 'db/ holds the schema and the connection; it imports no core/ service.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'better-sqlite3', message: 'The renderer never touches the database: call an operation.' },
            { name: 'drizzle-orm', message: 'The renderer never touches the database: call an operation.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a sandboxed browser: no Node modules.' },
            { group: ['**/db/**'], message: 'The renderer never imports db/: call an operation.' },
            {
              regex: RENDERER_FORBIDDEN_CORE,
              allowTypeImports: true,
              message: 'The renderer imports only the contract modules of core/ (meta, types, pure helpers), never services.',
            },
            {
              group: ['**/server/**', '**/electron/**', '**/cli/**'],
              message: 'The renderer talks to the shells only through the API client.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '**/server/**'],
              message: 'The desktop shell serves core/; it does not import the other shell or the UI.',
            },
          ],
        },
      ],
    },
  },
);
