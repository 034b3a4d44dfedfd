/**
 * Chinese search across all five levels. Chinese has no spaces, so the index holds character bigrams (and
 * single characters, for one-character queries) of every Han run, plus whole words for Latin letters and
 * digits; a node matches when it contains every bigram of every query term (close to a substring match, found
 * through posting lists rather than a scan). Ranking uses Intl.Segmenter word segmentation: exact phrase hits
 * in a node's own title count most, whole-word hits next, then hits in the basis and reminder.
 */
import type { ChecklistDepartment, ChecklistLevel } from './checklist.types.js';

export interface SearchPathEntry {
  code: string;
  name: string;
}

export interface SearchHit {
  code: string;
  level: ChecklistLevel;
  title: string;
  /** Ancestors from the department down (the node itself excluded). */
  path: SearchPathEntry[];
  /** For check points: the basis and reminder. */
  basis?: string;
  reminder?: string;
  /** [start, end) ranges of query terms in the title, for highlighting. */
  highlights: Array<[number, number]>;
  score: number;
}

export interface SearchOptions {
  departments?: string[];
  /** A GB/T 4754 code or prefix, e.g. `H` or `H62`. */
  industry?: string;
  limit?: number;
  offset?: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
}

interface Doc {
  code: string;
  level: ChecklistLevel;
  title: string;
  body: string;
  basis?: string;
  reminder?: string;
  department: string;
  /** Industries the node applies to; null = every industry. */
  industries: string[] | null;
  path: SearchPathEntry[];
  normTitle: string;
  normBody: string;
  titleWords: Set<string>;
}

const HAN = /\p{Script=Han}/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const LEVEL_BONUS: Record<ChecklistLevel, number> = { department: 3, category: 2, item: 1, checkPoint: 0 };

