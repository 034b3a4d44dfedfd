import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NoteError, openNote, parseNote, signNote, computeKeyId } from './signed-note.js';
import {
  ed25519KeysFromSeed,
  ed25519Signer,
  ed25519Verifier,
  ed25519VerifierKeyOf,
  generateEd25519NoteKeys,
  parseVerifierKey,
} from './note-ed25519.js';
import { generateSm2NoteKeys, SM2_TYPE_PREFIX, sm2KeysFromPrivate, sm2Signer, sm2Verifier } from './note-sm2.js';
import { formatCheckpoint, parseCheckpoint, CheckpointError } from './checkpoint.js';

const testdata = process.env.YS_TESTDATA ?? '/work/shared/testdata';
const tmp = mkdtempSync(join(tmpdir(), 'ys-note-'));

function openssl(args: string[]): string {
  return execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('C2SP signed-note worked example', () => {
  const ex = JSON.parse(readFileSync(join(testdata, 'signed-note/c2sp-example.json'), 'utf8')) as {
    verifierKey: string;
    note: string;
  };

  it('verifies with its verifier key', () => {
    const opened = openNote(ex.note, [ed25519Verifier(ex.verifierKey)]);
    expect(opened.text).toBe('This is an example message.\n');
    expect(opened.verified).toHaveLength(1);
    expect(opened.verified[0].name).toBe('example.com/foo');
    expect(opened.verified[0].keyId.toString(16)).toBe('530d903a');
  });

  it('the key ID is SHA-256(name || 0x0A || 0x01 || key)[:4]', () => {
    const { typeAndKey } = parseVerifierKey(ex.verifierKey);
    expect(computeKeyId('example.com/foo', typeAndKey)).toBe(0x530d903a);
  });

  it('rejects a changed text', () => {
    const forged = ex.note.replace('example message', 'example massage');
    expect(() => openNote(forged, [ed25519Verifier(ex.verifierKey)])).toThrow(NoteError);
  });

  it('rejects a note with no signature from a known key', () => {
    const other = generateEd25519NoteKeys('example.com/foo');
    expect(() => openNote(ex.note, [ed25519Verifier(other.verifierKey)])).toThrow(/no signature from a known key/);
  });
});

describe('golang.org/x/mod/sumdb/note package example (PeterNeumann)', () => {
  // From the package documentation of golang.org/x/mod/sumdb/note (ExampleSign / ExampleOpen).
  const skey = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
  const vkey = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
  const text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
  const note =
    text +
    '\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';

  it('our signer reproduces the published note byte for byte (Ed25519 is deterministic)', () => {
    expect(ed25519VerifierKeyOf(skey)).toBe(vkey);
    expect(signNote(text, [ed25519Signer(skey)])).toBe(note);
  });

  it('the published note opens with the published verifier key', () => {
    expect(openNote(note, [ed25519Verifier(vkey)]).text).toBe(text);
  });
});

describe('note parsing rules', () => {
  const keys = generateEd25519NoteKeys('yingshang.example/ledger');
  const signer = ed25519Signer(keys.signerKey);
  const verifier = ed25519Verifier(keys.verifierKey);

  it('text may contain blank lines; the last blank line separates the signatures', () => {
    const note = `a\n\nb\n\n— ${keys.verifierKey.split('+')[0]} ${'A'.repeat(8)}\n`;
    expect(parseNote(note).text).toBe('a\n\nb\n');
  });

  it('signing refuses text with a blank line or control characters', () => {
    expect(() => signNote('a\n\nb\n', [signer])).toThrow(NoteError);
    expect(() => signNote('a\tb\n', [signer])).toThrow(NoteError);
    expect(() => signNote('no newline', [signer])).toThrow(NoteError);
  });

  it('ignores signatures from unknown keys but fails when a known key does not verify', () => {
    const other = generateEd25519NoteKeys('someone.else/witness');
    const note = signNote('hello\n', [signer, ed25519Signer(other.signerKey)]);
    expect(openNote(note, [verifier]).verified.map((s) => s.name)).toEqual(['yingshang.example/ledger']);
    // Same name and key ID as ours but a broken signature: the whole note is rejected.
    const sigLine = note.split('\n')[2];
    const raw = Buffer.from(sigLine.split(' ').pop()!, 'base64');
    raw[10] ^= 1;
    const broken = note.replace(sigLine, `${sigLine.slice(0, sigLine.lastIndexOf(' '))} ${raw.toString('base64')}`);
    expect(() => openNote(broken, [verifier])).toThrow(/does not verify/);
  });

  it('rejects a verifier key whose ID does not match its key', () => {
    const [name, , b64] = keys.verifierKey.split('+');
    expect(() => ed25519Verifier(`${name}+00000000+${b64}`)).toThrow(/does not match/);
  });

  it('a seed always gives the same keys', () => {
    const seed = Buffer.alloc(32, 7);
    expect(ed25519KeysFromSeed('a.example/x', seed)).toEqual(ed25519KeysFromSeed('a.example/x', seed));
  });

  it('OpenSSL verifies our Ed25519 note signature over the note text', () => {
    const note = signNote('yingshang.example/ledger\n3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n', [signer]);
    const { text, signatures } = parseNote(note);
    const pub = parseVerifierKey(keys.verifierKey).typeAndKey.subarray(1);
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), pub]);
    writeFileSync(join(tmp, 'ed.der'), spki);
    writeFileSync(join(tmp, 'ed.msg'), text);
    writeFileSync(join(tmp, 'ed.sig'), signatures[0].signature);
    const args = ['pkeyutl', '-verify', '-pubin', '-keyform', 'DER', '-inkey', join(tmp, 'ed.der'), '-rawin'];
    expect(openssl([...args, '-in', join(tmp, 'ed.msg'), '-sigfile', join(tmp, 'ed.sig')])).toMatch(/Signature Verified Successfully/);
    writeFileSync(join(tmp, 'ed.msg'), text.replace('3', '4'));
    expect(() => openssl([...args, '-in', join(tmp, 'ed.msg'), '-sigfile', join(tmp, 'ed.sig')])).toThrow();
  });
});

