// Lint rules, including the layer rule from docs/architecture.md (eslint.layers.js): imports
// point one way, domain ← store, documents, demo ← services ← ipc ← electron, cli, and the
// renderer imports only domain and, as types, the contract. A wrong import fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { casebookPlugin } from './eslint.layers.js';

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
  {
    files: ['src-main/**/*.{ts,tsx}', 'src-renderer/**/*.{ts,tsx}'],
    plugins: { casebook: casebookPlugin },
    rules: {
      'casebook/layers': 'error',
      // Small files, one job each: a file that grows past this is doing two.
      'max-lines': ['error', { max: 400 }],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
);
