import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, asPage, type Page } from '../../shared/api.js';

/** The notification inbox (站内消息) of the signed-in user. */
export interface AppNotification {
  id: string;
  title: string;
  body: string;
  readAt: string | null;
  createdAt: string;
  /** In-app path to the thing the message is about, if any. */
  link: string | null;
}

export const UNREAD_POLL_MS = 30_000;

const KEY = ['notifications'] as const;

export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'unread-count'],
    queryFn: async () => (await api.get<{ count: number }>('/notifications/unread-count')).count,
    enabled,
    refetchInterval: UNREAD_POLL_MS,
    // A failed poll is not worth a notification every 30 s; the badge just keeps its last value.
    meta: { silent: true },
  });
}

export function useNotifications(page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'list', page, pageSize],
    queryFn: async (): Promise<Page<AppNotification>> =>
      asPage(await api.get<Page<AppNotification>>('/notifications', { page, pageSize })),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/notifications/read-all'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
