import { Button, Dropdown } from 'antd';
import { BellOutlined, SettingOutlined } from '@ant-design/icons';
import { useNavigate } from '@tanstack/react-router';
import { useI18n } from '../i18n';

/** The header's user menu (个人设置): the person's own settings, such as the channels of their reminders. */
export function UserMenu() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const items = [
    {
      key: '/settings/notifications',
      icon: <BellOutlined />,
      label: <span data-testid="user-menu-notifications">{t('nav.myNotifications')}</span>,
    },
  ];
  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{ items, onClick: ({ key }) => void navigate({ href: key }) }}
    >
      <Button
        type="text"
        icon={<SettingOutlined style={{ fontSize: 16 }} />}
        aria-label={t('nav.userMenu')}
        title={t('nav.userMenu')}
        data-testid="user-menu"
        style={{ paddingInline: 8 }}
      />
    </Dropdown>
  );
}
