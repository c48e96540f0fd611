import { Segmented } from 'antd';
import { useI18n, type Lang } from '../i18n';

/** 中文 / EN switch; the choice is kept in localStorage. */
export function LangSwitch({ dark = false }: { dark?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t('lang.switch')}
      data-testid="lang-switch"
      value={lang}
      onChange={setLang}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
      style={dark ? { background: 'rgba(255,255,255,0.15)' } : undefined}
    />
  );
}
