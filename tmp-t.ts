import { demoResources, generateDemoCases } from './src-main/demo/demo-cases';
import { parseCaseFile } from './src-main/domain/cases/case-file';
const cs = JSON.parse(JSON.stringify(generateDemoCases({ count: 4, seed: 'import-tests', now: new Date('2026-03-01T12:00:00Z'), resources: demoResources(4) })));
cs[2].id = cs[0].id; cs[3].reference = cs[1].reference; cs[1].participants[1].id = cs[1].participants[0].id;
const r = parseCaseFile({ format: 'rj-casebook-cases', version: 1, cases: cs }, { today: '2026-03-01' });
console.log(r.ok ? 'ok' : r.problems);
