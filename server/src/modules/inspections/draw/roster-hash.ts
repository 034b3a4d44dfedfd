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
import type { InspectorEntry, RosterDigest, TargetEntry } from './draw.types.js';

// Characters JSON.stringify would escape (quote, backslash, C0 controls) or might (surrogates, escaped when
// lone). Strings without them serialize as themselves between quotes, which skips a generic serializer call.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function str(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
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

// Hashing a line at a time costs one native call per entry; batching ~1 MB of text per update is much faster.
const BATCH_CHARS = 1 << 20;

function hashLines<T>(entries: readonly T[], line: (e: T) => string): RosterDigest {
  const hash = createHash('sha256');
  let buffer = '';
  for (const e of entries) {
    buffer += line(e) + '\n';
    if (buffer.length >= BATCH_CHARS) {
      hash.update(buffer, 'utf8');
      buffer = '';
    }
  }
  if (buffer.length > 0) hash.update(buffer, 'utf8');
  return { sha256: hash.digest('hex'), count: entries.length };
}

/** Digest of a roster that must already be in canonical order (see sortRoster). */
export function hashTargetRoster(sorted: readonly TargetEntry[]): RosterDigest {
  return hashLines(sorted, canonicalTargetLine);
}

export function hashInspectorRoster(sorted: readonly InspectorEntry[]): RosterDigest {
  return hashLines(sorted, canonicalInspectorLine);
}

/** The full canonical text of a roster, for publication beside the commitment. */
export function serializeTargetRoster(sorted: readonly TargetEntry[]): string {
  return sorted.map((t) => canonicalTargetLine(t) + '\n').join('');
}

export function serializeInspectorRoster(sorted: readonly InspectorEntry[]): string {
  return sorted.map((p) => canonicalInspectorLine(p) + '\n').join('');
}
