/* global process, console -- a Node.js script; the shared lint config gives .mjs files no Node globals. */
// The whole suite for `npm test`: the unit and e2e projects side by side, as two vitest runs.
// Inside one run vitest starts the e2e files (one at a time: they share Chromium and the
// built renderer) only after every unit file, leaving one of CI's two cores idle for the
// last five minutes; run beside the unit files they finish within the same time. The unit
// output passes through as it is; e2e lines are marked "[e2e]". Exit 1 if either run fails.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// vitest's own command-line entry (its package exports do not name it; package.json they do).
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const extra = process.argv.slice(2);

function run(project, mark) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, 'run', '--project', project, '--passWithNoTests', ...extra], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    const relay = (stream, out) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) out.write(`${mark}${line}\n`);
      });
      stream.on('end', () => rest && out.write(`${mark}${rest}\n`));
    };
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const [unit, e2e] = await Promise.all([run('unit', ''), run('e2e', '[e2e] ')]);
if (unit !== 0 || e2e !== 0) console.error(`\nThe suite failed: unit tests exit ${unit}, e2e tests exit ${e2e}.`);
process.exit(unit !== 0 || e2e !== 0 ? 1 : 0);
