import { describe, expect, it } from 'vitest';
import { sampleChecklist } from '../checklist/checklist-sample.fixture.js';
import { evaluateSelfCheck, SelfCheckError } from './self-check.js';

describe('evaluateSelfCheck', () => {
  it('lists the points not met with their basis and reminder', () => {
    const r = evaluateSelfCheck(sampleChecklist, {
      itemCodes: ['SJ-01-01', 'XF-01-01'],
      answers: { 'SJ-01-01-001': 'yes', 'SJ-01-01-002': 'no', 'XF-01-01-001': 'no' },
    });
    expect(r.pointCount).toBe(3);
    expect(r.met).toBe(1);
    expect(r.complete).toBe(true);
    expect(r.notMet.map((f) => f.pointCode)).toEqual(['SJ-01-01-002', 'XF-01-01-001']);
    expect(r.notMet[0]).toMatchObject({ basis: '《中华人民共和国行政许可法》第五十条', reminder: '有效期届满三十日前申请延续。', itemName: '食品经营许可情况的检查', departmentName: '莆田市市场监督管理局' });
    expect(r.items.map((i) => [i.code, i.met, i.notMet])).toEqual([
      ['SJ-01-01', 1, 1],
      ['XF-01-01', 0, 1],
    ]);
  });

  it('reports unanswered points and an incomplete check', () => {
    const r = evaluateSelfCheck(sampleChecklist, { itemCodes: ['SJ-01-01'], answers: { 'SJ-01-01-001': 'no' } });
    expect(r.unanswered).toEqual(['SJ-01-01-002']);
    expect(r.complete).toBe(false);
  });

  it('refuses unknown items, answers outside the chosen items and answers other than yes/no', () => {
    try {
      evaluateSelfCheck(sampleChecklist, { itemCodes: ['SJ-99'], answers: { 'XF-01-01-001': 'yes', 'SJ-01-01-001': 'maybe' as 'yes' } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SelfCheckError);
      expect((e as SelfCheckError).errors.map((x) => x.code)).toEqual(['unknown-item', 'point-not-in-items', 'invalid-answer', 'point-not-in-items']);
    }
    expect(() => evaluateSelfCheck(sampleChecklist, { itemCodes: [], answers: {} })).toThrow(SelfCheckError);
  });
});
