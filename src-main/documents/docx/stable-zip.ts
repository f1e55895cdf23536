import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { DETERMINISTIC_DATE } from '../model';

/**
 * Deterministic mode: `docx` stamps the core properties with the current time and the zip
 * entries with their own; fix both so the same model gives the same bytes.
 */
export function stabilise(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const iso = DETERMINISTIC_DATE.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = files['docProps/core.xml'];
  if (core) {
    files['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`),
    );
  }
  // docx numbers drawings with a counter that runs across documents; number them from 1 here.
  let drawing = 0;
  for (const name of Object.keys(files).sort()) {
    if (!/^word\/.*\.xml$/.test(name)) continue;
    const xml = strFromU8(files[name]!);
    if (xml.includes('<wp:docPr ')) files[name] = strToU8(xml.replace(/(<wp:docPr id=")\d+/g, (_, head: string) => `${head}${++drawing}`));
  }
  return rezip(files, DETERMINISTIC_DATE);
}

function rezip(files: Record<string, Uint8Array>, mtime: Date): Uint8Array {
  const zippable: Zippable = {};
  for (const name of Object.keys(files).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a.localeCompare(b)))) {
    zippable[name] = [files[name]!, { mtime, level: 6 }];
  }
  return zipSync(zippable);
}
