import { z } from 'zod';
import { CaseSchema, type Case } from './case';
import { caseRuleProblems, type CaseFileOptions } from './case-file-rules';
import { findDuplicateKeys } from '../shared/json-keys';
import { asInput } from '../shared/text';

export type { CaseFileOptions } from './case-file-rules';

/**
 * The case exchange file: what `casebook export` writes and `casebook import` reads
 * (documented in docs/import-format.md). Pure functions only: the services do the file I/O.
 * Validation is all-or-nothing and reports every problem at once with its JSON path, because
 * someone fixing a spreadsheet export wants the whole list, not one error per attempt. A case
 * in a file meets the rules for text coming in (domain/shared/text.ts) and the workflow's rules
 * (case-file-rules.ts), which need today from the caller's clock: `options`.
 */
export const CASE_FILE_FORMAT = 'rj-casebook-cases';
export const CASE_FILE_VERSION = 1;
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** Keys that could reach an object's prototype if some later code merged the data naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const TOP_LEVEL_KEYS = new Set(['format', 'version', 'exportedAt', 'cases']);

export interface CaseFile {
  format: typeof CASE_FILE_FORMAT;
  version: typeof CASE_FILE_VERSION;
  exportedAt?: string;
  cases: Case[];
}

export interface ImportProblem {
  path: string;
  message: string;
}

export type ImportResult =
  | { ok: true; cases: Case[] }
  /** NEWER_VERSION when the file says it is a later version of the format than this app reads. */
  | { ok: false; code: 'INVALID_INPUT' | 'NEWER_VERSION'; problems: ImportProblem[] };

/** `cases[3].participants[0].person.dateOfBirth`, and `["odd key"]` for keys that are not identifiers. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && /^[A-Za-z_$][\w$]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out || '(file)';
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every forbidden key anywhere under value. JSON.parse turns `"__proto__"` into an own
 * property (it does not set the prototype), so Object.keys sees it. Iterative, so a deeply
 * nested hostile file cannot overflow the stack.
 */
export function findForbiddenKeys(value: unknown, base: PropertyKey[] = []): ImportProblem[] {
  // Each node points at its parent rather than carrying a copy of its path, so a hostile file
  // nested 100,000 levels deep costs linear time, not quadratic.
  type Node = { v: unknown; key?: PropertyKey; parent?: Node };
  const pathOf = (n: Node, last: string): PropertyKey[] => {
    const keys: PropertyKey[] = [last];
    for (let at: Node | undefined = n; at?.parent; at = at.parent) keys.push(at.key as PropertyKey);
    return [...base, ...keys.reverse()];
  };
  const problems: ImportProblem[] = [];
  const stack: Node[] = [{ v: value }];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    const v = node.v;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], key: i, parent: node });
    } else if (isPlainObject(v)) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i] as string;
        if (FORBIDDEN_KEYS.has(k)) {
          problems.push({ path: formatPath(pathOf(node, k)), message: `The key "${k}" is not allowed anywhere in an import file; remove it` });
        } else {
          stack.push({ v: v[k], key: k, parent: node });
        }
      }
    }
  }
  return problems;
}

function zodProblems(error: z.ZodError, base: PropertyKey[]): ImportProblem[] {
  const out: ImportProblem[] = [];
  for (const issue of error.issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) out.push({ path: formatPath([...path, k]), message: 'Unknown field; remove it or check its spelling' });
    } else {
      out.push({ path: formatPath(path), message: issue.message });
    }
  }
  return out;
}

function checkHeader(data: Record<string, unknown>): { problems: ImportProblem[]; newer: boolean } {
  const problems: ImportProblem[] = [];
  let newer = false;
  if (data.format !== CASE_FILE_FORMAT) {
    problems.push({ path: 'format', message: `Must be "${CASE_FILE_FORMAT}"; this does not look like an RJ Casebook case file` });
  }
  if (typeof data.version === 'number' && Number.isInteger(data.version) && data.version > CASE_FILE_VERSION) {
    newer = true;
    problems.push({ path: 'version', message: `This file is format version ${data.version}, written by a newer RJ Casebook; update the app to import it` });
  } else if (data.version !== CASE_FILE_VERSION) {
    problems.push({ path: 'version', message: `Must be the number ${CASE_FILE_VERSION}` });
  }
  if (data.exportedAt !== undefined && !z.iso.datetime().safeParse(data.exportedAt).success) {
    problems.push({ path: 'exportedAt', message: 'Must be a date and time like 2026-03-14T09:30:00Z, or left out' });
  }
  for (const k of Object.keys(data)) {
    if (!TOP_LEVEL_KEYS.has(k) && !FORBIDDEN_KEYS.has(k)) problems.push({ path: formatPath([k]), message: 'Unknown field; remove it or check its spelling' });
  }
  return { problems, newer };
}

