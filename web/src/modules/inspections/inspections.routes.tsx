import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { PageSpinner } from '../../app/pages/page-spinner.js';
import NotFoundPage from '../../app/pages/not-found.page.js';
import { RequireAuth } from '../../shared/auth.js';
import { ROLE_CHECKLIST_ADMIN, ROLE_ENTERPRISE, ROLE_INSPECTOR, ROLE_PLANNER, ROLE_SELF_CHECKER } from './inspections.labels.js';

/**
 * 莆田 自己管 网上查 pages. Public: the front page, the mind map, node pages, published results. Enterprises:
 * self-check and its reports. Planners: plans and draws. Inspectors: their visits (phone first). Dashboard
 * for planners and checklist administrators.
 */
const HomePage = lazy(() => import('./pages/home.page.js'));
const MindMapPage = lazy(() => import('./pages/mind-map.page.js'));
const NodePage = lazy(() => import('./pages/node.page.js'));
const SelfCheckPage = lazy(() => import('./pages/self-check.page.js'));
const SelfCheckReportPage = lazy(() => import('./pages/self-check-report.page.js'));
const SelfCheckHistoryPage = lazy(() => import('./pages/self-check-report.page.js').then((m) => ({ default: m.SelfCheckHistoryPage })));
const PlansPage = lazy(() => import('./pages/plans.page.js'));
const PlanDetailPage = lazy(() => import('./pages/plan-detail.page.js'));
const TasksPage = lazy(() => import('./pages/tasks.page.js'));
const TaskPage = lazy(() => import('./pages/task.page.js'));
const ResultsPage = lazy(() => import('./pages/results.page.js'));
const DashboardPage = lazy(() => import('./pages/dashboard.page.js'));

const SELF_CHECKERS = [ROLE_ENTERPRISE, ROLE_SELF_CHECKER];

export default function InspectionsRoutes() {
  const guard = (roles: string[], page: React.ReactNode) => <RequireAuth roles={roles}>{page}</RequireAuth>;
  return (
    <Suspense fallback={<PageSpinner />}>
      <Routes>
        <Route index element={<HomePage />} />
        <Route path="checklist" element={<MindMapPage />} />
        <Route path="checklist/:code" element={<NodePage />} />
        <Route path="results" element={<ResultsPage />} />
        <Route path="self-check" element={guard(SELF_CHECKERS, <SelfCheckPage />)} />
        <Route path="self-check/history" element={guard(SELF_CHECKERS, <SelfCheckHistoryPage />)} />
        <Route path="self-check/:id" element={guard(SELF_CHECKERS, <SelfCheckReportPage />)} />
        <Route path="plans" element={guard([ROLE_PLANNER], <PlansPage />)} />
        <Route path="plans/:id" element={guard([ROLE_PLANNER], <PlanDetailPage />)} />
        <Route path="tasks" element={guard([ROLE_INSPECTOR], <TasksPage />)} />
        <Route path="tasks/:id" element={guard([ROLE_INSPECTOR, ROLE_PLANNER], <TaskPage />)} />
        <Route path="dashboard" element={guard([ROLE_PLANNER, ROLE_CHECKLIST_ADMIN], <DashboardPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
