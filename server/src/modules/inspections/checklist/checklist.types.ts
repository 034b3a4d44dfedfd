/**
 * The published random-inspection checklist (抽查事项清单, 国办发〔2015〕58号: publish the checklist; no
 * inspection outside it), as Putian shows it: five levels — 所属部门 department → 抽查类别 category → 抽查事项
 * item → 检查内容及要点 check point → 检查依据及提醒注意事项 basis and reminder. Every node has a stable code
 * that survives new versions; the fifth level belongs to exactly one check point, so it is kept on it.
 */
export type ChecklistLevel = 'department' | 'category' | 'item' | 'checkPoint';
export const CHECKLIST_LEVELS: readonly ChecklistLevel[] = ['department', 'category', 'item', 'checkPoint'];

export const LEVEL_LABELS: Record<ChecklistLevel, { zh: string; en: string }> = {
  department: { zh: '所属部门', en: 'Department' },
  category: { zh: '抽查类别', en: 'Category' },
  item: { zh: '抽查事项', en: 'Item' },
  checkPoint: { zh: '检查内容及要点', en: 'Check point' },
};

export interface CheckPoint {
  code: string;
  /** A yes/no question in plain language: "yes" means the requirement is met. */
  question: string;
  /** 检查依据: the legal provisions. */
  basis: string;
  /** 提醒注意事项: what the firm should watch for. */
  reminder: string;
}

export interface ChecklistItem {
  code: string;
  name: string;
  /** GB/T 4754-2017 codes of the industries the item applies to (prefix match); empty = every industry. */
  industries: string[];
  /** 检查方式, e.g. 现场检查、书面检查、网络监测. */
  method: string;
  points: CheckPoint[];
}

export interface ChecklistCategory {
  code: string;
  name: string;
  items: ChecklistItem[];
}

export interface ChecklistDepartment {
  code: string;
  name: string;
  categories: ChecklistCategory[];
}

/** One published version of the whole checklist; the version in effect on a day is the latest effectiveFrom ≤ that day. */
export interface ChecklistVersion {
  /** Version label, e.g. `2026-1`. */
  version: string;
  /** First day in force, `YYYY-MM-DD` (Asia/Shanghai calendar day). */
  effectiveFrom: string;
  departments: ChecklistDepartment[];
}

/** One node per row, the shape of the `.xlsx` departments exchange (see checklist-xlsx.ts). */
export interface ChecklistRow {
  /** 1-based row number in the source sheet (or position in a JSON import). */
  row: number;
  level: ChecklistLevel;
  code: string;
  parentCode: string;
  /** Name of a department/category/item, or the question of a check point. */
  text: string;
  basis: string;
  reminder: string;
  industries: string[];
  method: string;
}

export interface ChecklistImportError {
  /** Row number in the sheet; 0 for errors about the file as a whole. */
  row: number;
  /** Column or JSON path at fault, when there is one. */
  field?: string;
  code: string;
  message: string;
}

export interface ChecklistCounts {
  departments: number;
  categories: number;
  items: number;
  checkPoints: number;
}
