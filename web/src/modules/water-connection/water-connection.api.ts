import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../shared/api.js';
import type { MaterialKind, WaterUse } from './water-connection.labels.js';

/**
 * Types and calls of the water-connection API (`/api/v1/water-connection`, server/src/modules/water-connection:
 * guide.ts, tracking.service.ts, application.presenter.ts, dashboard.service.ts). Labels come as { zh, en } or
 * [zh, en]; `labelText` reads either.
 */
export type LabelLike = string | readonly [string, string] | { zh: string; en: string } | null | undefined;

export const BASE = '/water-connection';

export interface TimeLimit {
  days: number;
  unit: 'working' | 'natural';
}

export interface Due {
  dueDate: string | null;
  overdue: boolean;
}

/** GET /guide */
export interface Guide {
  title?: LabelLike;
  hotline?: string;
  materials: { kind: MaterialKind; label: LabelLike; requiredFor: LabelLike }[];
  /** `limit` null: no promise (the step waits for the applicant). */
  steps: { step: string; label: LabelLike; limit: TimeLimit | null }[];
  simpleLowRisk: { label?: LabelLike; maxPipeDiameterMm: number; maxDailyVolumeM3: number; uses: string[] };
  fees: LabelLike;
  districts: Record<string, string>;
}

/** One step of the timeline: what happened, when, by whom, the deadline of the step it opened, the receipt. */
export interface TimelineEntry {
  action: string;
  actionLabel: LabelLike;
  fromState: string | null;
  toState: string;
  toStateLabel: LabelLike;
  at: string;
  /** Absent from the public tracking answer (no personal data there). */
  actorName?: string | null;
  dueDate: string | null;
  ledgerIndex: number | null;
  comment?: string | null;
}

/** POST /track: no personal data. */
export interface TrackResult {
  number: string;
  state: string;
  stateLabel: LabelLike;
  simpleLowRisk: boolean;
  submittedAt: string;
  completedAt: string | null;
  currentDue: Due;
  steps: TimelineEntry[];
}

export type Materials = Partial<Record<MaterialKind, string>>;

/** GET /applications → { items }. */
export interface ApplicationSummary {
  id: string;
  number: string;
  state: string;
  stateLabel: LabelLike;
  applicantName: string;
  siteAddress: string;
  district: string;
  waterUse: WaterUse;
  simpleLowRisk: boolean;
  assisted: boolean;
  submittedAt: string;
  completedAt: string | null;
  /** Not sent yet (asked of the server): the work list shows deadlines and the overdue filter once it is. */
  currentDue?: Due;
}

export interface Rating {
  level: number;
  label?: LabelLike;
  comment: string | null;
  at: string;
  ledgerIndex: number | null;
}

export interface Rectification {
  id: string;
  state: 'open' | 'closed';
  dueDate: string;
  actionTaken: string | null;
  callbackRecord: string | null;
  closedAt: string | null;
}

/** GET /applications/:id, and the answer of every step. */
export interface ApplicationDetail extends ApplicationSummary {
  version: number;
  applicantKind: 'enterprise' | 'person';
  applicantUscc: string | null;
  contactName: string;
  /** Masked, e.g. 138****7788. */
  contactPhone: string;
  waterUseLabel: LabelLike;
  pipeDiameterMm: number;
  dailyVolumeM3: number;
  materials: { kind: string; label: LabelLike; fileId: string }[];
  manager: { name: string; phone: string | null } | null;
  /** Not sent yet (asked of the server): the contract panel names the utility once it is. */
  utilityName?: string;
  surveySlot: { start: string; end: string | null } | null;
  designFileId: string | null;
  feeEstimateFen: number | null;
  contractFileId: string | null;
  contractSha256: string | null;
  constructionDate: string | null;
  meterNumber: string | null;
  connectionNumber: string | null;
  currentDue: Due & { dueAt?: string | null };
  /** Action names of the process this user may take now. */
  availableActions: string[];
  timeline: TimelineEntry[];
  rating: Rating | null;
  rectification: Rectification | null;
}

export interface Message {
  id: string;
  body: string;
  authorName: string;
  authorSide: 'applicant' | 'utility';
  createdAt: string;
}

