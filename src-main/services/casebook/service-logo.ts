import { requireCapability } from '../../domain/access/capabilities';
import { logoFileProblem, logoTypeOf, UNREADABLE_LOGO, type ChosenLogoFile, type ServiceLogo, type ServiceLogoView, type SetServiceLogoInput } from '../../domain/casebook/service-logo';
import { SettingsSchema } from '../../domain/casebook/settings';
import { CasebookError } from '../../domain/shared/errors';
import { readableImageSize } from '../../documents/image-check';
import type { ImageData } from '../../documents/model';
import { prepareAttachment, readAttachment } from '../../store/attachments';
import type { FileWrite } from '../../store/journal';
import type { Store } from '../../store/store';
import { chosenFileHolder } from '../shared/chosen-file';
import { invalidInput } from '../shared/errors';
import type { FilePorts } from '../shared/files';
import { attachmentsNamedNowhereElse } from './attachment-users';
import type { StoreHolder } from './holder';

/**
 * The service's logo in Settings → Service: chosen in the form (held in main, a token to the
 * form, as attachments are), checked (a PNG or JPEG by its bytes, at most 1 MB, a picture every
 * renderer can draw), stored encrypted as an attachment in the same commit as the settings that
 * name it, and printed by letters and forms. Audit entries name the field, the kind and the
 * size, never the file's name (which a person chose).
 */
const chosenLogo = chosenFileHolder();
const TARGET = { type: 'settings', id: 'service' };
const KIND = { 'image/png': 'png', 'image/jpeg': 'jpeg' } as const;
const refusedFile = (message: string) => invalidInput([{ path: 'chosen', message }]);

/** The stored logo as the documents draw it, or undefined when none is set. */
export async function logoImage(s: Pick<Store, 'index' | 'dir' | 'dk'>): Promise<ImageData | undefined> {
  const logo = s.index.settings.logo;
  if (!logo) return undefined;
  const a = await readAttachment(s, logo.ref);
  return { data: new Uint8Array(a.bytes), format: KIND[logo.type] };
}

/**
 * The logo for a document: a logo file that is missing or damaged must not stop a letter going
 * out (verify names the file, and Settings shows no picture), so the document is made without it.
 */
export async function documentLogo(s: Pick<Store, 'index' | 'dir' | 'dk'> | undefined): Promise<{ logo?: ImageData }> {
  const logo = s ? await logoImage(s).catch(() => undefined) : undefined;
  return logo ? { logo } : {};
}

async function commitLogo(s: Store, logo: ServiceLogo | undefined, fields: string[], write?: FileWrite) {
  const before = s.index.settings.logo;
  const { logo: _old, ...rest } = s.index.settings;
  const settings = SettingsSchema.parse(logo ? { ...rest, logo } : rest);
  // The picture it replaces goes in the same commit, unless something else names the same content.
  const unused = before && before.ref !== logo?.ref ? await attachmentsNamedNowhereElse(s, [before.ref], { exceptLogo: true }) : [];
  await s.updateIndex({ ...s.index, settings }, [s.draft(logo ? 'settings.logo.set' : 'settings.logo.remove', TARGET, [...fields, ...(unused.length ? ['file-deleted'] : [])])], write ? [write] : [], unused);
  return { settings, fileDeleted: unused.length > 0 };
}

export function serviceLogoUseCases(h: StoreHolder, files: FilePorts) {
  return {
    /** The open dialog, outside the queue (an idle lock is never held up by it). */
    async chooseServiceLogo(): Promise<ChosenLogoFile> {
      const s = h.need();
      requireCapability(s.user.role, 'change-settings');
      const picker = files.filePicker;
      if (!picker) throw new CasebookError('WRITE_FAILED', 'Choosing a logo is not available here: this copy of RJ Casebook has no way to choose a file');
      // The dialog's own limit is generous, so a picture just over 1 MB gets the logo's own words.
      const file = await picker.pick(32 * 1024 * 1024, 'logo');
      if (!file) return { picked: false };
      return { picked: true, token: chosenLogo.hold(s, file), name: file.name.split(/[/\\]/).pop() ?? '', bytes: file.bytes.length };
    },
    async setServiceLogo(input: SetServiceLogoInput): Promise<ServiceLogoView> {
      const s = h.need();
      requireCapability(s.user.role, 'change-settings');
      const file = chosenLogo.take(s, input.chosen);
      if (!file) throw refusedFile('The picture you chose is no longer held (the casebook was locked, or another file was chosen since): choose it again.');
      const problem = logoFileProblem(file.bytes);
      if (problem) throw refusedFile(problem);
      const type = logoTypeOf(file.bytes)!;
      const size = await readableImageSize({ data: file.bytes, format: KIND[type] });
      if (!size) throw refusedFile(UNREADABLE_LOGO);
      const { ref, write } = prepareAttachment(s, { name: `logo.${KIND[type] === 'png' ? 'png' : 'jpg'}`, type, bytes: file.bytes });
      const logo: ServiceLogo = { ref, type, size: file.bytes.byteLength, ...size };
      const fields = [s.index.settings.logo ? 'logo-replaced' : 'logo', `type:${KIND[type]}`, `bytes:${logo.size}`];
      await commitLogo(s, logo, fields, write);
      return serviceLogoView(s);
    },
    async removeServiceLogo(): Promise<{ removed: boolean; fileDeleted: boolean }> {
      const s = h.need();
      requireCapability(s.user.role, 'change-settings');
      if (!s.index.settings.logo) return { removed: false, fileDeleted: false };
      const { fileDeleted } = await commitLogo(s, undefined, ['logo']);
      return { removed: true, fileDeleted };
    },
    async serviceLogo(): Promise<ServiceLogoView> {
      return serviceLogoView(h.need());
    },
  };
}

async function serviceLogoView(s: Store): Promise<ServiceLogoView> {
  const logo = s.index.settings.logo;
  const img = await logoImage(s).catch(() => undefined);
  if (!logo || !img) return {};
  return { logo: { type: logo.type, size: logo.size, width: logo.width, height: logo.height, dataUrl: `data:${logo.type};base64,${Buffer.from(img.data).toString('base64')}` } };
}
