import { describe, expect, it } from 'vitest';
import { buildChecklistTree, countChecklist, flattenChecklistTree } from '../modules/inspections/index.js';
import { CHECKLIST_SEED_SIZE, generateChecklist } from './inspections-checklist.js';

describe('seed checklist', () => {
  const v = generateChecklist();

  it('has exactly the size Putian publishes', () => {
    expect(countChecklist(v.departments)).toEqual(CHECKLIST_SEED_SIZE);
  });

  it('passes the import checks (unique codes, no orphans, all five levels)', () => {
    const built = buildChecklistTree(flattenChecklistTree(v.departments));
    expect(built.ok ? [] : built.errors.slice(0, 5)).toEqual([]);
  });

  it('is deterministic', () => {
    expect(generateChecklist()).toEqual(v);
    expect(generateChecklist(7)).not.toEqual(v);
  });

  it('phrases every check point as a yes/no question with a basis and a reminder', () => {
    const points = v.departments.flatMap((d) => d.categories.flatMap((c) => c.items.flatMap((i) => i.points)));
    for (const p of points) {
      expect(p.question).toMatch(/是否/);
      expect(p.question.endsWith('？')).toBe(true);
      expect(p.basis).toMatch(/《.+》/);
      expect(p.reminder.length).toBeGreaterThan(4);
    }
    // Templates are combined, not repeated: most questions are distinct.
    expect(new Set(points.map((p) => p.question)).size).toBeGreaterThan(1500);
  });

  it('covers the random-inspection fields named in the brief', () => {
    const names = v.departments.flatMap((d) => d.categories.map((c) => c.name)).join('、');
    for (const field of ['餐饮服务', '特种设备使用', '计量器具使用', '广告发布', '生产领域产品质量', '劳动合同和用工管理', '人员密集场所消防安全', '排污许可']) {
      expect(names).toContain(field);
    }
  });
});

describe('toQuestion', () => {
  it('puts 是否 before the predicate, after a leading condition, or where ^ says', async () => {
    const { toQuestion } = await import('./inspections-checklist-templates.js');
    expect(toQuestion('按规定登记旅客身份信息')).toBe('是否按规定登记旅客身份信息？');
    expect(toQuestion('加工场所符合消防安全要求')).toBe('加工场所是否符合消防安全要求？');
    expect(toQuestion('享受税收优惠的，按规定留存备查资料')).toBe('享受税收优惠的，是否按规定留存备查资料？');
    expect(toQuestion('遇有雷雨、大风等不宜升放的天气时停止升放')).toBe('遇有雷雨、大风等不宜升放的天气时是否停止升放？');
    expect(toQuestion('防雷装置检测报告^存档备查')).toBe('防雷装置检测报告是否存档备查？');
  });
});
