import { promises as fs } from 'node:fs';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { CasebookError } from '../domain/shared/errors';
import { openJson, sealJson, type DataKey, type Kind } from './envelope';
import { writeFileDurably } from './durable-write';
import { abs } from './layout';

/**
 * A lowdb adapter for one encrypted file: lowdb keeps the data in memory and calls read/write;
 * this class seals and opens the envelope and validates with zod on the way in, so a record
 * that does not match its schema is never loaded silently. `encode` lets a caller produce the
 * sealed bytes without writing, for multi-file commits through the journal.
 */
export class EncryptedFile<T> implements Adapter<T> {
  constructor(
    private readonly storeDir: string,
    readonly rel: string,
    private readonly kind: Kind,
    private readonly schema: z.ZodType<T>,
    private readonly dk: DataKey,
  ) {}

  async read(): Promise<T | null> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(abs(this.storeDir, this.rel));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new CasebookError('CORRUPT', `${this.rel} could not be read`, { file: this.rel });
    }
    return this.decode(bytes);
  }

  decode(bytes: Uint8Array): T {
    const raw = openJson(this.dk, this.kind, this.rel, bytes);
    const parsed = this.schema.safeParse(raw);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') ?? '';
      throw new CasebookError('CORRUPT', `${this.rel} holds a record that is not valid${where ? ` (at ${where})` : ''}; it was not opened`, { file: this.rel });
    }
    return parsed.data;
  }

  encode(data: T): Buffer {
    return sealJson(this.dk, this.kind, this.rel, data);
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(abs(this.storeDir, this.rel), this.encode(data), this.rel);
  }
}
