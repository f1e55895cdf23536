import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

/** electron-builder.yml, docs/install.md and package.json, as the installer tests read them. */

export const ROOT = resolve(import.meta.dirname, '../..');

export interface BuilderConfig {
  productName: string;
  files: string[];
  asar: boolean;
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  win: { target: string };
  nsis: { oneClick: boolean; perMachine: boolean; deleteAppDataOnUninstall: boolean };
  mac: { target: string; hardenedRuntime: boolean };
  linux: { target: string[] };
}

export function builderConfig(): BuilderConfig {
  return parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
}

export function installDoc(): string {
  return readFileSync(join(ROOT, 'docs/install.md'), 'utf8');
}

export function packageJson(): { version: string; scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> } {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as ReturnType<typeof packageJson>;
}

/**
 * The fuses table of docs/install.md: rows like
 * "| `runAsNode` | off | ... |", read as { runAsNode: false }.
 */
export function documentedFuses(doc: string): Record<string, boolean> {
  const section = doc.split(/^## /m).find((s) => s.startsWith('Fuses'));
  if (!section) throw new Error('docs/install.md has no "## Fuses" section');
  const out: Record<string, boolean> = {};
  for (const m of section.matchAll(/^\|\s*`(\w+)`\s*\|\s*(on|off)\s*\|/gm)) out[m[1]!] = m[2] === 'on';
  return out;
}
