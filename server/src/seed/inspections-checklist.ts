/**
 * The demo checklist at the size Putian publishes: 34 departments, 158 categories, 498 items, 2,300 check
 * points (seed text: "涵盖了全市34个成员单位158个抽查类别498个抽查事项共2300个抽查要点"). Built from the
 * hand-written templates; a seeded PRNG decides which categories get a fourth item and which items a fifth
 * point, so the counts are exact and the result is the same on every run.
 */
import type { ChecklistDepartment, ChecklistVersion } from '../modules/inspections/index.js';
import { SeededRandom } from './inspections-prng.js';
import { candidateItems, type CategoryTemplate, type DepartmentTemplate } from './inspections-checklist-templates.js';
import { marketRegulation } from './inspections-checklist-market.js';
import { ecologyEnvironment, emergencyManagement, fireRescue, humanResources } from './inspections-checklist-safety.js';
import { economyDepartments } from './inspections-checklist-economy.js';
import { publicDepartments } from './inspections-checklist-public.js';

export const CHECKLIST_SEED_SIZE = { departments: 34, categories: 158, items: 498, checkPoints: 2300 } as const;

export const departmentTemplates: readonly DepartmentTemplate[] = [
  marketRegulation,
  ecologyEnvironment,
  emergencyManagement,
  fireRescue,
  humanResources,
  ...economyDepartments,
  ...publicDepartments,
];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `total` split over `slots` as `base` each plus one more for `total − base·slots` randomly chosen eligible slots. */
function allocate(r: SeededRandom, eligible: boolean[], base: number, total: number): number[] {
  const extra = total - base * eligible.length;
  const candidates = eligible.flatMap((ok, i) => (ok ? [i] : []));
  if (extra < 0 || extra > candidates.length) throw new Error(`cannot allocate ${total} over ${eligible.length} slots`);
  const counts = eligible.map(() => base);
  for (const i of r.sample(candidates, extra)) counts[i]++;
  return counts;
}

export function generateChecklist(seed = 20260301): ChecklistVersion {
  const r = new SeededRandom(seed);
  const categories: Array<{ dept: DepartmentTemplate; cat: CategoryTemplate }> = departmentTemplates.flatMap((dept) => dept.categories.map((cat) => ({ dept, cat })));
  if (departmentTemplates.length !== CHECKLIST_SEED_SIZE.departments || categories.length !== CHECKLIST_SEED_SIZE.categories) {
    throw new Error(`templates hold ${departmentTemplates.length} departments and ${categories.length} categories`);
  }
  const candidates = categories.map(({ cat }) => candidateItems(cat));
  const itemCounts = allocate(r, candidates.map((c) => c.length >= 4), 3, CHECKLIST_SEED_SIZE.items);
  const chosen = candidates.flatMap((c, i) => c.slice(0, itemCounts[i]));
  const pointCounts = allocate(r, chosen.map((i) => i.points.length >= 5), 4, CHECKLIST_SEED_SIZE.checkPoints);

  let itemIndex = 0;
  const departments: ChecklistDepartment[] = departmentTemplates.map((dept) => ({
    code: dept.code,
    name: dept.name,
    categories: dept.categories.map((cat, ci) => {
      const catCode = `${dept.code}-${pad(ci + 1, 2)}`;
      const templates = candidateItems(cat).slice(0, itemCounts[categories.findIndex((x) => x.cat === cat)]);
      return {
        code: catCode,
        name: cat.name,
        items: templates.map((it, ii) => {
          const itemCode = `${catCode}-${pad(ii + 1, 2)}`;
          const k = pointCounts[itemIndex++];
          return {
            code: itemCode,
            name: it.name,
            industries: [...cat.industries],
            method: it.method ?? '现场检查',
            points: it.points.slice(0, k).map(([question, basis, reminder], pi) => ({ code: `${itemCode}-${pad(pi + 1, 3)}`, question, basis, reminder })),
          };
        }),
      };
    }),
  }));
  return { version: '2026-1', effectiveFrom: '2026-01-01', departments };
}
