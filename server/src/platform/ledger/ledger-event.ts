import canonicalize from 'canonicalize';
import { randomBytes } from 'node:crypto';

/**
 * A ledger leaf is the RFC 8785 canonical JSON of one legally meaningful event (ARCHITECTURE.md "Ledger"),
 * as UTF-8 bytes. Canonical form makes the bytes — and so the leaf hash — reproducible by anyone from the
 * event's content, whatever language or JSON library they use.
 *
 * Who may read a leaf is NOT part of it: access can change (a consent revoked, a case handed over) while the
 * leaf, once logged, never can. The visibility lists live beside the leaf in the store.
 */
export interface LedgerEventInput {
  /** Event type, dotted lower-case, e.g. `bankruptcy.claim.filed`. */
  type: string;
  /** What the event is about, e.g. an application's public id. */
  subject: string;
  data: Record<string, unknown>;
  /** Lowercase hex SHA-256 of a document this event concerns (the document itself stays off the log). */
  documentSha256?: string;
}

export interface LedgerLeafEvent extends LedgerEventInput {
  /** Leaf format version. */
  v: 1;
  /** ISO-8601 UTC time the platform recorded the event. */
  recordedAt: string;
  /**
   * 16 random bytes (base64). Leaf hashes are public; without a nonce anyone could confirm a guess of a
   * low-entropy event ("vote cast: yes") by hashing candidates.
   */
  nonce: string;
}

export class LedgerEventError extends Error {
  override readonly name = 'LedgerEventError';
}

const TYPE_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

export function validateEventInput(event: LedgerEventInput): void {
  if (!TYPE_PATTERN.test(event.type) || event.type.length > 100) {
    throw new LedgerEventError(`事件类型无效 invalid ledger event type "${event.type}"`);
  }
  if (typeof event.subject !== 'string' || event.subject.length === 0 || event.subject.length > 200) {
    throw new LedgerEventError('事件主体无效 ledger event subject must be 1–200 characters');
  }
  if (event.data === null || typeof event.data !== 'object' || Array.isArray(event.data)) {
    throw new LedgerEventError('事件数据必须是对象 ledger event data must be a JSON object');
  }
  if (event.documentSha256 !== undefined && !SHA256_HEX.test(event.documentSha256)) {
    throw new LedgerEventError('文件摘要无效 documentSha256 must be 64 lowercase hex characters');
  }
}

/** Builds the leaf event: the caller's content plus version, time and nonce. */
export function buildLeafEvent(event: LedgerEventInput, recordedAt = new Date().toISOString()): LedgerLeafEvent {
  validateEventInput(event);
  const leaf: LedgerLeafEvent = {
    v: 1,
    type: event.type,
    subject: event.subject,
    data: event.data,
    recordedAt,
    nonce: randomBytes(16).toString('base64'),
  };
  if (event.documentSha256 !== undefined) leaf.documentSha256 = event.documentSha256;
  return leaf;
}

/**
 * RFC 8785 bytes of a leaf event. Rejects data with no canonical form (NaN, Infinity, lone surrogates, cycles);
 * like JSON.stringify, properties whose value is undefined are left out.
 */
export function encodeLeafEvent(leaf: LedgerLeafEvent): Buffer {
  let text: string | undefined;
  try {
    text = canonicalize(leaf);
  } catch (e) {
    throw new LedgerEventError(`事件数据不是有效 JSON: ${(e as Error).message}`);
  }
  if (text === undefined) throw new LedgerEventError('事件数据不是有效 JSON event has no JSON form');
  return Buffer.from(text, 'utf8');
}

/** Parses stored leaf bytes, insisting they are exactly the canonical form of what they contain. */
export function decodeLeafEvent(bytes: Uint8Array): LedgerLeafEvent {
  const text = Buffer.from(bytes).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new LedgerEventError('账本叶子不是 JSON leaf is not JSON');
  }
  if (canonicalize(parsed) !== text) throw new LedgerEventError('账本叶子不是规范 JSON leaf is not canonical JSON');
  const leaf = parsed as LedgerLeafEvent;
  if (leaf === null || typeof leaf !== 'object' || leaf.v !== 1) {
    throw new LedgerEventError('账本叶子版本未知 unknown leaf version');
  }
  validateEventInput(leaf);
  if (typeof leaf.recordedAt !== 'string' || !ISO_UTC.test(leaf.recordedAt)) {
    throw new LedgerEventError('账本叶子时间无效 leaf recordedAt is not an ISO UTC time');
  }
  if (typeof leaf.nonce !== 'string' || Buffer.from(leaf.nonce, 'base64').length !== 16) {
    throw new LedgerEventError('账本叶子随机数无效 leaf nonce must be 16 bytes');
  }
  return leaf;
}
