import { describe, expect, it } from 'vitest';
import { contentDisposition } from './files.service.js';
import { detectFileType } from './file-type.js';

const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5ad0f8e0000000049454e44ae426082', 'hex');

describe('file type from magic bytes', () => {
  it('recognizes PDF and PNG whatever the name', async () => {
    expect((await detectFileType(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n')))?.kind).toBe('pdf');
    expect((await detectFileType(png))?.kind).toBe('png');
  });
  it('rejects text, executables and unknown bytes', async () => {
    expect(await detectFileType(Buffer.from('hello, this is not a pdf'))).toBeNull();
    expect(await detectFileType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'))).toBeNull();
  });
  it('encodes Chinese file names safely', () => {
    const h = contentDisposition('营业执照"副本".pdf');
    expect(h).toContain(`filename*=UTF-8''${encodeURIComponent('营业执照"副本".pdf')}`);
    expect(h).toMatch(/^attachment; filename="[\x20-\x7e]+"; /);
    expect(h).not.toContain('营');
    expect(h.split('"').length).toBe(3);
  });
});
