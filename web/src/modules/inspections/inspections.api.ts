import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api.js';

/** Types and calls of the inspections API (`/api/v1/inspections`). */
export const BASE = '/inspections';

export interface CheckPoint {
  code: string;
  question: string;
  basis: string;
  reminder: string;
}
export interface ChecklistItem {
  code: string;
  name: string;
  industries: string[];
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
export interface Checklist {
  id: string;
  version: string;
  effectiveFrom: string;
  counts: { departments: number; categories: number; items: number; checkPoints: number };
  departments: ChecklistDepartment[];
}

export interface SearchHit {
  code: string;
  level: 'department' | 'category' | 'item' | 'checkPoint';
  title: string;
  path: Array<{ code: string; name: string }>;
  basis?: string;
  reminder?: string;
  highlights: Array<[number, number]>;
}

export interface NodeView {
  version: string;
  code: string;
  level: SearchHit['level'];
  title: string;
  path: Array<{ code: string; name: string; level: string }>;
  node: ChecklistDepartment | ChecklistCategory | ChecklistItem | CheckPoint;
}

export interface SelfCheckFinding {
  pointCode: string;
  question: string;
  basis: string;
  reminder: string;
  itemCode: string;
  itemName: string;
  categoryName: string;
  departmentName: string;
}
export interface SelfCheckView {
  id: string;
  checklistVersion: string;
  itemCodes: string[];
  answers: Record<string, 'yes' | 'no'>;
  report: {
    items: Array<{ code: string; name: string; categoryName: string; departmentName: string; points: number; met: number; notMet: number }>;
    pointCount: number;
    met: number;
    notMet: SelfCheckFinding[];
    unanswered: string[];
    complete: boolean;
  };
  createdAt: string;
}
export interface SelfCheckSummary {
  id: string;
  checklistVersion: string;
  itemCount: number;
  pointCount: number;
  notMetCount: number;
  createdAt: string;
}

export interface Assignment {
  department: string;
  inspectors: string[];
  recused: string[];
  withdrawn: Array<{ inspectorId: string; reason: string }>;
  shortfall: number;
}
export interface Task {
  id: string;
  planId: string;
  target: { id: string; name: string; district: string; industry: string; creditClass: string };
  stratum: string;
  pick: number;
  assignments: Assignment[];
  state: 'assigned' | 'recorded' | 'published';
  outcome: 'compliant' | 'problems' | 'not-found' | null;
  answers: Record<string, 'yes' | 'no'>;
  notes: string;
  photoFileIds: string[];
  recordedAt: string | null;
  publishDeadline: string | null;
  publishedAt: string | null;
  overdue: boolean;
  plan?: { id?: string; number: string; title: string };
}
export interface TaskView extends Task {
  isInspector: boolean;
  items: ChecklistItem[];
}

export interface Plan {
  id: string;
  number: string;
  title: string;
  department: string;
  state: 'draft' | 'committed' | 'drawn';
  parameters: {
    items: string[];
    ratioBp: Record<string, number>;
    flagRatioBp: Record<string, number>;
    inspectorsPerTarget: number;
    targetFilter: { industries: string[]; districts: string[] };
    jointDepartments: string[];
  };
  commitment: null | {
    targetRoster: { sha256: string; count: number };
    inspectorRoster: { sha256: string; count: number };
    randomSource: { kind: string; reference: string; availableAfter: string };
    committedAt: string;
  };
  commitmentHash: string | null;
  randomValue: { value: string; enteredAt: string } | null;
  seed: string | null;
  strata: Array<{ key: string; creditClass: string; ratioBp: number; population: number; sampleSize: number }>;
  selectedCount: number;
  withdrawals: Array<{ targetId: string; inspectorId: string; reason: string }>;
  createdAt: string;
  committedAt: string | null;
  drawnAt: string | null;
  tasks?: Task[];
}
export interface PlanSummary {
  id: string;
  number: string;
  title: string;
  department: string;
  state: Plan['state'];
  commitment_hash: string | null;
  created_at: string;
  committed_at: string | null;
  drawn_at: string | null;
}

export interface PublishedResult {
  id: string;
  plan: { number: string; title: string; department: string };
  target: { id: string; name: string; district: string; industry: string };
  outcome: string;
  recordedAt: string;
  publishedAt: string;
}

export interface Dashboard {
  plans: Record<string, number>;
  tasks: Record<string, number>;
  outcomes: Record<string, number>;
  overdue: number;
  coverage: Record<'district' | 'industry' | 'creditClass', Array<{ key: string; roster: number; drawn: number }>>;
}

export function useChecklist() {
  // The server answers 304 to the browser's revalidation (ETag), so a reload is cheap.
  return useQuery({ queryKey: ['inspections', 'checklist'], queryFn: () => api.get<Checklist>(`${BASE}/checklist`), staleTime: 5 * 60_000 });
}

export function useDepartments() {
  return useQuery({ queryKey: ['inspections', 'departments'], queryFn: () => api.get<{ items: Array<{ code: string; name: string }> }>(`${BASE}/departments`) });
}

export function useSearch(q: string, department?: string, industry?: string) {
  return useQuery({
    queryKey: ['inspections', 'search', q, department, industry],
    queryFn: () => api.get<{ total: number; hits: SearchHit[] }>(`${BASE}/checklist/search`, { q, department, industry, limit: 30 }),
    enabled: q.trim().length > 0,
  });
}

/** Absolute URL of an API path, for links that open in a new tab (PDF, transcripts). */
export function apiUrl(path: string): string {
  return `/api/v1${BASE}${path}`;
}
