import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';

/**
 * Private keys at rest are encrypted PKCS#8 PEM (AES-256-CBC, PBKDF2), which `openssl pkey -passin` also reads,
 * and readable by the service account only.
 */
export async function writeEncryptedKey(path: string, key: KeyObject, passphrase: string): Promise<void> {
  const pem = key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase });
  await writeFile(path, pem, { mode: 0o600, flag: 'wx' });
}

export async function readEncryptedKey(path: string, passphrase: string): Promise<KeyObject> {
  const pem = await readFile(path, 'utf8');
  try {
    return createPrivateKey({ key: pem, format: 'pem', passphrase });
  } catch (error) {
    throw new Error(`无法解密私钥文件 cannot decrypt ${path} (was YS_PII_KEY changed?): ${(error as Error).message}`, { cause: error });
  }
}
