import { loadConfig } from '../config/index.js';
import { loadPki, pkiOptionsFromConfig, type Pki, type PkiSettings } from './load-pki.js';

const byDataDir = new Map<string, Promise<Pki>>();
let installed: Promise<Pki> | undefined;

/**
 * The PKI for these settings, loaded once per data folder and CA file (generating the CA on first start). A failed
 * load (wrong PKCS#12 password, unreadable folder) is not cached, so the next call tries again.
 */
export function getPkiForConfig(config: PkiSettings, env: NodeJS.ProcessEnv = process.env): Promise<Pki> {
  const options = pkiOptionsFromConfig(config, env);
  const key = `${options.dataDir}\0${options.pkcs12?.path ?? ''}`;
  let pki = byDataDir.get(key);
  if (!pki) {
    pki = loadPki(options);
    byDataDir.set(key, pki);
    pki.catch(() => byDataDir.delete(key));
  }
  return pki;
}

/** The process's PKI: the one installed by setPlatformPki, else the one of the current settings. */
export function getPlatformPki(): Promise<Pki> {
  return installed ?? getPkiForConfig(loadConfig());
}

/** Lets the composition root (or a test) fix the PKI every default caller uses. */
export function setPlatformPki(pki: Pki | Promise<Pki> | undefined): void {
  installed = pki === undefined ? undefined : Promise.resolve(pki);
}
