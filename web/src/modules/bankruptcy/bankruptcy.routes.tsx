import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import NotFoundPage from '../../app/pages/not-found.page.js';
import { PageSpinner } from '../../app/pages/page-spinner.js';
import { RequireAuth } from '../../shared/auth.js';
import { ALL_ROLES, ROLE_ASSIST, ROLE_JUDGE } from './bankruptcy.labels.js';

/**
 * 厦门 易破 pages. Public: the portal with announcements, an announcement (the PDF's QR code lands there).
 * Signed in with a role of the module: cases, a case, a vote. Judges: the dashboard. Registry: the assistance
 * centre and judges. The server decides what each may see and do inside a case.
 */
const PortalPage = lazy(() => import('./pages/portal.page.js'));
const AnnouncementPage = lazy(() => import('./pages/announcement.page.js'));
const CasesPage = lazy(() => import('./pages/cases.page.js'));
const CasePage = lazy(() => import('./pages/case.page.js'));
const ItemPage = lazy(() => import('./pages/item.page.js'));
const DashboardPage = lazy(() => import('./pages/dashboard.page.js'));
const RegistryPage = lazy(() => import('./pages/registry.page.js'));

const guard = (roles: string[], el: React.ReactNode) => <RequireAuth roles={roles}>{el}</RequireAuth>;

export default function BankruptcyRoutes() {
  return (
    <Suspense fallback={<PageSpinner />}>
      <Routes>
        <Route index element={<PortalPage />} />
        <Route path="announcements/:id" element={<AnnouncementPage />} />
        <Route path="cases" element={guard(ALL_ROLES, <CasesPage />)} />
        <Route path="cases/:id" element={guard(ALL_ROLES, <CasePage />)} />
        <Route path="items/:id" element={guard(ALL_ROLES, <ItemPage />)} />
        <Route path="dashboard" element={guard([ROLE_JUDGE], <DashboardPage />)} />
        <Route path="registry" element={guard([ROLE_ASSIST, ROLE_JUDGE], <RegistryPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
