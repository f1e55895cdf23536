import { dbPath, type OwnApi } from './own-api';

/** One stored revision of a document, as the server sends it (with `_revisions` when asked). */
export type StoredDoc = Record<string, unknown>;

/**
 * What a database held at one moment: for each document id, every leaf revision (the winner,
 * conflicting branches and deleted branches) with its revision history, which is enough to put
 * the document back exactly, rev tree included.
 */
export interface ServerSnapshot {
  readonly db: string;
  readonly docs: Readonly<Record<string, readonly StoredDoc[]>>;
}

interface ChangesAllDocs {
  results: { id: string; changes: { rev: string }[] }[];
}

interface BulkGet {
  results: { id: string; docs: ({ ok: StoredDoc } | { error: unknown })[] }[];
}

/** Every leaf revision of every document, deleted ones included, by document id. */
async function leaves(api: OwnApi, db: string): Promise<{ id: string; rev: string }[]> {
  const feed = await api.json<ChangesAllDocs>('GET', `${dbPath(db)}/_changes?style=all_docs`);
  return feed.results.flatMap((r) => r.changes.map((c) => ({ id: r.id, rev: c.rev })));
}

async function bulkGetText(api: OwnApi, db: string, wanted: { id: string; rev: string }[]): Promise<string> {
  const { status, text } = await api.text('POST', `${dbPath(db)}/_bulk_get?revs=true&attachments=true`, { docs: wanted });
  if (status !== 200) throw new Error(`Sync server: _bulk_get on ${db} answered ${status}: ${text.trim()}`);
  return text;
}

function okDocs(text: string): StoredDoc[] {
  return (JSON.parse(text) as BulkGet).results.flatMap((r) => r.docs.flatMap((d) => ('ok' in d ? [d.ok] : [])));
}

export async function snapshotOf(api: OwnApi, db: string): Promise<ServerSnapshot> {
  const docs: Record<string, StoredDoc[]> = {};
  for (const doc of okDocs(await bulkGetText(api, db, await leaves(api, db)))) {
    (docs[doc._id as string] ??= []).push(doc);
  }
  return { db, docs };
}

/**
 * Every document as the server holds it: the current revisions from `_all_docs` (with
 * `_conflicts`), then the bodies of conflicting and deleted leaf revisions, which `_all_docs`
 * leaves out but which are still stored and replicated.
 */
export async function documentsOf(api: OwnApi, db: string): Promise<StoredDoc[]> {
  const { current, others } = await readAll(api, db);
  return [...(JSON.parse(current.text) as { rows: { doc: StoredDoc }[] }).rows.map((r) => r.doc), ...okDocs(others)];
}

/** The raw bytes of the same responses, plus the `_local` documents the server still has, for byte scans. */
export async function rawDumpOf(api: OwnApi, db: string, localIds: readonly string[]): Promise<string> {
  const { current, others } = await readAll(api, db);
  const locals = await localDocs(api, db, localIds);
  return [current.text, others, ...locals.map((l) => JSON.stringify(l))].join('\n');
}

async function readAll(api: OwnApi, db: string) {
  const current = await api.text('GET', `${dbPath(db)}/_all_docs?include_docs=true&conflicts=true`);
  if (current.status !== 200) throw new Error(`Sync server: _all_docs on ${db} answered ${current.status}: ${current.text.trim()}`);
  const winners = new Map((JSON.parse(current.text) as { rows: { id: string; value: { rev: string } }[] }).rows.map((r) => [r.id, r.value.rev]));
  const rest = (await leaves(api, db)).filter((l) => winners.get(l.id) !== l.rev);
  return { current, others: rest.length ? await bulkGetText(api, db, rest) : '{"results":[]}' };
}

/**
 * Replaces the database by one holding exactly `docs` (leaf revisions with their histories,
 * written with new_edits:false so revision ids and trees are as they were) and the given
 * `_local` documents. Recreating the database is the only way through CouchDB's API to make
 * later revisions disappear; sequence numbers start again as they would on a restored server.
 */
export async function rebuild(api: OwnApi, db: string, docs: readonly StoredDoc[], locals: readonly StoredDoc[]): Promise<void> {
  await api.json('DELETE', dbPath(db));
  await api.json('PUT', dbPath(db));
  if (docs.length) {
    const written = await api.json<{ error?: string; id: string }[]>('POST', `${dbPath(db)}/_bulk_docs`, { docs, new_edits: false });
    const failed = written.filter((w) => w.error);
    if (failed.length) throw new Error(`Sync server: rebuilding ${db} failed for ${failed.map((f) => f.id).join(', ')}`);
  }
  for (const local of locals) {
    const { _rev: _ignored, ...body } = local;
    await api.json('PUT', `${dbPath(db)}/${String(local._id).split('/').map(encodeURIComponent).join('/')}`, body);
  }
}

/** The `_local` documents (replication checkpoints) of those ids that the database still has. */
export async function localDocs(api: OwnApi, db: string, ids: readonly string[]): Promise<StoredDoc[]> {
  const found = await Promise.all(ids.map((id) => api.text('GET', `${dbPath(db)}/_local/${encodeURIComponent(id)}`)));
  return found.filter((f) => f.status === 200).map((f) => JSON.parse(f.text) as StoredDoc);
}
