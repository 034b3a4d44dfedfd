import { lazy, type ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../shared/auth.js';
import { ShellLayout } from './layout/shell.layout.js';
import { ADMIN_ROLE } from './layout/nav.js';
import { modules, type ModuleEntry } from './modules.js';
import HomePage from './pages/home.page.js';
import { UnderConstructionPage } from './pages/under-construction.page.js';

/** Every route of the web app. Pages other than the portal load lazily, each module as its own chunk. */
const LoginPage = lazy(() => import('./pages/login.page.js'));
const NotFoundPage = lazy(() => import('./pages/not-found.page.js'));
const NotificationsPage = lazy(() => import('./notifications/notifications.page.js'));
const OrganizationsPage = lazy(() => import('./admin/organizations.page.js'));
const UsersPage = lazy(() => import('./admin/users.page.js'));
const RolesPage = lazy(() => import('./admin/roles.page.js'));
const AuditPage = lazy(() => import('./admin/audit.page.js'));
const VerifyReceiptPage = lazy(() => import('../modules/ledger/VerifyReceiptPage.js'));
const RealNamePage = lazy(() => import('./pages/realname/realname.page.js'));

function moduleRoute(m: ModuleEntry): RouteObject {
  if (!m.page) return { path: `${m.path.slice(1)}/*`, element: <UnderConstructionPage module={m} /> };
  const Page: ComponentType = lazy(m.page);
  return { path: `${m.path.slice(1)}/*`, element: <Page /> };
}

const admin = (element: React.ReactNode) => <RequireAuth roles={[ADMIN_ROLE]}>{element}</RequireAuth>;

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <ShellLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'verify/*', element: <VerifyReceiptPage /> },
      {
        path: 'realname',
        element: (
          <RequireAuth>
            <RealNamePage />
          </RequireAuth>
        ),
      },
      {
        path: 'notifications',
        element: (
          <RequireAuth>
            <NotificationsPage />
          </RequireAuth>
        ),
      },
      { path: 'admin', children: [
        { index: true, element: admin(<UsersPage />) },
        { path: 'organizations', element: admin(<OrganizationsPage />) },
        { path: 'users', element: admin(<UsersPage />) },
        { path: 'roles', element: admin(<RolesPage />) },
        { path: 'audit', element: admin(<AuditPage />) },
      ] },
      ...modules.map(moduleRoute),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
