import { CJS_STAGES, EXITS, STAGES, type CaseSummary } from './case';
import { digitsAt as digits } from '../time/dates';

/**
 * A hand-written check equivalent to CaseSummarySchema, used when unlocking: at 10,000 cases
 * the generic schema walk costs more than twice JSON.parse, and unlocking must stay within
 * three times JSON.parse of the same bytes. The zod schema stays the definition: rows are
 * validated with it when written, anything this check refuses is re-checked with zod for the
 * message, and a property test feeds both the same arbitrary rows and requires them to agree.
 */
const ID = /^c_[a-z0-9]{10,40}$/;
const REF = /^[A-Z][A-Z0-9]{0,9}-\d{4}-\d{4,6}$/;
// Seconds are required: z.iso.datetime() (zod 4) refuses 09:30Z without them.
/** The time part after YYYY-MM-DD. */
const INSTANT_TIME = /^T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?Z$/;
const STAFF_ID = /^s_[a-z0-9]{6,40}$/;
const STAGE_SET = new Set<string>(STAGES);
const EXIT_SET = new Set<string>(EXITS);
const KEYS = new Set(['id', 'reference', 'stage', 'exit', 'receivedOn', 'source', 'offenceCategory', 'names', 'leadFacilitator', 'sensitive', 'updatedAt', 'revision', 'leadFacilitatorId', 'coFacilitatorId', 'nextDue', 'facts', 'people', 'cjsStage', 'factsVersion']);
const CJS_SET = new Set<string>(CJS_STAGES);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar day written YYYY-MM-DD starting at `at` (10 characters). */
function isRealDateAt(s: string, at: number): boolean {
  if (s.charCodeAt(at + 4) !== 45 || s.charCodeAt(at + 7) !== 45) return false;
  const y = digits(s, at, 4);
  const mo = digits(s, at + 5, 2);
  const d = digits(s, at + 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1]!);
}

export function isRealDate(s: string): boolean {
  return s.length === 10 && isRealDateAt(s, 0);
}

const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

export function isCaseSummary(v: unknown): v is CaseSummary {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const r = v as Record<string, unknown>;
  for (const k in r) if (!KEYS.has(k) && Object.hasOwn(r, k)) return false;
  if (!str(r.id, 64) || !ID.test(r.id)) return false;
  if (!str(r.reference, 64) || !REF.test(r.reference)) return false;
  if (typeof r.stage !== 'string' || !STAGE_SET.has(r.stage)) return false;
  if (r.exit !== undefined && (typeof r.exit !== 'string' || !EXIT_SET.has(r.exit))) return false;
  if (!str(r.receivedOn, 10) || !isRealDate(r.receivedOn) || r.receivedOn < '1900-01-01') return false;
  if (!str(r.source, 80) || !str(r.offenceCategory, 80)) return false;
  if (!Array.isArray(r.names) || r.names.length > 200 || !r.names.every((n) => str(n, 300))) return false;
  if (r.leadFacilitator !== undefined && !str(r.leadFacilitator, 120)) return false;
  if (typeof r.sensitive !== 'boolean') return false;
  if (typeof r.updatedAt !== 'string') return false;
  if (r.updatedAt.length < 20 || !isRealDateAt(r.updatedAt, 0) || !INSTANT_TIME.test(r.updatedAt.slice(10))) return false;
  if (!(typeof r.revision === 'number' && Number.isSafeInteger(r.revision) && r.revision >= 1)) return false;
  // Fields added with casework (issue 3), all optional.
  if (r.leadFacilitatorId !== undefined && (!str(r.leadFacilitatorId, 64) || !STAFF_ID.test(r.leadFacilitatorId))) return false;
  if (r.coFacilitatorId !== undefined && (!str(r.coFacilitatorId, 64) || !STAFF_ID.test(r.coFacilitatorId))) return false;
  if (r.nextDue !== undefined && (!str(r.nextDue, 10) || !isRealDate(r.nextDue) || r.nextDue < '1900-01-01')) return false;
  // Added with the process (issue 5): only its shape here; CaseFactsSchema checks it where used.
  if (r.facts !== undefined && (typeof r.facts !== 'object' || r.facts === null || Array.isArray(r.facts))) return false;
  // Added with data protection (issue 13): one plain object per name, checked in full where used.
  if (r.people !== undefined && (!Array.isArray(r.people) || r.people.length !== r.names.length || !r.people.every((p) => typeof p === 'object' && p !== null && !Array.isArray(p)))) return false;
  // Added with retention (issue 13).
  if (r.factsVersion !== undefined && (typeof r.factsVersion !== 'number' || !Number.isInteger(r.factsVersion) || r.factsVersion < 1)) return false;
  if (r.cjsStage !== undefined && (typeof r.cjsStage !== 'string' || !CJS_SET.has(r.cjsStage))) return false;
  return true;
}
