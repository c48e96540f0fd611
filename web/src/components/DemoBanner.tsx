// The banner every page of a demo instance shows. Kept apart from the demo accounts table so that the
// shell every page loads does not carry the table component.
import { Alert } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { setupQuery } from '../queries/setup';
import { useI18n } from '../i18n';
import { DEMO_TEXT } from './demo-text';

export function DemoBanner() {
  const { lang } = useI18n();
  const { data: status } = useQuery(setupQuery);
  if (!status?.demo) return null;
  return (
    <Alert
      type="warning"
      banner
      showIcon
      title={DEMO_TEXT[lang].banner(status.demo.password)}
      data-testid="demo-banner"
    />
  );
}
