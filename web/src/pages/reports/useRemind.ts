import { useState } from 'react';
import { App } from 'antd';
import { noticesApi } from '../../api-notices';
import { errorMessage } from '../../forms';
import { useNamespace } from '../../i18n-setup';
import type { Period } from './shared';

/**
 * 催报 from any page: asks to confirm, sends one request for the chosen units, then says how many were
 * reminded and why any were not (filed everything meanwhile, no reporter account).
 */
export function useRemind(period: Period) {
  const { t } = useNamespace('work');
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);

  const send = async (units: { unitId: number; unitName: string }[]) => {
    setBusy(true);
    try {
      const result = await noticesApi.remind({ ...period, unitIds: units.map((u) => u.unitId) });
      if (result.reminded) message.success(t('remind.done', { n: result.reminded }));
      const names = new Map(units.map((u) => [u.unitId, u.unitName]));
      const refused = result.items.flatMap((i) => (i.ok ? [] : [`${names.get(i.unitId)}：${i.error.message}`]));
      if (refused.length) message.warning(t('remind.refused', { n: refused.length, reasons: refused.join('；') }), 8);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const remind = (units: { unitId: number; unitName: string }[]) => {
    if (!units.length) {
      message.info(t('remind.none'));
      return;
    }
    modal.confirm({
      title: t('remind.confirm', { units: units.map((u) => u.unitName).join('、') }),
      okButtonProps: { 'data-testid': 'remind-confirm' },
      onOk: () => send(units),
    });
  };

  return { remind, busy };
}
