import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../shared/api.js';

/** Types and calls of `/api/v1/bankruptcy` (amounts are integer fen, dates YYYY-MM-DD, times ISO UTC). */
export const BASE = '/bankruptcy';

export interface Basis {
  code: string;
  zh: string;
  en: string;
}

export interface Deadline {
  code: string;
  dueOn: string;
  fromDate: string;
  basis: Basis;
  status: string;
}

export interface CaseView {
  id: string;
  applicationNumber: string;
  caseNumber: string | null;
  procedure: string;
  stage: string;
  applicantName: string;
  debtorName: string;
  debtorUscc: string;
  administratorOrganizationId: string | null;
  dates: Record<string, string | boolean | null>;
  deadlines: Deadline[];
  warnings: { year: number; zh: string; en: string }[];
  relations: string[];
  version: number;
}

export interface ClaimView {
  id: string;
  creditorName: string;
  source: string;
  nature: string;
  principalFen?: number;
  interestFen?: number;
  claimedFen: number;
  confirmedFen: number | null;
  secured: boolean;
  collateralDescription?: string | null;
  status: string;
  late: boolean;
  reviewReason?: string | null;
  courtConfirmedOn: string | null;
  ledgerIndex?: number | null;
  evidence?: { fileId: string; filename: string; sha256: string }[];
  version?: number;
}

export interface MeetingView {
  id: string;
  sequence: number;
  title: string;
  meetingOn: string;
  startsAt: string;
  place: string;
  noticeSentOn: string;
  status: string;
}

export interface ItemView {
  id: string;
  meetingId: string;
  caseId: string;
  kind: string;
  title: string;
  attempt: number;
  revoteGroups: string[] | null;
  ballotPolicy: string;
  opensAt: string;
  closesAt: string;
  status: string;
  passed: boolean | null;
  decidedBy: string | null;
  nextStep: { step: string; basis?: Basis; groups?: string[] } | null;
  resultNoticeDueOn: string | null;
  resultLedgerIndex: number | null;
}

export interface TestView {
  for: number;
  present: number;
  met: boolean;
}

export interface AmountView {
  forFen: number;
  totalFen: number;
  fraction: [number, number];
  met: boolean;
}

export interface GroupView {
  group: string;
  passed: boolean;
  heads?: TestView;
  amount?: AmountView;
  votingRights?: { for: number; participating: number; met: boolean };
  decidedBy: Basis;
  revoted: boolean;
}

export interface OutcomeView {
  kind: string;
  passed: boolean;
  decidedBy: Basis;
  heads?: TestView;
  amount?: AmountView;
  failedTests?: string[];
  groups?: GroupView[];
  failedGroups?: string[];
}

export interface BallotView {
  id: string;
  group: string | null;
  choice: string;
  channel: string;
  castAt: string;
  superseded: boolean;
  ledgerIndex: number | null;
}

export interface AnnouncementView {
  id: string;
  caseId: string;
  caseNumber: string | null;
  debtorName: string;
  kind: string;
  issuerName: string;
  title: string;
  body?: string;
  publishedAt: string;
  pdfSha256: string | null;
  ledgerIndex: number | null;
}

const keys = {
  cases: (q: Record<string, QueryValue>) => ['bankruptcy', 'cases', q] as const,
  case: (id: string) => ['bankruptcy', 'case', id] as const,
  claims: (id: string) => ['bankruptcy', 'claims', id] as const,
  myClaims: (id: string) => ['bankruptcy', 'my-claims', id] as const,
  meetings: (id: string) => ['bankruptcy', 'meetings', id] as const,
  meeting: (id: string) => ['bankruptcy', 'meeting', id] as const,
  tally: (id: string) => ['bankruptcy', 'tally', id] as const,
  myBallots: (id: string) => ['bankruptcy', 'my-ballots', id] as const,
};

export function useCases(q: Record<string, QueryValue>) {
  return useQuery({ queryKey: keys.cases(q), queryFn: async () => (await api.get<{ items: CaseView[] }>(`${BASE}/cases`, q)).items });
}

