/**
 * Transcript files. A published transcript of a large draw is written as JSON Lines so it can be checked with
 * ordinary tools and read without holding the whole text in memory:
 *
 *   line 1                       the transcript without `rosters` (format, commitment, …, selection)
 *   next commitment.targetRoster.count lines     the target roster, canonical lines (roster-hash.ts)
 *   next commitment.inspectorRoster.count lines  the inspector roster, canonical lines
 *
 * The roster lines are exactly the bytes whose SHA-256 the commitment published, so e.g.
 * `sed -n '2,1000001p' transcript.jsonl | sha256sum` reproduces the target roster hash. A plain JSON file
 * holding the whole transcript object (with `rosters`) is read too.
 */
import { createReadStream, writeSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { DrawTranscript, InspectorEntry, TargetEntry } from './draw.types.js';
import { CanonicalLineWriter } from './canonical-line-writer.js';
import { verifyDrawTranscript, type VerificationResult } from './verify-transcript.js';

export class TranscriptFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'TranscriptFileError';
  }
}

export async function writeTranscriptFile(path: string, t: DrawTranscript): Promise<void> {
  const { rosters, ...header } = t;
  const fd = await open(path, 'w');
  try {
    await fd.write(JSON.stringify(header) + '\n');
    // The roster lines are encoded into one reusable buffer (canonical-line-writer.ts) and written a buffer at a
    // time: building a string per line, or batches of them, cost more time and over 100 MB of transient memory
    // for a million targets. Writes are synchronous because the writer reuses its buffer after each hand-over.
    const writer = new CanonicalLineWriter((bytes) => {
      for (let off = 0; off < bytes.length; ) off += writeSync(fd.fd, bytes, off, bytes.length - off);
    });
    for (const e of rosters.targets) writer.targetLine(e);
    for (const e of rosters.inspectors) writer.inspectorLine(e);
    writer.flush();
  } finally {
    await fd.close();
  }
}

function rosterCount(header: Record<string, unknown>, key: 'targetRoster' | 'inspectorRoster'): number {
  const c = header.commitment as Record<string, { count?: unknown }> | undefined;
  const n = c?.[key]?.count;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw new TranscriptFileError(1, `commitment.${key}.count missing`);
  return n;
}

async function readJsonLines(path: string): Promise<unknown> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let header: Record<string, unknown> | undefined;
  let nTargets = 0;
  let nInspectors = 0;
  const targets: TargetEntry[] = [];
  const inspectors: InspectorEntry[] = [];
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new TranscriptFileError(lineNo, 'not valid JSON');
    }
    if (!header) {
      header = value as Record<string, unknown>;
      nTargets = rosterCount(header, 'targetRoster');
      nInspectors = rosterCount(header, 'inspectorRoster');
    } else if (targets.length < nTargets) targets.push(value as TargetEntry);
    else if (inspectors.length < nInspectors) inspectors.push(value as InspectorEntry);
    else throw new TranscriptFileError(lineNo, 'more roster lines than the commitment counts');
  }
  if (!header) throw new TranscriptFileError(1, 'empty file');
  if (targets.length < nTargets || inspectors.length < nInspectors) throw new TranscriptFileError(lineNo, 'fewer roster lines than the commitment counts');
  return { ...header, rosters: { targets, inspectors } };
}

/** The transcript object in a file, JSON Lines or plain JSON. */
export async function readTranscriptFile(path: string): Promise<unknown> {
  const first = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }) });
    rl.once('line', (l) => {
      resolve(l);
      rl.close();
    });
    rl.once('close', () => resolve(''));
    rl.once('error', reject);
  });
  let head: unknown;
  try {
    head = JSON.parse(first);
  } catch {
    head = undefined;
  }
  if (typeof head === 'object' && head !== null && !('rosters' in head)) return readJsonLines(path);
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    throw new TranscriptFileError(1, 'neither JSON Lines nor JSON');
  }
}

/** `yingshang draw verify <file>`: read and verify; a file that cannot be read is reported as a difference. */
export async function verifyDrawTranscriptFile(path: string): Promise<VerificationResult> {
  try {
    return verifyDrawTranscript(await readTranscriptFile(path));
  } catch (e) {
    if (e instanceof TranscriptFileError) return { ok: false, difference: { path: `file line ${e.line}`, expected: 'transcript', actual: e.message, message: '抄本文件无法读取 / transcript file cannot be read' } };
    throw e;
  }
}
