import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPkiForConfig } from './platform-pki.js';
import { tempDir } from './pki.test-support.js';

describe('getPkiForConfig', () => {
  it('loads the PKI of a data folder once and shares it', async () => {
    const config = { dataDir: tempDir(), piiKey: randomBytes(32) };
    const first = getPkiForConfig(config, {});
    const second = getPkiForConfig(config, {});
    expect(second).toBe(first);
    expect((await first).source).toBe('generated');
    const other = await getPkiForConfig({ dataDir: tempDir(), piiKey: randomBytes(32) }, {});
    expect(other.ca.certificate.sha256).not.toBe((await first).ca.certificate.sha256);
  });

  it('does not keep a failed load, so a corrected setting takes effect', async () => {
    const dir = tempDir();
    const p12 = join(dir, 'broken.p12');
    writeFileSync(p12, 'not a PKCS#12 file');
    const config = { dataDir: dir, piiKey: randomBytes(32) };
    const env = { YS_CA_P12: p12, YS_CA_P12_PASSWORD: 'x' };
    const failed = getPkiForConfig(config, env);
    await expect(failed).rejects.toThrow(/PKCS#12/);
    expect(getPkiForConfig(config, env)).not.toBe(failed);
    await expect(getPkiForConfig(config, env)).rejects.toThrow(/PKCS#12/);
  });
});
