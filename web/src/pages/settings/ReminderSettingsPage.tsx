import { Typography } from 'antd';
import { useSettingsI18n } from '../../i18n-settings';
import { PageHeader } from '../../components/PageHeader';
import { LicenceOffsetsCard } from './LicenceOffsetsCard';
import { SlaProfilesCard } from './SlaProfilesCard';

/** 提醒与办理时限: when licence reminders go out, and the time limits of enterprises' problem tickets. */
export function ReminderSettingsPage() {
  const { ts } = useSettingsI18n();
  return (
    <>
      <PageHeader title={ts('reminders.title')} />
      <Typography.Paragraph type="secondary">{ts('reminders.intro')}</Typography.Paragraph>
      <LicenceOffsetsCard />
      <SlaProfilesCard />
    </>
  );
}
