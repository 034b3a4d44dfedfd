import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { api, ApiError, onUnauthorized, setCsrfRefresher, setCsrfToken } from './api.js';
import { useI18n } from './i18n.js';
import { hasAnyRole } from './roles.js';

export { hasAnyRole };

/**
 * The signed-in user, from GET /api/v1/auth/me (session cookie). The answer also carries the CSRF token the
 * API client puts on state-changing requests.
 */
export interface Organization {
  id: string;
  name: string;
  kind: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  organization: Organization;
  /** Role ids: `platform-admin`, `enterprise-user`, `<module>.<role>`. */
  roles: string[];
}

export interface Session {
  user: User;
  csrfToken: string;
}

export const ME_KEY = ['auth', 'me'] as const;

async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/auth/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    setCsrfToken(null);
    // 401 is the ordinary "not signed in". Anything else (server down, proxy error) also shows the public
    // pages; the query is retried on the next focus or navigation.
    if (error instanceof ApiError && error.status !== 401) console.warn('auth/me failed', error.problem);
    return null;
  }
}

export function useAuth() {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ME_KEY, queryFn: fetchSession, staleTime: 60_000, retry: false });
  const user = me.data?.user ?? null;
  return {
    user,
    loading: me.isPending,
    hasRole: (...roles: string[]) => hasAnyRole(user, roles),
    refresh: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  };
}

/** Keeps the session query honest: a 401 anywhere signs the user out locally; csrf-failed refreshes the token. */
export function useSessionWatch(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    setCsrfRefresher(async () => {
      const session = await fetchSession();
      queryClient.setQueryData(ME_KEY, session);
      return session?.csrfToken ?? null;
    });
    const off = onUnauthorized(() => {
      setCsrfToken(null);
      queryClient.setQueryData(ME_KEY, null);
    });
    return () => {
      off();
      setCsrfRefresher(null);
    };
  }, [queryClient]);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) => api.post<Session>('/auth/login', input),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      // Another user's cached data must not leak into this session.
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, session);
    },
    meta: { silent: true },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
    },
  });
}

/**
 * Guard for pages that need a signed-in user, optionally with one of `roles`. Anonymous visitors go to the
 * login page and come back afterwards.
 */
export function RequireAuth({ roles, children }: { roles?: readonly string[]; children: ReactNode }) {
  const { user, loading } = useAuth();
  const location = useLocation();
  const { t } = useI18n();
  if (loading) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  }
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (!hasAnyRole(user, roles)) {
    return (
      <Result
        status="403"
        title={t('无权访问', 'Access denied')}
        subTitle={t('当前账号没有访问此页面所需的角色。', 'Your account does not have a role that may open this page.')}
        extra={
          <Link to="/">
            <Button type="primary">{t('返回首页', 'Back to home')}</Button>
          </Link>
        }
      />
    );
  }
  return <>{children}</>;
}