export function useCase(id: string) {
  return useQuery({ queryKey: keys.case(id), queryFn: () => api.get<CaseView>(`${BASE}/cases/${id}`) });
}

export function useClaimRegister(caseId: string) {
  return useQuery({ queryKey: keys.claims(caseId), queryFn: () => api.get<{ view: 'full' | 'public'; items: ClaimView[] }>(`${BASE}/cases/${caseId}/claims`) });
}

export function useMyClaims(caseId: string, enabled: boolean) {
  return useQuery({ queryKey: keys.myClaims(caseId), queryFn: async () => (await api.get<{ items: ClaimView[] }>(`${BASE}/cases/${caseId}/claims/mine`)).items, enabled });
}

export function useMeetings(caseId: string) {
  return useQuery({ queryKey: keys.meetings(caseId), queryFn: async () => (await api.get<{ items: MeetingView[] }>(`${BASE}/cases/${caseId}/meetings`)).items });
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: keys.meeting(id), queryFn: () => api.get<{ meeting: MeetingView; items: ItemView[]; attendees: number; signedIn: boolean }>(`${BASE}/meetings/${id}`) });
}

/** The live tally refreshes every five seconds while the vote is open. */
export function useTally(itemId: string) {
  return useQuery({
    queryKey: keys.tally(itemId),
    queryFn: () => api.get<{ item: ItemView; outcome: OutcomeView; final: boolean }>(`${BASE}/items/${itemId}/tally`),
    refetchInterval: (q) => (q.state.data?.final ? false : 5_000),
    retry: false,
  });
}

export function useMyBallots(itemId: string, enabled: boolean) {
  return useQuery({ queryKey: keys.myBallots(itemId), queryFn: async () => (await api.get<{ items: BallotView[] }>(`${BASE}/items/${itemId}/ballots/mine`)).items, enabled });
}

export function useAnnouncements(q: Record<string, QueryValue>) {
  return useQuery({ queryKey: ['bankruptcy', 'announcements', q], queryFn: async () => (await api.get<{ items: AnnouncementView[] }>(`${BASE}/announcements`, q)).items });
}

export function useAnnouncement(id: string) {
  return useQuery({ queryKey: ['bankruptcy', 'announcement', id], queryFn: () => api.get<AnnouncementView>(`${BASE}/announcements/${id}`) });
}

export function useStatistics(enabled: boolean) {
  return useQuery({
    queryKey: ['bankruptcy', 'statistics'],
    enabled,
    queryFn: () =>
      api.get<{
        cases: number;
        byStage: Record<string, number>;
        byProcedure: Record<string, number>;
        announcements: number;
        claimFilings: number;
        fundSupervisionActions: number;
        meetings: number;
        attendees: number;
        averageDurationDays: number | null;
        deadlinesAtRisk: { caseId: string; caseNumber: string | null; debtorName: string; code: string; dueOn: string; status: string; basis: Basis }[];
      }>(`${BASE}/statistics`),
  });
}

export interface MovementView {
  id: string;
  direction: 'in' | 'out';
  amountFen: number;
  occurredOn: string;
  counterparty: string;
  purpose: string;
  source: string;
  bankReference: string | null;
  disbursementId: string | null;
  reconciled: boolean;
}

export interface DisbursementView {
  id: string;
  amountFen: number;
  payee: string;
  purpose: string;
  needsApproval: boolean;
  status: 'requested' | 'approved' | 'rejected' | 'executed';
  requestedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
  executedAt: string | null;
  bankReference: string | null;
  ledgerIndex: number | null;
  version: number;
}

export interface FundsView {
  balanceFen: number;
  thresholdFen: number;
  inFen: number;
  outFen: number;
  unreconciled: number;
  movements: MovementView[];
  disbursements: DisbursementView[];
}

