import { describe, expect, it } from 'vitest';
import { sampleChecklist } from './checklist-sample.fixture.js';
import { ChecklistSearchIndex, tokenize } from './checklist-search.js';

const index = new ChecklistSearchIndex(sampleChecklist);

describe('checklist search', () => {
  it('tokenizes Han runs into bigrams and Latin runs into words', () => {
    expect(tokenize('食品许可 GB 7718', false)).toEqual(['食品', '品许', '许可', 'gb', '7718']);
    expect(tokenize('证', false)).toEqual(['证']);
  });

  it('finds check points by a phrase in the question, with the path and basis', () => {
    const r = index.search('经营许可证');
    expect(r.hits.map((h) => h.code)).toEqual(['SJ-01-01-001', 'SJ-01-01-002']);
    expect(r.hits[0].path.map((p) => p.code)).toEqual(['SJ', 'SJ-01', 'SJ-01-01']);
    expect(r.hits[0].basis).toContain('第三十五条');
    const title = r.hits[0].title;
    const [s, e] = r.hits[0].highlights[0];
    expect(title.slice(s, e)).toBe('经营许可证');
  });

  it('searches every level, including the basis', () => {
    expect(index.search('市场监督').hits[0]).toMatchObject({ code: 'SJ', level: 'department' });
    expect(index.search('食品销售').hits[0]).toMatchObject({ code: 'SJ-01', level: 'category' });
    expect(index.search('第五十四条').hits.map((h) => h.code)).toEqual(['SJ-01-02-001']);
  });

  it('requires every term, in any order', () => {
    expect(index.search('安全出口 畅通').hits.map((h) => h.code)).toEqual(['XF-01-01-001']);
    expect(index.search('安全出口 许可证').total).toBe(0);
    expect(index.search('火锅').total).toBe(0);
    expect(index.search('   ').total).toBe(0);
  });

  it('filters by department and by industry', () => {
    expect(index.search('是否', { departments: ['XF'] }).hits.map((h) => h.code)).toEqual(['XF-01-01-001']);
    // SJ-01-02 applies to F52 only; XF items apply to every industry.
    const h62 = index.search('是否', { industry: 'H62' }).hits.map((h) => h.code);
    expect(h62).toContain('SJ-01-01-001');
    expect(h62).toContain('XF-01-01-001');
    expect(h62).not.toContain('SJ-01-02-001');
    expect(index.search('是否', { industry: 'F' }).hits.map((h) => h.code)).toContain('SJ-01-02-001');
  });

  it('matches full-width and mixed-case input after normalization', () => {
    expect(tokenize('ＧＢ', false)).toEqual(['gb']);
  });
});
