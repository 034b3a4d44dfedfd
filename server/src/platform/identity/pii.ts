import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Personal data at rest: AES-256-GCM with the configured key (YS_PII_KEY) for values we must show again
 * (masked) or hand to a signer, and a keyed HMAC-SHA256 for values we only match (find a user by resident ID).
 * Format of ciphertext: base64(iv ‖ tag ‖ ciphertext), prefixed with `v1:` so the scheme can change.
 */
export function encryptPii(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const enc = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), enc]).toString('base64')}`;
}

export function decryptPii(key: Buffer, stored: string): string {
  if (!stored.startsWith('v1:')) throw new Error('unknown personal-data encryption scheme');
  const raw = Buffer.from(stored.slice(3), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

export function matchHash(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value).digest('hex');
}
