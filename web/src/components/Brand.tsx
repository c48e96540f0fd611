import { BulbFilled } from '@ant-design/icons';
import { useI18n } from '../i18n';

/** The lantern mark with the product name; `compact` drops the subtitle. */
export function Brand({ dark = false, compact = false }: { dark?: boolean; compact?: boolean }) {
  const { t } = useI18n();
  const color = dark ? '#ffffff' : '#0f2a4a';
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 10, minWidth: 0 }} data-testid="brand">
      <span
        style={{
          width: 32,
          height: 32,
          flex: 'none',
          borderRadius: 8,
          background: 'linear-gradient(135deg, #f5a623, #e8590c)',
          display: 'grid',
          placeItems: 'center',
          color: '#fff',
          fontSize: 18,
        }}
      >
        <BulbFilled />
      </span>
      <span style={{ lineHeight: 1.2, minWidth: 0 }}>
        <span style={{ display: 'block', color, fontWeight: 600, fontSize: 16, whiteSpace: 'nowrap' }}>
          {t('brand.name')}
        </span>
        {!compact && (
          <span style={{ display: 'block', color: dark ? 'rgba(255,255,255,0.65)' : '#5b6b7f', fontSize: 12 }}>
            {t('brand.subtitle')}
          </span>
        )}
      </span>
    </div>
  );
}
