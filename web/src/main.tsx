import { StrictMode, useCallback, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
// dayjs comes with antd; its locale names the weekdays and months in the date pickers.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { setApiLanguage } from './api';
import { I18nContext, loadLang, makeI18n, storeLang, type Lang } from './i18n';
import { theme } from './theme';
import { App } from './App';

function applyLanguage(lang: Lang): void {
  setApiLanguage(lang);
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = lang;
}

/** Holds the language choice and the antd configuration around the app. */
function Root() {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = loadLang();
    applyLanguage(initial);
    return initial;
  });
  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    applyLanguage(next);
    setLangState(next);
  }, []);
  const i18n = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);

  return (
    <I18nContext.Provider value={i18n}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme}>
        <AntApp>
          <App />
        </AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
