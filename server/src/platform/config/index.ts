import { resolve } from 'node:path';
import { createHash } from 'node:crypto';

/**
 * Every setting the platform reads, from the environment. Documented in README.md ("Settings").
 */
export interface Config {
  port: number;
  host: string;
  /** `postgres://…` or a SQLite file path. */
  databaseUrl: string;
  dataDir: string;
  /** 32-byte key for AES-256-GCM encryption of personal data, and the HMAC key for matching hashes. */
  piiKey: Buffer;
  /** Cookies get `Secure` when served behind HTTPS. */
  secureCookies: boolean;
  sessionIdleMinutes: number;
  uploadLimitBytes: number;
  bodyLimitBytes: number;
  logLevel: string;
  /** Public base URL used in QR codes and links in documents. */
  publicUrl: string;
  /** Outside RFC 3161 authority; empty = the platform's own. */
  tsaUrl: string;
  /** OIDC real-name provider; empty = the local demo provider. */
  oidcIssuer: string;
  oidcClientId: string;
  oidcClientSecret: string;
  rateLimitLoginPerMinute: number;
  rateLimitPublicPerMinute: number;
  env: 'production' | 'development' | 'test';
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`配置错误 invalid setting ${name}=${raw}: expected a whole number`);
  return n;
}

function key(dataDir: string): Buffer {
  const raw = process.env.YS_PII_KEY;
  if (raw) {
    const buf = Buffer.from(raw, raw.length === 64 ? 'hex' : 'base64');
    if (buf.length !== 32) throw new Error('配置错误 YS_PII_KEY must be 32 bytes (64 hex characters or base64)');
    return buf;
  }
  // Demo default only: derived from the data folder so a fresh demo works without setup. README says to set it.
  return createHash('sha256').update(`yingshang-demo-pii-key:${resolve(dataDir)}`).digest();
}

export function loadConfig(overrides: Partial<Config> = {}): Config {
  const dataDir = overrides.dataDir ?? resolve(process.env.YS_DATA_DIR ?? 'data');
  const port = int('PORT', 8080);
  const env = (process.env.NODE_ENV === 'production' ? 'production' : process.env.NODE_ENV === 'test' ? 'test' : 'development') as Config['env'];
  return {
    port,
    host: process.env.HOST ?? '0.0.0.0',
    databaseUrl: process.env.DATABASE_URL ?? resolve(dataDir, 'yingshang.db'),
    dataDir,
    piiKey: key(dataDir),
    secureCookies: process.env.YS_SECURE_COOKIES === '1',
    sessionIdleMinutes: int('YS_SESSION_IDLE_MINUTES', 30),
    uploadLimitBytes: int('YS_UPLOAD_LIMIT_BYTES', 20 * 1024 * 1024),
    bodyLimitBytes: int('YS_BODY_LIMIT_BYTES', 1024 * 1024),
    logLevel: process.env.LOG_LEVEL ?? 'info',
    publicUrl: process.env.YS_PUBLIC_URL ?? `http://localhost:${port}`,
    tsaUrl: process.env.YS_TSA_URL ?? '',
    oidcIssuer: process.env.YS_OIDC_ISSUER ?? '',
    oidcClientId: process.env.YS_OIDC_CLIENT_ID ?? '',
    oidcClientSecret: process.env.YS_OIDC_CLIENT_SECRET ?? '',
    rateLimitLoginPerMinute: int('YS_RATE_LIMIT_LOGIN', 20),
    rateLimitPublicPerMinute: int('YS_RATE_LIMIT_PUBLIC', 600),
    env,
    ...overrides,
  };
}
