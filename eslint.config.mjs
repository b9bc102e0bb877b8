// Lint, and above all the layer rules: src/ is pure, only main/electron touches Electron, the renderer reaches
// main only through the typed API. A wrong import fails `npm test`.
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http',
  'http2', 'https', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'tls', 'url', 'util', 'v8',
  'vm', 'worker_threads', 'zlib',
];
const nodeOnly = [{ group: ['node:*'], message: 'Node APIs belong in main/.' }];
const electronOnly = { group: ['electron', 'electron/*', 'electron-store'], message: 'Only main/electron/ may import Electron.' };
const awsNodeOnly = { group: ['@aws-sdk/*', '@smithy/*', '@aws-crypto/*'], message: 'AWS SDK code runs in main/ only.' };
const noMain = { group: ['**/main/**', '../main', '../../main'], message: 'Reach main only through the typed API (src/contract.ts).' };
const noRenderer = { group: ['**/renderer/**'], message: 'main/ and src/ must not import the renderer.' };
const noReact = { group: ['react', 'react-dom', 'react-dom/*', 'react/*'], message: 'React belongs in renderer/.' };
const restrict = (patterns) => ['error', { paths: nodeBuiltins.map((name) => ({ name, message: 'Node APIs belong in main/.' })), patterns }];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict([...nodeOnly, electronOnly, awsNodeOnly, noMain, noRenderer, noReact]),
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', 'window', 'document', 'localStorage', 'navigator'],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electronOnly, noRenderer, noReact] }] },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noRenderer, noReact] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([...nodeOnly, electronOnly, awsNodeOnly, noMain]),
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
);
