// Lint rules, including the layer rule from docs/architecture: imports point one way,
// domain ← store, documents ← services ← ipc ← electron, cli. The renderer imports only
// domain and, as types only, the IPC contract. A wrong import fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (files, forbidden, why) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      { patterns: forbidden.map((group) => ({ group: [group], message: why })) },
    ],
  },
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'bench/stores/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'No eval.' }],
    },
  },
  layer(['src-main/domain/**'], ['**/store/**', '**/documents/**', '**/services/**', '**/ipc/**', '**/electron/**', '**/cli/**', 'node:fs', 'node:fs/*', 'fs', 'electron'], 'domain is pure: no I/O and no outer layers'),
  layer(['src-main/store/**', 'src-main/documents/**'], ['**/services/**', '**/ipc/**', '**/electron/**', '**/cli/**', 'electron'], 'store and documents may import only domain'),
  layer(['src-main/services/**'], ['**/electron/**', '**/cli/**', 'electron'], 'services may not import electron or the CLI'),
  layer(['src-main/ipc/**'], ['**/electron/**', '**/cli/**', 'electron'], 'ipc may not import electron or the CLI'),
  layer(['src-main/cli/**'], ['**/electron/**', 'electron'], 'the CLI must not import electron'),
  {
    files: ['src-renderer/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src-main/store/**', '**/src-main/services/**', '**/src-main/documents/**', '**/src-main/electron/**', '**/src-main/cli/**', 'electron', 'node:*'], message: 'the renderer is untrusted: it may import only domain and its own api client' },
            { group: ['**/src-main/ipc/**'], allowTypeImports: true, message: 'the renderer may import the IPC contract as types only' },
          ],
        },
      ],
    },
  },
);