/** DER SEQUENCE { INTEGER r, INTEGER s } from big-endian hex, as GM/T 0009 encodes SM2 signatures. */
function derSignature(rHex: string, sHex: string): Buffer {
  const int = (hex: string) => {
    let b = Buffer.from(hex, 'hex');
    while (b.length > 1 && b[0] === 0 && b[1] < 0x80) b = b.subarray(1);
    if (b[0] >= 0x80) b = Buffer.concat([Buffer.from([0]), b]);
    return Buffer.concat([Buffer.from([0x02, b.length]), b]);
  };
  const body = Buffer.concat([int(rHex), int(sHex)]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

describe('SM2 note signatures', () => {
  const gm = JSON.parse(readFileSync(join(testdata, 'gm/sm-vectors.json'), 'utf8')) as {
    sm2_sign_recommended_curve: { userId: string; msg_utf8: string; d: string; pub: string; r: string; s: string };
  };
  const v = gm.sm2_sign_recommended_curve;

  it('derives the published public key from the published private key', () => {
    const keys = sm2KeysFromPrivate('gm.example/test', v.d);
    const typed = parseVerifierKey(keys.verifierKey).typeAndKey;
    expect(typed.subarray(0, SM2_TYPE_PREFIX.length).equals(SM2_TYPE_PREFIX)).toBe(true);
    expect(typed.subarray(SM2_TYPE_PREFIX.length).toString('hex')).toBe(v.pub);
  });

  it('verifies the published signature (r, s) with user ID 1234567812345678, and rejects a changed message', () => {
    expect(v.userId).toBe('1234567812345678');
    const verifier = sm2Verifier(sm2KeysFromPrivate('gm.example/test', v.d).verifierKey);
    const sig = derSignature(v.r, v.s);
    expect(verifier.verify(Buffer.from(v.msg_utf8, 'utf8'), sig)).toBe(true);
    expect(verifier.verify(Buffer.from(`${v.msg_utf8}!`, 'utf8'), sig)).toBe(false);
  });

  it('a checkpoint signed with Ed25519 and SM2 opens with either key, and an SM2-unaware verifier ignores SM2', () => {
    const ed = generateEd25519NoteKeys('yingshang.example/ledger');
    const sm = generateSm2NoteKeys('yingshang.example/ledger');
    const note = signNote('x\n', [ed25519Signer(ed.signerKey), sm2Signer(sm.signerKey)]);
    expect(openNote(note, [sm2Verifier(sm.verifierKey)]).verified).toHaveLength(1);
    expect(openNote(note, [ed25519Verifier(ed.verifierKey)]).verified).toHaveLength(1);
    expect(openNote(note, [ed25519Verifier(ed.verifierKey), sm2Verifier(sm.verifierKey)]).verified).toHaveLength(2);
    expect(parseNote(note).signatures[0].keyId).not.toBe(parseNote(note).signatures[1].keyId);
  });

  it('OpenSSL verifies our SM2 signature, and we verify one made by OpenSSL', () => {
    const sm = generateSm2NoteKeys('yingshang.example/ledger');
    const text = 'yingshang.example/ledger\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n';
    const note = signNote(text, [sm2Signer(sm.signerKey)]);
    const pub = parseVerifierKey(sm.verifierKey).typeAndKey.subarray(SM2_TYPE_PREFIX.length);
    // SubjectPublicKeyInfo: id-ecPublicKey with the SM2 curve OID 1.2.156.10197.1.301.
    const spki = Buffer.concat([Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex'), pub]);
    writeFileSync(join(tmp, 'sm2.der'), spki);
    writeFileSync(join(tmp, 'sm2.msg'), text);
    writeFileSync(join(tmp, 'sm2.sig'), parseNote(note).signatures[0].signature);
    const sm2Args = ['-rawin', '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678'];
    const out = openssl([
      'pkeyutl', '-verify', '-pubin', '-keyform', 'DER', '-inkey', join(tmp, 'sm2.der'), ...sm2Args,
      '-in', join(tmp, 'sm2.msg'), '-sigfile', join(tmp, 'sm2.sig'),
    ]);
    expect(out).toMatch(/Signature Verified Successfully/);

    // The reverse: OpenSSL signs, our verifier checks.
    openssl(['genpkey', '-algorithm', 'SM2', '-out', join(tmp, 'os.key')]);
    const der = execFileSync('openssl', ['pkey', '-in', join(tmp, 'os.key'), '-pubout', '-outform', 'DER']);
    const osPub = der.subarray(der.length - 65);
    const typed = Buffer.concat([SM2_TYPE_PREFIX, osPub]);
    const id = computeKeyId('openssl.example/sm2', typed).toString(16).padStart(8, '0');
    const verifier = sm2Verifier(`openssl.example/sm2+${id}+${typed.toString('base64')}`);
    openssl([
      'pkeyutl', '-sign', '-inkey', join(tmp, 'os.key'), ...sm2Args,
      '-in', join(tmp, 'sm2.msg'), '-out', join(tmp, 'os.sig'),
    ]);
    expect(verifier.verify(Buffer.from(text), readFileSync(join(tmp, 'os.sig')))).toBe(true);
    expect(verifier.verify(Buffer.from(`${text}x`), readFileSync(join(tmp, 'os.sig')))).toBe(false);
  });
});

describe('tlog-checkpoint text', () => {
  it('parses the specification example', () => {
    const cp = parseCheckpoint('example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n');
    expect(cp.origin).toBe('example.com/behind-the-sofa');
    expect(cp.size).toBe(20852163);
    expect(cp.rootHash.toString('base64')).toBe('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=');
  });

  it('formats and parses back, extension lines included', () => {
    const cp = { origin: 'yingshang.example/ledger', size: 0, rootHash: Buffer.alloc(32, 1), extensions: ['ext a'] };
    const text = formatCheckpoint(cp);
    expect(text).toBe(`yingshang.example/ledger\n0\n${Buffer.alloc(32, 1).toString('base64')}\next a\n`);
    expect(parseCheckpoint(text)).toEqual(cp);
  });

  it('rejects leading zeros, short roots and missing lines', () => {
    const root = Buffer.alloc(32).toString('base64');
    expect(() => parseCheckpoint(`o\n012\n${root}\n`)).toThrow(CheckpointError);
    expect(() => parseCheckpoint(`o\n12\n${Buffer.alloc(31).toString('base64')}\n`)).toThrow(CheckpointError);
    expect(() => parseCheckpoint('o\n12\n')).toThrow(CheckpointError);
    expect(() => parseCheckpoint(`o\n12\n${root}\n\nx\n`)).toThrow(CheckpointError);
    expect(() => formatCheckpoint({ origin: 'has space', size: 1, rootHash: Buffer.alloc(32) })).toThrow(CheckpointError);
  });
});
