// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Bare module names go in `paths` (exact match); `patterns` use gitignore syntax, where a bare word would also
// match any folder of that name (such as our own electron/ folder).
const nodeBuiltinNames = [
  'fs',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'crypto',
  'worker_threads',
  'stream',
  'events',
  'util',
  'zlib',
];
const nodeBuiltins = (message) => ({
  paths: nodeBuiltinNames.map((name) => ({ name, message })),
  patterns: [{ group: ['node:*'], message }],
});

/** The dependency rule of DESIGN.md: model/ is pure, renderer/ never reaches the platform. */
const modelMessage =
  'model/ is pure TypeScript: no Node, Electron, database, DOM or view libraries (it runs in a Web Worker too).';
const modelBoundary = {
  paths: [
    ...nodeBuiltins(modelMessage).paths,
    ...['electron', 'better-sqlite3', 'react', 'react-dom', 'cytoscape', 'd3'].map((name) => ({
      name,
      message: modelMessage,
    })),
  ],
  patterns: [
    ...nodeBuiltins(modelMessage).patterns,
    { group: ['react-dom/*', 'react/*', 'cytoscape-*', 'd3-*', 'electron/*'], message: modelMessage },
    {
      group: ['**/electron/**', '**/renderer/**'],
      message: 'model/ is the bottom layer: it imports neither electron/ nor renderer/.',
    },
  ],
};

const rendererMessage =
  'renderer/ runs in a sandboxed page: it talks to the backend through the API contract only.';
const rendererBoundary = {
  paths: [
    ...nodeBuiltins(rendererMessage).paths,
    ...['electron', 'better-sqlite3'].map((name) => ({ name, message: rendererMessage })),
  ],
  patterns: [
    ...nodeBuiltins(rendererMessage).patterns,
    { group: ['electron/*'], message: rendererMessage },
    {
      regex: '(^|/)electron/(?!api/(contract|operations)$)',
      message: 'renderer/ may import only the API contract (and the list of operation names) from electron/.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-electron/',
      'release/',
      'test-results/',
      'playwright-report/',
      'test/fixtures/',
      'vendor/',
      '.electron-native/',
    ],
  },
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
  {
    // CommonJS modules a test puts where Node's require() finds them (the stand-in Electron of the packaging test).
    files: ['test/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
