import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from './durable-write';

/**
 * The one thing the sealed root cannot see is the whole casebook folder, root and all, put back
 * as an older copy (a sync tool, a restored disk image, a folder copied back by hand). So this
 * computer keeps, outside the casebook folder (beside the app's own settings), how far each
 * casebook it has opened had got: its store id and the root's commit counter. A casebook that
 * opens behind that point is an older copy, and the person is told.
 *
 * The record holds no case data: random store ids, counters and times (docs/store-format.md).
 * It is a safety net against accidents, not against someone who can also edit this file.
 */
const SeenSchema = z.object({
  format: z.literal(1),
  casebooks: z.record(z.string().max(64), z.object({ commit: z.number().int().min(0), at: z.string().max(40) })),
});
type Seen = z.infer<typeof SeenSchema>;
export type SeenPoint = Seen['casebooks'][string];

async function readAll(file: string): Promise<Seen> {
  try {
    const parsed = SeenSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // Missing or unreadable: nothing seen yet. It is rewritten whole at the next lock.
  }
  return { format: 1, casebooks: {} };
}

export async function lastSeen(file: string, storeId: string): Promise<SeenPoint | undefined> {
  const all = await readAll(file);
  return Object.hasOwn(all.casebooks, storeId) ? all.casebooks[storeId] : undefined;
}

/** Remember how far this casebook has got. Never fails the caller: the record is a safety net. */
export async function recordSeen(file: string, storeId: string, point: SeenPoint): Promise<void> {
  try {
    const all = await readAll(file);
    all.casebooks[storeId] = point;
    await fs.mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await writeFileDurably(file, Buffer.from(JSON.stringify(all), 'utf8'), 'known-casebooks.json');
  } catch {
    // A read-only home folder must not stop the casebook locking.
  }
}
