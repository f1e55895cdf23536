import { isMap, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';

/**
 * Lists and rules that services edit (sources, risk factors, consent wording, deadlines) live
 * in YAML files under templates/. A mistake in one of them must be found at start-up and
 * reported so that a coordinator can fix it in a text editor: which file, which line, what is
 * wrong. These functions are pure: the caller reads the file and passes its text.
 */
export interface TemplateProblem {
  file: string;
  /** 1-based line and column in the file, when the problem can be placed. */
  line?: number;
  column?: number;
  /** Where in the data, like `rules[2].workingDays`. */
  path: string;
  message: string;
}

export type TemplateResult<T> = { ok: true; value: T } | { ok: false; problems: TemplateProblem[]; message: string };

/** Far more than any real list; refuses a file that would tie up start-up. */
export const MAX_TEMPLATE_CHARS = 1_000_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(the whole file)';
}

export function describeProblem(p: TemplateProblem): string {
  const where = p.line ? ` line ${p.line}${p.column ? `, column ${p.column}` : ''}` : '';
  const at = p.path && p.path !== '(the whole file)' ? ` (${p.path})` : '';
  return `${p.file}${where}${at}: ${p.message}`;
}

function failure<T>(problems: TemplateProblem[]): TemplateResult<T> {
  const shown = problems.slice(0, 20).map(describeProblem);
  if (problems.length > 20) shown.push(`…and ${problems.length - 20} more problems`);
  return { ok: false, problems, message: shown.join('\n') };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const k of path) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, k as string)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** zod's issue, restated in words a person editing the file will understand. */
function issueMessage(issue: z.core.$ZodIssue, root: unknown): string[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => `unknown field "${k}": remove it or check its spelling`);
  }
  if (issue.code === 'invalid_type' && valueAt(root, issue.path) === undefined) {
    const key = issue.path[issue.path.length - 1];
    return [typeof key === 'string' ? `"${key}" is missing` : 'an entry is missing'];
  }
  return [issue.message];
}

/** Turn schema issues into problems; `locate` gives a line for a data path if it can. */
export function problemsFromIssues(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  root: unknown,
  locate: (path: readonly PropertyKey[], key?: string) => { line: number; column: number } | undefined = () => undefined,
): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  for (const issue of issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    const messages = issueMessage(issue, root);
    keys.forEach((key, i) => {
      const path = key === undefined ? issue.path : [...issue.path, key];
      out.push({ file, path: formatPath(path), message: messages[i] ?? issue.message, ...locate(issue.path, key) });
    });
  }
  return out;
}

/** Validate data that is already parsed (JSON files), naming the file and the path at fault. */
export function checkTemplateData<S extends z.ZodType>(data: unknown, file: string, schema: S): TemplateResult<z.output<S>> {
  const bad = forbiddenKeyPath(data, []);
  if (bad) return failure([{ file, path: formatPath(bad), message: `"${String(bad[bad.length - 1])}" is not allowed as a field name` }]);
  const r = schema.safeParse(data);
  if (r.success) return { ok: true, value: r.data };
  return failure(problemsFromIssues(file, r.error.issues, data));
}

function forbiddenKeyPath(v: unknown, path: PropertyKey[], depth = 0): PropertyKey[] | undefined {
  if (depth > 64 || typeof v !== 'object' || v === null) return undefined;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = forbiddenKeyPath(v[i], [...path, i], depth + 1);
      if (p) return p;
    }
    return undefined;
  }
  for (const k of Object.keys(v)) {
    if (FORBIDDEN_KEYS.has(k)) return [...path, k];
    const p = forbiddenKeyPath((v as Record<string, unknown>)[k], [...path, k], depth + 1);
    if (p) return p;
  }
  return undefined;
}

function nodeAt(doc: Document, path: readonly PropertyKey[]): Node | undefined {
  // Walk down as far as the path exists, so a missing field is placed at its parent.
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
    if (node && typeof node === 'object' && 'range' in node) return node as Node;
  }
  return undefined;
}

function keyNode(parent: Node | undefined, key: string): Node | undefined {
  if (!parent || !isMap(parent)) return undefined;
  for (const pair of parent.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) return pair.key;
  }
  return undefined;
}

/**
 * Parse a YAML template and validate it with a zod schema. Every problem names the file and,
 * where possible, the line: syntax errors from the YAML parser, duplicate keys, forbidden
 * keys (`__proto__` and friends, which some programs treat specially), and schema problems.
 */
export function parseYamlTemplate<S extends z.ZodType>(text: string, file: string, schema: S): TemplateResult<z.output<S>> {
  if (typeof text !== 'string') return failure([{ file, path: '', message: 'the file could not be read as text' }]);
  if (text.length > MAX_TEMPLATE_CHARS) {
    return failure([{ file, path: '', message: `the file is too large (over ${MAX_TEMPLATE_CHARS.toLocaleString('en-GB')} characters)` }]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  const pos = (offset: number) => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    return failure(
      doc.errors.map((e) => ({
        file,
        path: '',
        message: `the YAML is not valid: ${e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`,
        ...(e.linePos ? { line: e.linePos[0].line, column: e.linePos[0].col } : {}),
      })),
    );
  }
  const forbidden: TemplateProblem[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
        forbidden.push({ file, path: '', message: `"${String(pair.key.value)}" is not allowed as a field name`, ...(pair.key.range ? pos(pair.key.range[0]) : {}) });
      }
    },
  });
  if (forbidden.length > 0) return failure(forbidden);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return failure([{ file, path: '', message: `the YAML could not be read: ${(e as Error).message.split('\n')[0]}` }]);
  }
  if (data === null || data === undefined) return failure([{ file, path: '', message: 'the file is empty', line: 1 }]);
  const r = schema.safeParse(data);
  if (r.success) return { ok: true, value: r.data };
  return failure(
    problemsFromIssues(file, r.error.issues, data, (path, key) => {
      const parent = nodeAt(doc, path);
      const node = key !== undefined ? (keyNode(parent, key) ?? parent) : parent;
      return node?.range ? pos(node.range[0]) : undefined;
    }),
  );
}

/** Check that ids in a list are unique; schemas call this from superRefine. */
export function duplicateIds(items: readonly { id: string }[]): { index: number; id: string }[] {
  const seen = new Set<string>();
  const out: { index: number; id: string }[] = [];
  items.forEach((it, index) => {
    if (seen.has(it.id)) out.push({ index, id: it.id });
    seen.add(it.id);
  });
  return out;
}
