import { agreedCase, bigCase, realCase } from './tests/documents/fixtures';
import { caseRuleProblems } from './src-main/domain/cases/case-file-rules';
for (const c of [agreedCase(), bigCase(), realCase()]) console.log(c.stage, c.participants.length, caseRuleProblems(c, { today: '2026-12-06' }).map(p => p.path + ' ' + p.message.slice(0, 50)));
