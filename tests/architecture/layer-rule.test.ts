import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rule (eslint.layers.js) must fail on a wrong import in every layer, whatever form
 * the import takes, and pass the imports the architecture allows. Each case lints a few lines
 * as if they were a file in that layer; the imports name real files, resolved as the rule does.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'casebook/layers').map((m) => m.message);
}

const wrong: [string, string, string, RegExp][] = [
  ['domain importing the store', 'src-main/domain/cases/x.ts', "import { Store } from '../../store/store';\nexport const s = Store;", /domain may not import store/],
  ['domain importing a service through a dynamic import', 'src-main/domain/cases/x.ts', "export const m = () => import('../../services/casebook/service');", /domain may not import services/],
  ['domain importing node:crypto', 'src-main/domain/shared/x.ts', "import { randomBytes } from 'node:crypto';\nexport const r = randomBytes;", /built-in "node:crypto"/],
  ['domain importing child_process without the node: prefix', 'src-main/domain/shared/x.ts', "import { spawn } from 'child_process';\nexport const s = spawn;", /built-in "child_process"/],
  ['store importing a service, as a type', 'src-main/store/x.ts', "import type { CasebookService } from '../services/casebook/api';\nexport type S = CasebookService;", /store may not import services/],
  ['documents importing the store', 'src-main/documents/x.ts', "import { Store } from '../store/store';\nexport const s = Store;", /documents may not import store/],
  ['documents through its own barrel re-exporting a service', 'src-main/documents/x.ts', "export * from '../services/casebook/api';", /documents may not import services/],
  ['services importing the contract', 'src-main/services/cases/x.ts', "import { commands } from '../../ipc/contract';\nexport const c = commands;", /services may not import ipc/],
  ['services importing the CLI', 'src-main/services/cases/x.ts', "import { runCli } from '../../cli/run';\nexport const r = runCli;", /services may not import cli/],
  ['services importing electron', 'src-main/services/cases/x.ts', "import { app } from 'electron';\nexport const a = app;", /Only src-main\/electron/],
  ['ipc importing electron glue', 'src-main/ipc/x.ts', "import { createFileSaver } from '../electron/file-saver';\nexport const f = createFileSaver;", /ipc may not import electron/],
  ['a CLI command calling a service directly', 'src-main/cli/commands/x.ts', "import { createCasebookService } from '../../services/casebook/service';\nexport const c = createCasebookService;", /the CLI calls the contract/],
  ['the CLI importing electron glue', 'src-main/cli/x.ts', "import { createFilePicker } from '../electron/file-picker';\nexport const f = createFilePicker;", /cli may not import electron/],
  ['the renderer importing a service', 'src-renderer/src/cases/x.ts', "import { createCases } from '../../../src-main/services/cases';\nexport const c = createCases;", /renderer may not import services/],
  ['the renderer importing the contract as a value', 'src-renderer/src/cases/x.ts', "import { commands } from '../../../src-main/ipc/contract';\nexport const c = commands;", /as types only/],
  ['the renderer importing fs', 'src-renderer/src/cases/x.ts', "import { readFileSync } from 'fs';\nexport const r = readFileSync;", /built-in "fs"/],
  ['the renderer requiring a store module', 'src-renderer/src/cases/x.ts', "// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const s = require('../../../src-main/store/store');", /renderer may not import store/],
];

const right: [string, string, string][] = [
  ['services using the store and the domain', 'src-main/services/cases/x.ts', "import { Store } from '../../store/store';\nimport { can } from '../../domain/access/capabilities';\nexport const a = [Store, can];"],
  ['the CLI naming a service type', 'src-main/cli/x.ts', "import type { CasebookService } from '../services/casebook/api';\nexport type S = CasebookService;"],
  ['the renderer importing domain and the contract as types', 'src-renderer/src/cases/x.ts', "import { can } from '../../../src-main/domain/access/capabilities';\nimport type { CommandName } from '../../../src-main/ipc/contract';\nexport const c = can;\nexport type N = CommandName;"],
  ['electron glue importing the registry', 'src-main/electron/x.ts', "import { createRegistry } from '../ipc/registry';\nimport { app } from 'electron';\nexport const r = [createRegistry, app];"],
];

describe('the layer rule', () => {
  it.each(wrong)('refuses %s', async (_what, file, code, message) => {
    const errors = await layerErrors(file, code);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(message);
  });

  it.each(right)('allows %s', async (_what, file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });

  it('fails a source file over 400 lines', async () => {
    const [result] = await eslint.lintText(`${'export const x = 1;\n'.repeat(401)}`, { filePath: `${ROOT}src-main/domain/shared/long.ts` });
    expect(result?.messages.map((m) => m.ruleId)).toContain('max-lines');
  });
});
