import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../shared/api.js';
import type { Assurance } from './assurance.js';

/** Shapes of /api/v1/realname (server/src/platform/realname/realname.schemas.ts). */
export interface RealNameProvider {
  id: string;
  /** Shown verbatim; the demo's label says it is not a government service. */
  label: string;
  isDemo: boolean;
  flow: 'otp' | 'redirect';
}

export interface RealNameVerification {
  name: string;
  residentIdMasked: string;
  assurance: Assurance;
  provider: string;
  isDemo: boolean;
  verifiedAt: string;
}

export interface LocalChallenge {
  challengeId: string;
  expiresAt: string;
  residentIdMasked: string;
  codeDelivery?: 'server-log';
}

/** The browser navigates here (a top-level GET, so the provider can set its own cookies and redirect back). */
export const OIDC_START_URL = '/api/v1/realname/oidc/start';

/** Same keys as the water-connection contract panel, so a verification here refreshes that panel too. */
export const realNameKeys = {
  provider: ['realname', 'provider'] as const,
  me: ['realname', 'me'] as const,
};

export function useRealNameProvider() {
  return useQuery({
    queryKey: realNameKeys.provider,
    queryFn: async () => (await api.get<{ provider: RealNameProvider }>('/realname/provider')).provider,
    staleTime: 10 * 60_000,
  });
}

/** My latest verification, or null; a 404 also means "none yet". */
export function useMyVerification() {
  return useQuery({
    queryKey: realNameKeys.me,
    queryFn: async () => {
      try {
        return (await api.get<{ verification: RealNameVerification | null }>('/realname/me')).verification ?? null;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

/** Step 1 of the local demo. The resident ID travels in the POST body only, never in a URL. */
export function useStartLocal() {
  return useMutation({
    mutationFn: (input: { name: string; residentId: string }) => api.post<LocalChallenge>('/realname/local/start', input),
    meta: { silent: true },
  });
}

export function useConfirmLocal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { challengeId: string; code: string }) =>
      api.post<{ verification: RealNameVerification | null }>('/realname/local/confirm', input),
    onSuccess: (body) => {
      if (body.verification) qc.setQueryData(realNameKeys.me, body.verification);
      return qc.invalidateQueries({ queryKey: realNameKeys.me });
    },
    meta: { silent: true },
  });
}
