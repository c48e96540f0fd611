import { useEffect, type ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { BulbFilled } from '@ant-design/icons';
import { useI18n } from '../i18n';
import { NAVY } from '../theme';
import { LangSwitch } from './LangSwitch';

/** The centred card of the sign-in and setup pages, under the brand header. */
export function AuthFrame({ title, width = 420, children }: { title: string; width?: number; children: ReactNode }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} · Lantern 项目绩效管理平台`;
  }, [title]);
  return (
    <div
      style={{
        minHeight: '100vh',
        background: `linear-gradient(160deg, ${NAVY} 0%, #1d4f8f 55%, #e9eef5 55%)`,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        padding: '0 12px 32px',
      }}
    >
      <div style={{ width: '100%', maxWidth: width, display: 'flex', justifyContent: 'flex-end', padding: '12px 0' }}>
        <LangSwitch dark />
      </div>
      <div style={{ textAlign: 'center', color: '#fff', margin: '12px 0 20px' }}>
        <div
          style={{
            width: 52,
            height: 52,
            margin: '0 auto 10px',
            borderRadius: 12,
            background: 'linear-gradient(135deg, #f5a623, #e8590c)',
            display: 'grid',
            placeItems: 'center',
            fontSize: 28,
          }}
        >
          <BulbFilled />
        </div>
        <Typography.Title level={3} style={{ color: '#fff', margin: 0 }} data-testid="brand-header">
          {/* Each half stays whole when a phone screen wraps the line. */}
          {t('brand.full')
            .split(' · ')
            .map((part, index) => (
              <span key={part}>
                {index > 0 && ' · '}
                <span style={{ display: 'inline-block' }}>{part}</span>
              </span>
            ))}
        </Typography.Title>
      </div>
      <Card style={{ width: '100%', maxWidth: width, boxShadow: '0 8px 24px rgba(15,42,74,0.18)' }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        {children}
      </Card>
    </div>
  );
}
