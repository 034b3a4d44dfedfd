import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asPage, type Page, type QueryValue } from '../../shared/api.js';

/** The platform administrator's API (/api/v1/admin). Lists page with limit/offset. */

export interface AdminOrganization {
  id: string;
  kind: string;
  name: string;
  uscc: string | null;
  regionCode: string | null;
  district: string | null;
}

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  residentId: string | null;
  organization: { id: string; name: string; kind: string };
  /** Present when the server lists roles with users. */
  roles?: string[];
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export interface RoleInfo {
  id: string;
  module: string;
  zh: string;
  en: string;
  organizationKinds?: string[];
}

export interface AuditRecord {
  id: string;
  at: string;
  requestId: string;
  actorKind: string | null;
  actorId: string | null;
  actorName: string | null;
  organizationId: string | null;
  action: string;
  target: string | null;
  outcome: number;
  detail: Record<string, unknown> | null;
}

export interface CreateOrganizationInput {
  kind: string;
  name: string;
  uscc?: string;
  regionCode?: string;
  district?: string;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  organizationId: string;
  roles: string[];
  phone?: string;
}

const KEY = ['admin'] as const;

function useList<T>(name: string, path: string, query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: [...KEY, name, query],
    queryFn: async (): Promise<Page<T>> => asPage(await api.get<Page<T> | T[]>(path, query)),
    placeholderData: (previous) => previous,
  });
}

export const useOrganizations = (query: Record<string, QueryValue>) => useList<AdminOrganization>('organizations', '/admin/organizations', query);
export const useUsers = (query: Record<string, QueryValue>) => useList<AdminUser>('users', '/admin/users', query);
export const useAudit = (query: Record<string, QueryValue>) => useList<AuditRecord>('audit', '/admin/audit', query);

export function useRoles() {
  return useQuery({
    queryKey: [...KEY, 'roles'],
    queryFn: () => api.get<RoleInfo[]>('/admin/roles'),
    staleTime: 5 * 60_000,
  });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateOrganizationInput) => api.post<AdminOrganization>('/admin/organizations', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...KEY, 'organizations'] }),
    meta: { silent: true },
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api.post<{ id: string }>('/admin/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...KEY, 'users'] }),
    meta: { silent: true },
  });
}

export function useSetRoles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, roles }: { id: string; roles: string[] }) =>
      api.put<{ id: string; roles: string[] }>(`/admin/users/${encodeURIComponent(id)}/roles`, { roles }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...KEY, 'users'] }),
    meta: { silent: true },
  });
}