/** The answer of a statement import: what matched, and what is on one side only. */
export interface ReconciliationView {
  lines: number;
  matched: number;
  unrecordedOnStatement: { line: number; date: string; direction: 'in' | 'out'; amountFen: number; counterparty: string; reference: string }[];
  recordedNotOnStatement: MovementView[];
}

export function useFunds(caseId: string, enabled: boolean) {
  return useQuery({ queryKey: ['bankruptcy', 'funds', caseId], enabled, queryFn: () => api.get<FundsView>(`${BASE}/cases/${caseId}/funds`) });
}

export interface PlanSummary {
  id: string;
  round: number;
  status: string;
  estateFen: number;
  distributedFen: number;
  pdfSha256: string | null;
  ledgerIndex: number | null;
  createdAt: string;
}

export interface PlanView {
  id: string;
  caseId: string;
  round: number;
  status: string;
  pdfSha256: string | null;
  ledgerIndex: number | null;
  createdAt: string;
  estateFen: number;
  remainderFen: number;
  terminationRequired: boolean;
  tiers: { tier: string; allowedFen: number; payFen: number; reserveFen: number; fullyPaid: boolean }[];
  collaterals: { collateralId: string; realizedFen: number; toSecuredFen: number; surplusFen: number }[];
  expenses: { id: string; amountFen: number; payFen: number }[];
  commonBenefitDebts: { id: string; amountFen: number; payFen: number }[];
  claims: { claimId: string; creditorId: string; status: string; lines: { source: string; allowedFen: number; payFen: number; reserveFen: number }[]; payFen: number; reserveFen: number }[];
  creditors: { creditorId: string; payFen: number; reserveFen: number }[];
  excludedClaimIds?: string[];
}

export function useDistributionPlans(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['bankruptcy', 'plans', caseId],
    enabled,
    queryFn: async () => (await api.get<{ items: PlanSummary[] }>(`${BASE}/cases/${caseId}/distribution-plans`)).items,
  });
}

export function usePlan(planId: string | null) {
  return useQuery({ queryKey: ['bankruptcy', 'plan', planId], enabled: !!planId, queryFn: () => api.get<PlanView>(`${BASE}/distribution-plans/${planId}`) });
}

export interface AssetView {
  id: string;
  assetType: string;
  name: string;
  valuationFen: number;
  status: string;
}

export interface AuctionView {
  id: string;
  assetId: string;
  round: number;
  startPriceFen: number;
  salePriceFen: number | null;
  auctionOn: string;
  status: string;
  premiumRateBp: number | null;
}

export interface InvestigationView {
  id: string;
  department: string;
  requestText: string;
  requestedAt: string;
  answerText: string | null;
  answeredAt: string | null;
  status: string;
}

export function useAssets(caseId: string) {
  return useQuery({
    queryKey: ['bankruptcy', 'assets', caseId],
    queryFn: () =>
      api.get<{ assets: AssetView[]; auctions: AuctionView[]; investigations: InvestigationView[]; premiumRate: { meanBp: number | null; weightedBp: number | null } }>(`${BASE}/cases/${caseId}/assets`),
  });
}

export interface InvestorView {
  id: string;
  caseId: string;
  investorOrganizationId: string;
  investorName: string;
  undertakingAcceptedAt: string;
  dataRoomAccess: boolean;
  intentionSummary: string | null;
  intentionFileId: string | null;
  status: string;
  ledgerIndex: number | null;
}

export function useInvestors(caseId: string) {
  return useQuery({ queryKey: ['bankruptcy', 'investors', caseId], queryFn: async () => (await api.get<{ items: InvestorView[] }>(`${BASE}/cases/${caseId}/investors`)).items });
}

export function useUndertaking() {
  return useQuery({ queryKey: ['bankruptcy', 'undertaking'], staleTime: Infinity, queryFn: () => api.get<{ version: number; text: string }>(`${BASE}/investor-undertaking`) });
}

/** A mutation that refreshes every bankruptcy query when it succeeds. */
export function useBkMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['bankruptcy'] }) });
}
