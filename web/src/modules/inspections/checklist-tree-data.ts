import type { ChecklistDepartment } from './inspections.api.js';

/** One node of the ECharts tree; `code` links to the node page, `detail` is shown when it is tapped. */
export interface MindMapNode {
  name: string;
  code?: string;
  level: 'root' | 'department' | 'category' | 'item' | 'checkPoint' | 'basis';
  detail: string;
  children?: MindMapNode[];
  collapsed?: boolean;
}

export function shortLabel(text: string, max = 12): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Items apply to an industry when one of their codes is a prefix of it or the other way round; none = all. */
export function itemMatchesIndustry(industries: readonly string[], industry: string | undefined): boolean {
  if (!industry || industries.length === 0) return true;
  return industries.some((c) => c.startsWith(industry) || industry.startsWith(c));
}

/**
 * The five levels as a collapsible tree: department → category → item → check point → basis and reminder.
 * Filters drop departments, and items outside the industry (with categories left empty).
 */
export function buildMindMap(departments: readonly ChecklistDepartment[], rootName: string, filter: { department?: string; industry?: string }): MindMapNode {
  const children: MindMapNode[] = [];
  for (const d of departments) {
    if (filter.department && d.code !== filter.department) continue;
    const cats: MindMapNode[] = [];
    for (const c of d.categories) {
      const items = c.items
        .filter((i) => itemMatchesIndustry(i.industries, filter.industry))
        .map(
          (i): MindMapNode => ({
            name: shortLabel(i.name),
            code: i.code,
            level: 'item',
            detail: `${i.name}（${i.method}）`,
            collapsed: true,
            children: i.points.map((p) => ({
              name: shortLabel(p.question),
              code: p.code,
              level: 'checkPoint',
              detail: p.question,
              collapsed: true,
              children: [{ name: shortLabel(`依据：${p.basis}`), code: p.code, level: 'basis', detail: `检查依据：${p.basis}\n提醒注意：${p.reminder}` }],
            })),
          }),
        );
      if (items.length > 0) cats.push({ name: shortLabel(c.name), code: c.code, level: 'category', detail: c.name, collapsed: true, children: items });
    }
    if (cats.length > 0) children.push({ name: shortLabel(d.name.replace(/^莆田市/, ''), 10), code: d.code, level: 'department', detail: d.name, collapsed: !filter.department, children: cats });
  }
  return { name: rootName, level: 'root', detail: rootName, children, collapsed: false };
}
