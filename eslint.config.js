// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'url', 'crypto', 'worker_threads', 'stream', 'events', 'util', 'zlib'];

/** The dependency rule of DESIGN.md: model/ is pure, renderer/ never reaches the platform. */
const modelBoundary = {
  patterns: [
    { group: nodeBuiltins, message: 'model/ is pure TypeScript: no Node built-ins (it runs in a Web Worker too).' },
    { group: ['electron', 'electron/*'], message: 'model/ must not import Electron.' },
    { group: ['better-sqlite3'], message: 'model/ must not import the database driver.' },
    { group: ['react', 'react-dom', 'react-dom/*', 'react/*'], message: 'model/ must not import React.' },
    { group: ['cytoscape', 'cytoscape-*', 'd3', 'd3-*'], message: 'model/ must not import view libraries.' },
    { group: ['**/electron/**', '**/renderer/**'], message: 'model/ is the bottom layer: it imports neither electron/ nor renderer/.' },
  ],
};

const rendererBoundary = {
  patterns: [
    { group: nodeBuiltins, message: 'renderer/ runs in a sandboxed page: no Node built-ins.' },
    { group: ['electron', 'electron/*', 'better-sqlite3'], message: 'renderer/ talks to the backend through the API contract only.' },
    {
      group: ['**/electron/**', '!**/electron/api/contract', '!**/electron/api/operations', '!**/electron/api/result'],
      message: 'renderer/ may import only the API contract (types) from electron/.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test-results/', 'playwright-report/', 'test/fixtures/', 'vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...tseslint.configs.stylistic,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['model/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: { 'no-restricted-imports': ['error', modelBoundary] },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', rendererBoundary],
    },
  },
  {
    files: ['electron/**/*.ts', 'scripts/**/*.mjs', 'test/**/*.ts', '*.config.ts', '*.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
