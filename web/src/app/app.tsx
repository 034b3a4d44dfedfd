import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useCallback, useMemo, type ReactNode } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { useSessionWatch } from '../shared/auth.js';
import { I18nProvider, useI18n, type Lang } from '../shared/i18n.js';
import { FeedbackBridge } from '../shared/problem-view.js';
import { createQueryClient } from './query-client.js';
import { routes } from './routes.js';

const queryClient = createQueryClient();
const router = createBrowserRouter(routes);

function applyDayjsLocale(lang: Lang) {
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
}

function LocalizedAnt({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  applyDayjsLocale(lang);
  const theme = useMemo(
    () => ({
      token: {
        colorPrimary: '#1456d8',
        borderRadius: 8,
        fontFamily:
          "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', sans-serif",
      },
    }),
    [],
  );
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>
        <FeedbackBridge>{children}</FeedbackBridge>
      </AntApp>
    </ConfigProvider>
  );
}

function SessionWatch() {
  useSessionWatch();
  return null;
}

/** Root of the web app: i18n, antd locale and theme, TanStack Query, session watch, router. */
export function App() {
  // Server texts (problem titles, names) come in the chosen language: refetch them after a switch.
  const onLangChange = useCallback(() => void queryClient.invalidateQueries(), []);
  return (
    <I18nProvider onChange={onLangChange}>
      <QueryClientProvider client={queryClient}>
        <LocalizedAnt>
          <SessionWatch />
          <RouterProvider router={router} />
        </LocalizedAnt>
      </QueryClientProvider>
    </I18nProvider>
  );
}