export function normalizeText(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/** Index tokens: Han bigrams and single characters, Latin/digit words. */
export function tokenize(text: string, withUnigrams: boolean): string[] {
  const out: string[] = [];
  const s = normalizeText(text);
  let run = '';
  let word = '';
  const flushRun = () => {
    const chars = [...run];
    if (withUnigrams || chars.length === 1) out.push(...chars);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    run = '';
  };
  const flushWord = () => {
    if (word) out.push(word);
    word = '';
  };
  for (const ch of s) {
    if (HAN.test(ch)) {
      flushWord();
      run += ch;
    } else if (/[\p{L}\p{N}]/u.test(ch)) {
      flushRun();
      word += ch;
    } else {
      flushRun();
      flushWord();
    }
  }
  flushRun();
  flushWord();
  return out;
}

function words(text: string): Set<string> {
  const out = new Set<string>();
  for (const s of segmenter.segment(normalizeText(text))) if (s.isWordLike && s.segment.length > 1) out.add(s.segment);
  return out;
}

function industryMatches(nodeIndustries: string[] | null, filter: string): boolean {
  if (nodeIndustries === null) return true;
  return nodeIndustries.some((code) => code.startsWith(filter) || filter.startsWith(code));
}

export class ChecklistSearchIndex {
  private readonly docs: Doc[] = [];
  private readonly postings = new Map<string, number[]>();

  constructor(departments: readonly ChecklistDepartment[]) {
    for (const d of departments) {
      const dIndustries = this.unionIndustries(d.categories.flatMap((c) => c.items.map((i) => i.industries)));
      this.add({ code: d.code, level: 'department', title: d.name, body: '', department: d.code, industries: dIndustries, path: [] });
      for (const c of d.categories) {
        const cPath = [{ code: d.code, name: d.name }];
        this.add({ code: c.code, level: 'category', title: c.name, body: '', department: d.code, industries: this.unionIndustries(c.items.map((i) => i.industries)), path: cPath });
        for (const i of c.items) {
          const iPath = [...cPath, { code: c.code, name: c.name }];
          const industries = i.industries.length === 0 ? null : i.industries;
          this.add({ code: i.code, level: 'item', title: i.name, body: i.method, department: d.code, industries, path: iPath });
          const pPath = [...iPath, { code: i.code, name: i.name }];
          for (const p of i.points) {
            this.add({ code: p.code, level: 'checkPoint', title: p.question, body: `${p.basis}\n${p.reminder}`, basis: p.basis, reminder: p.reminder, department: d.code, industries, path: pPath });
          }
        }
      }
    }
  }

  get size(): number {
    return this.docs.length;
  }

  private unionIndustries(lists: string[][]): string[] | null {
    if (lists.some((l) => l.length === 0)) return null;
    return [...new Set(lists.flat())];
  }

  private add(d: Omit<Doc, 'normTitle' | 'normBody' | 'titleWords'>): void {
    const id = this.docs.length;
    const doc: Doc = { ...d, normTitle: normalizeText(d.title), normBody: normalizeText(d.body), titleWords: words(d.title) };
    this.docs.push(doc);
    for (const t of new Set([...tokenize(d.title, true), ...tokenize(d.body, true)])) {
      let list = this.postings.get(t);
      if (!list) this.postings.set(t, (list = []));
      list.push(id);
    }
  }

  /** Doc ids containing every token (posting lists are ascending; intersect shortest first). */
  private candidates(tokens: string[]): number[] {
    const lists = [...new Set(tokens)].map((t) => this.postings.get(t) ?? []);
    if (lists.length === 0) return [];
    lists.sort((a, b) => a.length - b.length);
    let acc = lists[0];
    for (const list of lists.slice(1)) {
      const set = new Set(list);
      acc = acc.filter((id) => set.has(id));
      if (acc.length === 0) break;
    }
    return acc;
  }

  search(query: string, opts: SearchOptions = {}): SearchResult {
    const terms = normalizeText(query).split(/\s+/).filter((t) => t !== '');
    const tokens = terms.flatMap((t) => tokenize(t, false));
    if (tokens.length === 0) return { total: 0, hits: [] };
    const queryWords = [...new Set(terms.flatMap((t) => [...words(t)]))];
    const scored: Array<{ doc: Doc; score: number }> = [];
    for (const id of this.candidates(tokens)) {
      const doc = this.docs[id];
      if (opts.departments && opts.departments.length > 0 && !opts.departments.includes(doc.department)) continue;
      if (opts.industry && !industryMatches(doc.industries, opts.industry)) continue;
      let score = LEVEL_BONUS[doc.level];
      for (const t of terms) {
        if (doc.normTitle.includes(t)) score += 10;
        else if (doc.normBody.includes(t)) score += 4;
      }
      for (const w of queryWords) if (doc.titleWords.has(w)) score += 3;
      scored.push({ doc, score });
    }
    // Stable order: score, then shallower levels, then code.
    scored.sort((a, b) => b.score - a.score || LEVEL_BONUS[b.doc.level] - LEVEL_BONUS[a.doc.level] || (a.doc.code < b.doc.code ? -1 : 1));
    const offset = opts.offset ?? 0;
    const limit = opts.limit ?? 20;
    return {
      total: scored.length,
      hits: scored.slice(offset, offset + limit).map(({ doc, score }) => ({
        code: doc.code,
        level: doc.level,
        title: doc.title,
        path: doc.path,
        ...(doc.level === 'checkPoint' ? { basis: doc.basis, reminder: doc.reminder } : {}),
        highlights: highlightRanges(doc.title, terms),
        score,
      })),
    };
  }
}

function highlightRanges(title: string, terms: string[]): Array<[number, number]> {
  const norm = normalizeText(title);
  // NFKC can change lengths (e.g. full-width letters stay one unit, ligatures do not); only highlight when aligned.
  if (norm.length !== title.length) return [];
  const ranges: Array<[number, number]> = [];
  for (const t of terms) {
    for (let at = norm.indexOf(t); at !== -1; at = norm.indexOf(t, at + t.length)) ranges.push([at, at + t.length]);
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}
