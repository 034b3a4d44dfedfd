import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InspectorEntry, TargetEntry } from './draw.types.js';
import { canonicalInspectorLine, canonicalTargetLine, hashInspectorRoster, hashTargetRoster, serializeTargetRoster, sortRoster } from './roster-hash.js';

const target: TargetEntry = {
  id: '91350300MA2Y00001X',
  name: '莆田市"城厢区"\\小吃店\n/\u2028',
  industry: 'H62',
  district: '350302',
  creditClass: 'C',
  flags: ['seriousViolation', 'complaint', 'complaint'],
};
const inspector: InspectorEntry = {
  id: 'ZF-0001',
  name: '林某',
  department: 'SJ',
  district: '350302',
  qualifications: ['general', 'food'],
  conflicts: ['B', 'A'],
};

describe('roster canonical serialization', () => {
  it('equals RFC 8785 (the canonicalize package) of the entry with its sets sorted', () => {
    expect(canonicalTargetLine(target)).toBe(canonicalize({ ...target, flags: ['complaint', 'seriousViolation'] }));
    expect(canonicalInspectorLine(inspector)).toBe(canonicalize({ ...inspector, qualifications: ['food', 'general'], conflicts: ['A', 'B'] }));
  });

  it('equals RFC 8785 for arbitrary strings, including controls, quotes and astral characters (property)', () => {
    const anyString = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary-ascii' }), fc.constantFrom('"\\', '\u0000\u001f', '😀莆田', '\u2028'));
    fc.assert(
      fc.property(anyString, anyString, fc.array(anyString, { maxLength: 4 }), (name, id, conflicts) => {
        expect(canonicalTargetLine({ ...target, name, id })).toBe(canonicalize({ ...target, name, id, flags: ['complaint', 'seriousViolation'] }));
        const sorted = [...new Set(conflicts)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(canonicalInspectorLine({ ...inspector, name, conflicts })).toBe(canonicalize({ ...inspector, name, conflicts: sorted, qualifications: ['food', 'general'] }));
      }),
      { numRuns: 500 },
    );
  });

  it('hashes to the SHA-256 of the LF-terminated lines (checked with openssl)', () => {
    const roster = sortRoster([target, { ...target, id: '91350300MA2Y00000A', flags: [] }]);
    const text = serializeTargetRoster(roster);
    const dir = mkdtempSync(join(tmpdir(), 'roster-'));
    writeFileSync(join(dir, 'targets.jsonl'), text, 'utf8');
    const out = execFileSync('openssl', ['dgst', '-sha256', '-r', join(dir, 'targets.jsonl')]).toString();
    expect(hashTargetRoster(roster)).toEqual({ sha256: out.split(' ')[0], count: 2, sorted: true });
    expect(hashTargetRoster([...roster].reverse()).sorted).toBe(false);
    expect(text.split('\n')[0]).toContain('91350300MA2Y00000A');
  });

  it('does not depend on the order of entries or of set members', () => {
    const a = [target, { ...target, id: 'X' }];
    const b = [{ ...target, id: 'X', flags: [...target.flags].reverse() }, target];
    expect(hashTargetRoster(sortRoster(b))).toEqual(hashTargetRoster(sortRoster(a)));
    expect(hashInspectorRoster([{ ...inspector, conflicts: ['A', 'B'] }])).toEqual(hashInspectorRoster([inspector]));
  });

  it('changes when any field changes', () => {
    const h = hashTargetRoster([target]).sha256;
    for (const changed of [{ ...target, creditClass: 'D' as const }, { ...target, district: '350303' }, { ...target, flags: [] }, { ...target, name: '其他' }]) {
      expect(hashTargetRoster([changed]).sha256).not.toBe(h);
    }
  });

  it('hashes the empty roster as SHA-256 of nothing', () => {
    expect(hashTargetRoster([]).sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('roster validation', () => {
  it('refuses lone surrogates, which have no canonical UTF-8 form, and accepts astral characters', async () => {
    const { LoneSurrogateError } = await import('./roster-hash.js');
    expect(() => hashTargetRoster([{ ...target, name: 'a\ud800b' }])).toThrow(LoneSurrogateError);
    expect(() => hashInspectorRoster([{ ...inspector, conflicts: ['\udc00'] }])).toThrow(LoneSurrogateError);
    expect(canonicalTargetLine({ ...target, name: '😀' })).toContain('"name":"😀"');
  });
});

describe('roster hashing buffer', () => {
  it('hashes rosters larger than the 1 MB buffer, and over-long lines, like one SHA-256 of the text', async () => {
    const { createHash } = await import('node:crypto');
    const many = Array.from({ length: 12_000 }, (_, i) => ({ ...target, id: `ID${String(i).padStart(6, '0')}`, name: '莆田'.repeat(20) }));
    many[5000] = { ...many[5000], name: '长'.repeat(400_000) };
    const expected = createHash('sha256').update(serializeTargetRoster(many)).digest('hex');
    expect(hashTargetRoster(many)).toEqual({ sha256: expected, count: 12_000, sorted: true });
  });
});
