/**
 * Canonical serialization of the two rosters, version 1. The commitment publishes the SHA-256 of each sorted
 * roster (DOMAIN.md "inspections"), so the serialization must be exact and re-implementable by anyone:
 *
 * 1. Set-valued fields (`flags`, `qualifications`, `conflicts`) are sorted by UTF-16 code units and
 *    de-duplicated.
 * 2. Entries are sorted by `id`, compared by UTF-16 code units; ids are unique.
 * 3. Each entry is written as its RFC 8785 (JCS) JSON — object keys in code-unit order, strings escaped as
 *    ECMAScript JSON.stringify does — followed by one LF (0x0A).
 * 4. The roster hash is the SHA-256 of the UTF-8 bytes of all lines concatenated (an empty roster hashes the
 *    empty string).
 *
 * The entries have a fixed flat shape of strings and string sets, so the JCS text is written directly with the
 * keys in sorted order (a test checks it against the `canonicalize` package on awkward strings); a generic
 * serializer would cost several times more on a roster of a million targets.
 */
import { createHash } from 'node:crypto';
import { compareCodeUnits, sortedSet } from './canonical-bytes.js';
import { CanonicalLineWriter, LoneSurrogateError } from './canonical-line-writer.js';
import type { InspectorEntry, RosterDigest, TargetEntry } from './draw.types.js';

// Characters JSON.stringify would escape (quote, backslash, C0 controls) or might (surrogates, escaped when
// lone). Strings without them serialize as themselves between quotes, which skips a generic serializer call.
// eslint-disable-next-line no-control-regex -- matching the control characters JSON must escape is the point
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export { LoneSurrogateError };

function str(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  // Rare path: only strings with quotes, backslashes, controls or surrogates get here.
  if (LONE_SURROGATE.test(s)) throw new LoneSurrogateError(s);
  return JSON.stringify(s);
}

function strArray(values: readonly string[]): string {
  if (values.length === 0) return '[]';
  const sorted = values.length > 1 ? sortedSet(values) : values;
  let out = '[';
  for (let i = 0; i < sorted.length; i++) out += (i > 0 ? ',' : '') + str(sorted[i]);
  return out + ']';
}

export function canonicalTargetLine(t: TargetEntry): string {
  return `{"creditClass":${str(t.creditClass)},"district":${str(t.district)},"flags":${strArray(t.flags)},"id":${str(t.id)},"industry":${str(t.industry)},"name":${str(t.name)}}`;
}

export function canonicalInspectorLine(p: InspectorEntry): string {
  return `{"conflicts":${strArray(p.conflicts)},"department":${str(p.department)},"district":${str(p.district)},"id":${str(p.id)},"name":${str(p.name)},"qualifications":${strArray(p.qualifications)}}`;
}

/** True when ids are strictly increasing (sorted and unique). */
export function isSortedById(entries: ReadonlyArray<{ id: string }>): boolean {
  for (let i = 1; i < entries.length; i++) {
    if (!(entries[i - 1].id < entries[i].id)) return false;
  }
  return true;
}

/** The roster in canonical order; returns the same array when already sorted (no copy for a sorted million). */
export function sortRoster<T extends { id: string }>(entries: readonly T[]): readonly T[] {
  if (isSortedById(entries)) return entries;
  return [...entries].sort((a, b) => compareCodeUnits(a.id, b.id));
}

export interface RosterScan extends RosterDigest {
  /** Whether ids were strictly increasing (the canonical order); the digest is only meaningful if so. */
  sorted: boolean;
}

// Lines are encoded straight into a reusable 1 MB buffer that is hashed a buffer at a time
// (canonical-line-writer.ts): one native call per line, per-line strings or large concatenated strings would
// cost far more, and push V8 into full garbage collections over a heap holding a million roster objects.
function hashLines<T extends { id: string }>(entries: readonly T[], line: (w: CanonicalLineWriter, e: T) => void): RosterScan {
  const hash = createHash('sha256');
  const writer = new CanonicalLineWriter((bytes) => hash.update(bytes));
  let sorted = true;
  let prev: string | undefined;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (prev !== undefined && !(prev < e.id)) sorted = false;
    prev = e.id;
    line(writer, e);
  }
  writer.flush();
  return { sha256: hash.digest('hex'), count: entries.length, sorted };
}

const targetLine = (w: CanonicalLineWriter, t: TargetEntry) => w.targetLine(t);
const inspectorLine = (w: CanonicalLineWriter, p: InspectorEntry) => w.inspectorLine(p);

/** Digest of a roster, and whether it was in canonical order (see sortRoster). */
export function hashTargetRoster(sorted: readonly TargetEntry[]): RosterScan {
  return hashLines(sorted, targetLine);
}

export function hashInspectorRoster(sorted: readonly InspectorEntry[]): RosterScan {
  return hashLines(sorted, inspectorLine);
}

/** The digest of a roster in canonical order, sorting a copy first only when needed. */
export function digestTargetRoster(entries: readonly TargetEntry[]): { roster: readonly TargetEntry[]; digest: RosterDigest } {
  const scan = hashTargetRoster(entries);
  if (scan.sorted) return { roster: entries, digest: { sha256: scan.sha256, count: scan.count } };
  const roster = sortRoster(entries);
  const again = hashTargetRoster(roster);
  return { roster, digest: { sha256: again.sha256, count: again.count } };
}

export function digestInspectorRoster(entries: readonly InspectorEntry[]): { roster: readonly InspectorEntry[]; digest: RosterDigest } {
  const scan = hashInspectorRoster(entries);
  if (scan.sorted) return { roster: entries, digest: { sha256: scan.sha256, count: scan.count } };
  const roster = sortRoster(entries);
  const again = hashInspectorRoster(roster);
  return { roster, digest: { sha256: again.sha256, count: again.count } };
}

/** The full canonical text of a roster, for publication beside the commitment. */
export function serializeTargetRoster(sorted: readonly TargetEntry[]): string {
  return sorted.map((t) => canonicalTargetLine(t) + '\n').join('');
}

export function serializeInspectorRoster(sorted: readonly InspectorEntry[]): string {
  return sorted.map((p) => canonicalInspectorLine(p) + '\n').join('');
}
