import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
// dayjs comes with antd; its locale names the weekdays and months in the date pickers.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { setApiLanguage } from './api';
import { initI18n, useI18n, type Lang } from './i18n';
import { theme } from './theme';
import { App } from './App';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from './queries/client';

function applyLanguage(lang: Lang): void {
  setApiLanguage(lang);
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = lang;
}

// i18next starts once, in the stored language; each switch goes through applyLanguage.
initI18n(applyLanguage);

/** The antd configuration around the app, in the language chosen. */
function Root() {
  const { lang } = useI18n();

  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>
        {/* Around every phase (sign-in, first run, the signed-in app): the demo accounts query on the sign-in page too. */}
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