/** Ids and references must be unique within the file; participants' ids within their case. */
function duplicates(records: unknown[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const seen = { id: new Map<string, number>(), reference: new Map<string, number>() };
  records.forEach((rec, i) => {
    if (!isPlainObject(rec)) return;
    for (const field of ['id', 'reference'] as const) {
      const v = rec[field];
      if (typeof v !== 'string') continue;
      const first = seen[field].get(v);
      if (first === undefined) seen[field].set(v, i);
      else problems.push({ path: `cases[${i}].${field}`, message: `${v} is also used by cases[${first}]; each case needs its own ${field}` });
    }
    if (Array.isArray(rec.participants)) {
      const ids = new Map<string, number>();
      rec.participants.forEach((p, j) => {
        if (!isPlainObject(p) || typeof p.id !== 'string') return;
        const first = ids.get(p.id);
        if (first === undefined) ids.set(p.id, j);
        else problems.push({ path: `cases[${i}].participants[${j}].id`, message: `${p.id} is also used by participants[${first}] of this case` });
      });
    }
  });
  return problems;
}

/** Validate parsed JSON. Returns the cleaned cases, or every problem found. */
export function parseCaseFile(data: unknown, options: CaseFileOptions): ImportResult {
  if (!isPlainObject(data)) {
    const what = Array.isArray(data) ? 'a list' : data === null ? 'null' : `a ${typeof data}`;
    return { ok: false, code: 'INVALID_INPUT', problems: [{ path: '(file)', message: `The file must hold one JSON object with "format", "version" and "cases"; it holds ${what}` }] };
  }
  const header = checkHeader(data);
  const problems = [...header.problems];
  // Hostile keys outside the cases here; each case is walked on its own below.
  for (const k of Object.keys(data)) {
    if (FORBIDDEN_KEYS.has(k)) problems.push({ path: k, message: `The key "${k}" is not allowed anywhere in an import file; remove it` });
    else if (k !== 'cases') problems.push(...findForbiddenKeys(data[k], [k]));
  }
  if (header.newer) return { ok: false, code: 'NEWER_VERSION', problems };

  const records = data.cases;
  if (!Array.isArray(records)) {
    problems.push({ path: 'cases', message: 'Must be a list of cases' });
    return { ok: false, code: 'INVALID_INPUT', problems };
  }
  if (records.length === 0) problems.push({ path: 'cases', message: 'The file has no cases to import' });

  const cases: Case[] = [];
  records.forEach((rec, i) => {
    const forbidden = findForbiddenKeys(rec, ['cases', i]);
    if (forbidden.length > 0) {
      // Do not hand a hostile record to anything else, not even the schema.
      problems.push(...forbidden);
      return;
    }
    const parsed = asInput(() => CaseSchema.safeParse(rec));
    if (!parsed.success) {
      problems.push(...zodProblems(parsed.error, ['cases', i]));
      return;
    }
    const broken = caseRuleProblems(parsed.data, options);
    for (const p of broken) problems.push({ path: `cases[${i}].${p.path}`, message: p.message });
    // Attachments stay in the casebook that holds them (named by its own key): a case file
    // cannot carry one, so a log entry naming one would point at nothing here.
    const attached = (parsed.data.indirectLog ?? []).flatMap((e, j) => (e.attachment ? [j] : []));
    for (const j of attached) problems.push({ path: `cases[${i}].indirectLog[${j}].attachment`, message: 'Attachments cannot be imported: remove "attachment" and attach the file again in the app' });
    if (attached.length === 0 && broken.length === 0) cases.push(parsed.data);
  });
  problems.push(...duplicates(records));
  return problems.length > 0 ? { ok: false, code: 'INVALID_INPUT', problems } : { ok: true, cases };
}

/** Check the size, parse the JSON text and validate it. */
export function parseCaseFileText(text: string, options: CaseFileOptions, byteLength = new TextEncoder().encode(text).byteLength): ImportResult {
  const tooBig = checkImportSize(byteLength);
  if (tooBig) return { ok: false, code: 'INVALID_INPUT', problems: [tooBig] };
  // Spreadsheet tools often save a byte-order mark first; JSON.parse would refuse it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    return { ok: false, code: 'INVALID_INPUT', problems: [{ path: '(file)', message: `The file is not valid JSON: ${describeJsonError(e, body)}` }] };
  }
  const repeated = findDuplicateKeys(body).map((d) => ({
    path: formatPath(d.path),
    message: `The field ${JSON.stringify(d.key.slice(0, 60))} appears ${d.times === 2 ? 'twice' : `${d.times} times`}; keep one`,
  }));
  const r = parseCaseFile(data, options);
  if (repeated.length === 0) return r;
  return { ok: false, code: r.ok ? 'INVALID_INPUT' : r.code, problems: [...repeated, ...(r.ok ? [] : r.problems)] };
}

