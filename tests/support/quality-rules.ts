import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseQualityRules, type QualityRules } from '../../src-main/domain/staff/quality-rules';

/** The shipped templates/quality/rules.yaml, parsed as the service does at start-up. */
const FILE = 'templates/quality/rules.yaml';
const parsed = parseQualityRules(readFileSync(join(__dirname, '..', '..', ...FILE.split('/')), 'utf8'), FILE);
if (!parsed.ok) throw new Error(parsed.message);
export const SHIPPED_QUALITY_RULES: QualityRules = parsed.value;
