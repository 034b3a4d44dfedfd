import { fileTypeFromBuffer } from 'file-type';

export type AllowedFileType = 'pdf' | 'png' | 'jpeg' | 'ofd';

const MIME: Record<AllowedFileType, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  ofd: 'application/ofd',
};

export const DEFAULT_ALLOWED: readonly AllowedFileType[] = ['pdf', 'png', 'jpeg', 'ofd'];

/**
 * The file's type from its magic bytes, never from its name. OFD (GB/T 33190, China's fixed-layout format) is
 * a ZIP package whose root holds OFD.xml; we look for that entry name in the ZIP's central directory.
 */
export async function detectFileType(data: Buffer): Promise<{ kind: AllowedFileType; mime: string } | null> {
  const t = await fileTypeFromBuffer(data);
  if (!t) return null;
  if (t.ext === 'pdf') return { kind: 'pdf', mime: MIME.pdf };
  if (t.ext === 'png') return { kind: 'png', mime: MIME.png };
  if (t.ext === 'jpg') return { kind: 'jpeg', mime: MIME.jpeg };
  if (t.ext === 'zip' && zipHasRootEntry(data, 'OFD.xml')) return { kind: 'ofd', mime: MIME.ofd };
  return null;
}

function zipHasRootEntry(data: Buffer, name: string): boolean {
  const sig = Buffer.from([0x50, 0x4b, 0x01, 0x02]); // central directory file header
  const target = Buffer.from(name, 'utf8');
  let at = data.indexOf(sig);
  while (at >= 0 && at + 46 <= data.length) {
    const nameLen = data.readUInt16LE(at + 28);
    const entry = data.subarray(at + 46, at + 46 + nameLen);
    if (entry.equals(target)) return true;
    at = data.indexOf(sig, at + 46);
  }
  return false;
}
