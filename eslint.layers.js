// The layer rule (docs/architecture.md): imports point one way,
//   domain ← store, documents, demo ← services ← ipc ← electron, cli
// and the renderer imports only domain, its own files, and the contract as types.
// Every import is resolved to the file it names (barrels, `export … from`, dynamic import()
// and require() included), then checked against the allow-list of the importing file's layer.
// Node built-ins are banned in domain and the renderer; 'electron' outside src-main/electron.
// tests/architecture/layer-rule.test.ts feeds it a wrong import per layer.
import { builtinModules } from 'node:module';
import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(fileURLToPath(import.meta.url));

/** Which layers each layer may import (its own is always allowed). */
export const LAYERS = {
  domain: [],
  store: ['domain'],
  documents: ['domain'],
  demo: ['domain'],
  services: ['domain', 'store', 'documents', 'demo'],
  ipc: ['domain', 'services'],
  electron: ['domain', 'services', 'ipc'],
  cli: ['domain', 'services', 'ipc'],
  renderer: ['domain'],
};
/** Files of the renderer may import these as types only. */
const RENDERER_TYPES_FROM = ['src-main/ipc/contract.ts', 'src-main/ipc/command-spec.ts'];
/** The CLI reaches the casebook through the contract; it may name services' types, and its entry point builds the service. */
const CLI_SERVICE_ENTRY = 'src-main/cli/main.ts';
const NO_BUILTINS = new Set(['domain', 'renderer']);
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx'];

function layerOf(rel) {
  const parts = rel.split('/');
  if (parts[0] === 'src-renderer') return 'renderer';
  if (parts[0] === 'src-main' && parts.length > 2 && parts[1] in LAYERS) return parts[1];
  return undefined;
}

function resolveFile(from, spec) {
  const base = resolve(dirname(from), spec);
  for (const ext of EXTENSIONS) {
    const p = base + ext;
    if (existsSync(p) && statSync(p).isFile()) return p;
  }
  return base;
}

const toRel = (abs) => relative(ROOT, abs).split(sep).join('/');

function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specs = node.specifiers ?? [];
  return specs.length > 0 && specs.every((s) => s.importKind === 'type' || s.exportKind === 'type');
}

const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports point one way between the layers of docs/architecture.md' },
    schema: [],
    messages: {
      upward: '{{from}} may not import {{to}} ({{target}}): {{from}} may import only {{allowed}}.',
      builtin: '{{from}} is pure (no I/O): it may not import the Node built-in "{{name}}".',
      electron: 'Only src-main/electron may import "electron".',
      outside: '{{from}} may not import {{target}}, which is outside the source layers.',
      rendererTypes: 'The renderer may import {{target}} as types only (import type …).',
    },
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const rel = toRel(file);
    const from = layerOf(rel);
    if (!from) return {};

    function check(node, spec, typeOnly) {
      if (typeof spec !== 'string') return;
      if (!spec.startsWith('.')) {
        const bare = spec.split('/')[0];
        if (bare === 'electron' && from !== 'electron') context.report({ node, messageId: 'electron' });
        if (NO_BUILTINS.has(from) && (BUILTINS.has(spec) || BUILTINS.has(bare))) context.report({ node, messageId: 'builtin', data: { from, name: spec } });
        return;
      }
      const target = toRel(resolveFile(file, spec));
      if (/\.(s?css)$/.test(target) && from === 'renderer' && target.startsWith('src-renderer/')) return;
      const to = layerOf(target);
      if (!to) {
        context.report({ node, messageId: 'outside', data: { from, target } });
        return;
      }
      if (to === from) return;
      if (from === 'renderer' && RENDERER_TYPES_FROM.includes(target)) {
        if (!typeOnly) context.report({ node, messageId: 'rendererTypes', data: { target } });
        return;
      }
      if (from === 'cli' && to === 'services' && !typeOnly && rel !== CLI_SERVICE_ENTRY) {
        context.report({ node, messageId: 'upward', data: { from, to, target, allowed: 'domain, ipc, and services as types (the CLI calls the contract)' } });
        return;
      }
      if (!LAYERS[from].includes(to)) {
        const allowed = [from, ...LAYERS[from]].join(', ');
        context.report({ node, messageId: 'upward', data: { from, to, target, allowed } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value, isTypeOnly(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, isTypeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
      TSImportType: (node) => {
        const arg = node.argument?.literal ?? node.argument;
        if (arg && arg.type === 'Literal') check(node, arg.value, true);
      },
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') check(node, node.arguments[0].value, false);
      },
    };
  },
};

export const casebookPlugin = { rules: { layers: layersRule } };
