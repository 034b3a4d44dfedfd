/**
 * Where to send the user after a successful verification (`?returnTo=/water-connection/applications/…`).
 * Only a path of this site is followed, so a crafted link cannot bounce a freshly verified person to another
 * site (open redirect, OWASP ASVS 5.1.5). API paths are refused too: returning means going back to a page.
 */
const ORIGIN = 'https://app.invalid';

export function safeReturnTo(raw: string | null | undefined): string | null {
  if (!raw || raw.length > 2000) return null;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return null;
  // Browsers drop tabs and newlines inside URLs and read a backslash as a slash: refuse them outright.
  for (const ch of raw) {
    const c = ch.charCodeAt(0);
    if (c < 0x20 || c === 0x7f || ch === '\\') return null;
  }
  let url: URL;
  try {
    url = new URL(raw, ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== ORIGIN) return null;
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return null;
  // Coming back here would be a loop.
  if (url.pathname === '/realname' || url.pathname.startsWith('/realname/')) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * The OIDC provider sends the browser back to `/realname?status=…` without our query, so the target is kept
 * in this tab's sessionStorage across the round trip (and checked again when read).
 */
const STORAGE_KEY = 'ys.realname.returnTo';

export function rememberReturnTo(path: string | null): void {
  try {
    if (path) sessionStorage.setItem(STORAGE_KEY, path);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage disabled: the user can still go back by hand.
  }
}

/** Reads without removing: the value is cleared when the user is sent back (or a new flow starts). */
export function readRememberedReturnTo(): string | null {
  try {
    return safeReturnTo(sessionStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}
