import { loadConfig } from '../config/index.js';
import { loadPki, pkiOptionsFromConfig, type Pki, type PkiSettings } from './load-pki.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Matches loadPki's renewal window: a process running for years picks up the renewed TSA certificate. */
const RELOAD_BEFORE_TSA_EXPIRY_MS = 30 * DAY_MS;

const byDataDir = new Map<string, { pki: Promise<Pki>; reloadAfter: number }>();
let installed: Promise<Pki> | undefined;

/**
 * The PKI for these settings, loaded once per data folder and CA file (generating the CA on first start). A failed
 * load (wrong PKCS#12 password, unreadable folder) is not cached, so the next call tries again.
 */
export function getPkiForConfig(config: PkiSettings, env: NodeJS.ProcessEnv = process.env): Promise<Pki> {
  const options = pkiOptionsFromConfig(config, env);
  const key = `${options.dataDir}\0${options.pkcs12?.path ?? ''}`;
  const cached = byDataDir.get(key);
  if (cached && Date.now() < cached.reloadAfter) return cached.pki;
  const entry = { pki: loadPki(options), reloadAfter: Number.POSITIVE_INFINITY };
  byDataDir.set(key, entry);
  entry.pki.then(
    (pki) => {
      // At most hourly when renewal is not possible (the CA itself expires within the window).
      entry.reloadAfter = Math.max(Date.now() + HOUR_MS, pki.tsa.certificate.notAfter.getTime() - RELOAD_BEFORE_TSA_EXPIRY_MS);
    },
    () => {
      if (byDataDir.get(key) === entry) byDataDir.delete(key);
    },
  );
  return entry.pki;
}

/** The process's PKI: the one installed by setPlatformPki, else the one of the current settings. */
export function getPlatformPki(): Promise<Pki> {
  return installed ?? getPkiForConfig(loadConfig());
}

/** Lets the composition root (or a test) fix the PKI every default caller uses. */
export function setPlatformPki(pki: Pki | Promise<Pki> | undefined): void {
  installed = pki === undefined ? undefined : Promise.resolve(pki);
}
