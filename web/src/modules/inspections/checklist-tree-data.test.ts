import { describe, expect, it } from 'vitest';
import { buildMindMap, itemMatchesIndustry, shortLabel } from './checklist-tree-data.js';
import type { ChecklistDepartment } from './inspections.api.js';

const deps: ChecklistDepartment[] = [
  {
    code: 'SJ',
    name: '莆田市市场监督管理局',
    categories: [
      {
        code: 'SJ-01',
        name: '餐饮服务',
        items: [
          { code: 'SJ-01-01', name: '餐饮加工制作过程的检查', industries: ['H62'], method: '现场检查', points: [{ code: 'SJ-01-01-001', question: '是否查验供货者许可证？', basis: '《食品安全法》第五十五条', reminder: '保存票据。' }] },
          { code: 'SJ-01-02', name: '食品销售的检查', industries: ['F52'], method: '现场检查', points: [] },
        ],
      },
    ],
  },
];

describe('mind map data', () => {
  it('builds five levels with the basis and reminder as the last', () => {
    const root = buildMindMap(deps, '清单', {});
    const point = root.children![0].children![0].children![0].children![0];
    expect(point).toMatchObject({ code: 'SJ-01-01-001', level: 'checkPoint' });
    expect(point.children![0]).toMatchObject({ level: 'basis', detail: '检查依据：《食品安全法》第五十五条\n提醒注意：保存票据。' });
    expect(root.children![0].name).toBe('市场监督管理局');
  });

  it('filters by industry prefix and drops empty branches', () => {
    expect(buildMindMap(deps, '清单', { industry: 'H' }).children![0].children![0].children!.map((i) => i.code)).toEqual(['SJ-01-01']);
    expect(buildMindMap(deps, '清单', { industry: 'A' }).children).toEqual([]);
    expect(buildMindMap(deps, '清单', { department: 'XF' }).children).toEqual([]);
    expect(itemMatchesIndustry([], 'C')).toBe(true);
  });

  it('shortens long labels with an ellipsis', () => {
    expect(shortLabel('一二三四五', 4)).toBe('一二三…');
    expect(shortLabel('一二三', 4)).toBe('一二三');
  });
});
