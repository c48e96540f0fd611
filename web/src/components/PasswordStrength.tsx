import { Progress, Typography } from 'antd';
import { passwordStrength } from '../../../src/domain/access/password-policy';
import { useI18n } from '../i18n';

const COLOURS = ['#ff4d4f', '#fa8c16', '#fadb14', '#52c41a', '#389e0d'] as const;

/**
 * A strength meter under a new password: the domain's light estimate (length, variety, the policy's
 * rules but not the breached list, which stays on the server and has the last word), and the rule.
 */
export function PasswordStrength({ password, username }: { password?: string; username?: string }) {
  const { t } = useI18n();
  if (!password) return <Typography.Text type="secondary">{t('password.hint')}</Typography.Text>;
  const score = passwordStrength(password, username ?? '');
  return (
    <div data-testid="password-strength" data-score={score}>
      <Progress
        percent={score === 0 ? 10 : score * 25}
        steps={4}
        size="small"
        showInfo={false}
        strokeColor={COLOURS[score]}
        aria-label={t('password.strength')}
      />{' '}
      <Typography.Text style={{ color: COLOURS[score] }}>
        {t('password.strength')}：{t(`password.strength.${score}`)}
      </Typography.Text>
      <div>
        <Typography.Text type="secondary">{t('password.hint')}</Typography.Text>
      </div>
    </div>
  );
}