/**
 * Read a case file's bytes: the size first (so a huge file costs nothing), then strict UTF-8
 * (a byte that is not UTF-8 is refused, never quietly replaced), then the JSON and its cases.
 */
export function parseCaseFileBytes(bytes: Uint8Array, options: CaseFileOptions): ImportResult {
  const tooBig = checkImportSize(bytes.byteLength);
  if (tooBig) return { ok: false, code: 'INVALID_INPUT', problems: [tooBig] };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstNonUtf8(bytes);
    const line = bytes.subarray(0, Math.max(at, 0)).reduce((n, b) => (b === 0x0a ? n + 1 : n), 1);
    return { ok: false, code: 'INVALID_INPUT', problems: [{ path: '(file)', message: `The file is not UTF-8 text (first on line ${line}): save it again as UTF-8 (in a spreadsheet, "CSV UTF-8"; in a text editor, "UTF-8")` }] };
  }
  return parseCaseFileText(text, options, bytes.byteLength);
}

/** Where the first byte that does not start a well-formed UTF-8 sequence is, or -1. */
export function firstNonUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (n === 0) return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8 either.
    if (cp < [0, 0x80, 0x800, 0x10000][n]! || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/**
 * V8's syntax errors sometimes quote a stretch of the file, which could be someone's personal
 * data; keep only the kind of error and turn "at position N" into a line and column.
 */
export function describeJsonError(e: unknown, text: string): string {
  const message = e instanceof Error ? e.message : '';
  const kind = (message.split(/, "|\s+in JSON at position/)[0] ?? '').slice(0, 80) || 'syntax error';
  const pos = /at position (\d+)/.exec(message);
  if (!pos) return kind;
  const before = text.slice(0, Number(pos[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${kind} at line ${line}, column ${column}`;
}

export function checkImportSize(bytes: number): ImportProblem | undefined {
  if (bytes > MAX_IMPORT_BYTES) {
    return { path: '(file)', message: `The file is ${Math.ceil(bytes / 1024 / 1024)} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files` };
  }
  return undefined;
}

/** The file `export` writes; `parseCaseFile` reads it back unchanged. */
export function toCaseFile(cases: Case[], exportedAt: Date): CaseFile {
  return { format: CASE_FILE_FORMAT, version: CASE_FILE_VERSION, exportedAt: exportedAt.toISOString(), cases: cases.map(withoutAttachments) };
}

/** The log entry keeps its words; the attached file stays in the casebook (see parseCaseFile). */
function withoutAttachments(c: Case): Case {
  if (!c.indirectLog?.some((e) => e.attachment)) return c;
  return { ...c, indirectLog: c.indirectLog.map(({ attachment: _a, ...e }) => e) };
}

/** What checking a case file found, as `import --check` and the import screen report it. */
export const CaseFileCheckSchema = z.strictObject({
  picked: z.boolean(),
  ok: z.boolean(),
  cases: z.number().int(),
  newerVersion: z.boolean(),
  problems: z.array(z.strictObject({ path: z.string(), message: z.string() })),
});
export type CaseFileCheck = z.infer<typeof CaseFileCheckSchema>;