export interface UploadedFile {
  id: string;
  filename: string;
  sha256: string;
  mimeType?: string;
  sizeBytes?: number;
}

export interface RealNameProvider {
  id: string;
  label: string;
  isDemo: boolean;
  flow: 'otp' | 'redirect';
}

export interface RealNameVerification {
  name: string;
  residentIdMasked: string;
  assurance: 'low' | 'substantial' | 'high';
  provider: string;
  isDemo: boolean;
  verifiedAt: string;
}

export function asItems<T>(body: T[] | { items?: T[] } | undefined): T[] {
  if (!body) return [];
  return Array.isArray(body) ? body : (body.items ?? []);
}

const keys = {
  guide: ['water-connection', 'guide'] as const,
  list: (q: Record<string, QueryValue>) => ['water-connection', 'applications', q] as const,
  detail: (id: string) => ['water-connection', 'application', id] as const,
  messages: (id: string) => ['water-connection', 'messages', id] as const,
  dashboard: ['water-connection', 'dashboard'] as const,
  realnameMe: ['realname', 'me'] as const,
  realnameProvider: ['realname', 'provider'] as const,
};

export function useGuide() {
  return useQuery({ queryKey: keys.guide, queryFn: () => api.get<Guide>(`${BASE}/guide`), staleTime: 10 * 60_000 });
}

export function useApplications(q: Record<string, QueryValue>, enabled = true) {
  return useQuery({
    queryKey: keys.list(q),
    queryFn: async () => asItems(await api.get<ApplicationSummary[] | { items: ApplicationSummary[] }>(`${BASE}/applications`, q)),
    enabled,
  });
}

export function useApplication(id: string) {
  return useQuery({ queryKey: keys.detail(id), queryFn: () => api.get<ApplicationDetail>(`${BASE}/applications/${id}`) });
}

export function useMessages(id: string) {
  return useQuery({
    queryKey: keys.messages(id),
    queryFn: async () => asItems(await api.get<Message[] | { items: Message[] }>(`${BASE}/applications/${id}/messages`)),
    refetchInterval: 30_000,
  });
}

export function useDashboard<T>() {
  return useQuery({ queryKey: keys.dashboard, queryFn: () => api.get<T>(`${BASE}/dashboard`) });
}

export function useRealNameProvider() {
  return useQuery({
    queryKey: keys.realnameProvider,
    queryFn: async () => (await api.get<{ provider: RealNameProvider }>('/realname/provider')).provider,
    staleTime: 10 * 60_000,
  });
}

export function useMyVerification(enabled = true) {
  return useQuery({
    queryKey: keys.realnameMe,
    queryFn: async () => (await api.get<{ verification: RealNameVerification | null }>('/realname/me')).verification,
    enabled,
  });
}

/** Everything that changes an application refreshes its detail, messages and the lists. */
export function useInvalidateApplication() {
  const qc = useQueryClient();
  return (id?: string) =>
    Promise.all([
      id ? qc.invalidateQueries({ queryKey: keys.detail(id) }) : undefined,
      id ? qc.invalidateQueries({ queryKey: keys.messages(id) }) : undefined,
      qc.invalidateQueries({ queryKey: ['water-connection', 'applications'] }),
      qc.invalidateQueries({ queryKey: keys.dashboard }),
    ]);
}

/**
 * A step on an application: POST `${BASE}/applications/:id/<path>` with the version the user saw. A stale
 * version (409) refreshes the page so the user sees what changed.
 */
export function useStep<B extends object>(id: string, path: string, opts: { silent?: boolean } = {}) {
  const invalidate = useInvalidateApplication();
  return useMutation({
    mutationFn: (body: B) => api.post<ApplicationDetail>(`${BASE}/applications/${id}/${path}`, body),
    onSettled: () => invalidate(id),
    meta: opts.silent ? { silent: true } : undefined,
  });
}

export async function uploadFile(file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.post<UploadedFile>('/files', form);
}

export function fileUrl(fileId: string, inline = true): string {
  return `/api/v1/files/${encodeURIComponent(fileId)}${inline ? '?inline=1' : ''}`;
}

export function verifyUrl(ledgerIndex: number): string {
  return `/verify?leaf=${ledgerIndex}`;
}
