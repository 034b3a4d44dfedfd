import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { PageSpinner } from '../../app/pages/page-spinner.js';
import { RequireAuth } from '../../shared/auth.js';
import NotFoundPage from '../../app/pages/not-found.page.js';
import { ROLE_APPLICANT, ROLE_MANAGER, ROLE_SUPERVISOR, UTILITY_ROLES } from './water-connection.labels.js';

/**
 * 泉州 用水报装 pages. Public: the service guide (index) and tracking. Applicants: apply, my applications.
 * Utility staff: work list, assisted filing (managers), dashboard (supervisors). The detail page serves both
 * sides; the server decides what each may see and do.
 */
const GuidePage = lazy(() => import('./pages/guide.page.js'));
const TrackPage = lazy(() => import('./pages/track.page.js'));
const ApplyPage = lazy(() => import('./pages/apply.page.js'));
const MyApplicationsPage = lazy(() => import('./pages/my-applications.page.js'));
const ApplicationDetailPage = lazy(() => import('./pages/application-detail.page.js'));
const WorkListPage = lazy(() => import('./pages/work-list.page.js'));
const AssistedPage = lazy(() => import('./pages/assisted.page.js'));
const DashboardPage = lazy(() => import('./pages/dashboard.page.js'));

const ANY_ROLE = [ROLE_APPLICANT, ...UTILITY_ROLES];

export default function WaterConnectionRoutes() {
  return (
    <Suspense fallback={<PageSpinner />}>
      <Routes>
        <Route index element={<GuidePage />} />
        <Route path="track" element={<TrackPage />} />
        <Route
          path="apply"
          element={
            <RequireAuth roles={[ROLE_APPLICANT]}>
              <ApplyPage />
            </RequireAuth>
          }
        />
        <Route
          path="my"
          element={
            <RequireAuth roles={[ROLE_APPLICANT]}>
              <MyApplicationsPage />
            </RequireAuth>
          }
        />
        <Route
          path="applications/:id"
          element={
            <RequireAuth roles={ANY_ROLE}>
              <ApplicationDetailPage />
            </RequireAuth>
          }
        />
        <Route
          path="work"
          element={
            <RequireAuth roles={UTILITY_ROLES}>
              <WorkListPage />
            </RequireAuth>
          }
        />
        <Route
          path="assisted"
          element={
            <RequireAuth roles={[ROLE_MANAGER]}>
              <AssistedPage />
            </RequireAuth>
          }
        />
        <Route
          path="dashboard"
          element={
            <RequireAuth roles={[ROLE_SUPERVISOR]}>
              <DashboardPage />
            </RequireAuth>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
