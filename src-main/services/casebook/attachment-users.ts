import { listAttachmentFiles } from '../../store/attachments';
import { attachmentFile } from '../../store/layout';
import type { Store } from '../../store/store';
import { readHealthCheck } from '../quality/health-check';
import { policyDocumentRefs } from '../quality/policies';
import { readStaffRegister } from '../staff/register-file';

/**
 * Of the attachments given, the files still on disk that nothing else names: no case's
 * indirect log (other than `exceptCase`'s), no training certificate, no policy document, no
 * health-check file (other than `exceptEvidence`) and not the service's logo (unless
 * `exceptLogo`). The same content is stored once, so a file goes only when its last user does:
 * a case deleted under the retention schedule, a file taken off an indicator, a logo replaced.
 */
export async function attachmentsNamedNowhereElse(s: Store, refs: Iterable<string>, o: { exceptCase?: string; exceptEvidence?: string; exceptLogo?: boolean } = {}): Promise<string[]> {
  const present = new Set(await listAttachmentFiles(s.dir));
  const left = new Set([...refs].filter((r) => present.has(attachmentFile(r))));
  if (left.size === 0) return [];
  if (!o.exceptLogo) for (const ref of settingsAttachmentRefs(s)) left.delete(ref);
  for (const ref of await policyDocumentRefs(s)) left.delete(ref);
  for (const r of Object.values(await readStaffRegister(s))) for (const t of r.training ?? []) if (t.certificate) left.delete(t.certificate);
  for (const e of (await readHealthCheck(s)).evidence ?? []) if (e.id !== o.exceptEvidence) left.delete(e.ref);
  // Rare (a file removed or a case with attachments deleted), so opening the cases here is affordable.
  for (const row of s.summaries.all()) {
    if (left.size === 0) break;
    if (row.id === o.exceptCase) continue;
    for (const e of (await s.readCase(row.id)).indirectLog ?? []) if (e.attachment) left.delete(e.attachment);
  }
  return [...left].map(attachmentFile);
}

/** Every attachment the settings name: the service's logo (verify: it is not a stray, and a missing one is named). */
export function settingsAttachmentRefs(s: Pick<Store, 'index'>): string[] {
  return s.index.settings.logo ? [s.index.settings.logo.ref] : [];
}
