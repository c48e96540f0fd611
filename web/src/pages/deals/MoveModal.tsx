// Moving a deal to another stage, from the kanban (a drop, a card's menu) or the deal's page: a move that needs
// nothing is posted at once; one that needs something asks for it first (搁置/终止: the reason; 签约: the date and
// the amount; 落地: the landing date). Every move carries the version the person saw.
import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { ApiError } from '../../api';
import { dealsApi, type DealDetail, type DealView } from '../../api-deals';
import { invalidateDeals } from '../../features/deals/queries';
import { placeApiError } from '../../forms';
import { useI18n } from '../../i18n';
import { useDealsI18n, type DealMessageKey } from '../../i18n-deals';
import { countyNow } from '../../today';
import { DateInput } from '../projects/DateInput';
import { WanInput } from '../projects/WanInput';
import { wanText } from '../../../../src/domain/money/money';
import type { DealStage } from '../../../../src/domain/deals/deal-stages';
import { MOVES_WITH_FORM } from './shared';

interface MoveValues {
  reason?: string;
  signedOn?: string | null;
  signedAmountWan?: string | null;
  landedOn?: string | null;
}

/** The move being asked for. */
interface Asked {
  deal: DealView;
  to: DealStage;
}

/**
 * The moves of deals: `request(deal, to)` posts a move that needs nothing, or opens the dialog that asks for what it
 * needs; `modal` is that dialog, to be rendered once by the page; `busy` is the deal whose move is on its way.
 * After a move the board, lists and figures read again; `onMoved` receives the deal as it now stands.
 */
export function useDealMoves(onMoved?: (next: DealDetail) => void) {
  const { td, stage } = useDealsI18n();
  const { message } = App.useApp();
  const [asked, setAsked] = useState<Asked | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const moved = (next: DealDetail) => {
    void message.success(td('move.done', { name: next.name, stage: stage(next.stage) }));
    onMoved?.(next);
    void invalidateDeals();
  };

  /** Posts the move; a refusal is returned for the dialog to place, or shown here when there is no dialog. */
  const post = async (deal: DealView, to: DealStage, values: MoveValues = {}) => {
    setBusy(deal.id);
    try {
      const next = await dealsApi.move(deal.id, {
        to,
        version: deal.version,
        ...(values.reason ? { reason: values.reason.trim() } : {}),
        ...(values.signedOn ? { signedOn: values.signedOn } : {}),
        ...(values.signedAmountWan ? { signedAmountWan: values.signedAmountWan } : {}),
        ...(values.landedOn ? { landedOn: values.landedOn } : {}),
      });
      moved(next);
      return null;
    } catch (e) {
      // Someone else moved or changed it meanwhile: say so, and read it again.
      if (e instanceof ApiError && e.status === 409) void invalidateDeals();
      return e;
    } finally {
      setBusy(null);
    }
  };

  const request = (deal: DealView, to: DealStage) => {
    if (!deal.moves.includes(to)) {
      void message.warning(td('move.refused', { from: stage(deal.stage), to: stage(to) }));
      return;
    }
    if (MOVES_WITH_FORM.includes(to)) {
      setAsked({ deal, to });
      return;
    }
    void post(deal, to).then((error) => {
      if (error) void message.error(error instanceof Error ? error.message : String(error));
    });
  };

  const modal = asked && (
    <MoveModal
      key={`${asked.deal.id}-${asked.to}`}
      {...asked}
      onCancel={() => setAsked(null)}
      post={post}
      done={() => setAsked(null)}
    />
  );
  return { request, modal, busy };
}

/** The dialog of a move that needs something; a refusal lands on the field it names, or above the form. */
function MoveModal({
  deal,
  to,
  onCancel,
  post,
  done,
}: Asked & {
  onCancel: () => void;
  post: (deal: DealView, to: DealStage, values: MoveValues) => Promise<unknown>;
  done: () => void;
}) {
  const { td, stage } = useDealsI18n();
  const { t } = useI18n();
  const [form] = Form.useForm<MoveValues>();
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const today = countyNow().format('YYYY-MM-DD');

  const submit = async () => {
    let values: MoveValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSending(true);
    setRefusal(null);
    const error = await post(deal, to, values);
    setSending(false);
    if (!error) return done();
    if (error instanceof ApiError && error.status === 409) return setRefusal(error.message);
    setRefusal(placeApiError(form, error));
  };

  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <Modal
      open
      title={td('move.title', { name: deal.name, stage: stage(to) })}
      okText={td(`move.ok.${to}` as DealMessageKey)}
      okButtonProps={{ danger: to === 'terminated', loading: sending, 'data-testid': 'deal-move-ok' }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onCancel}
      destroyOnHidden
      data-testid="deal-move-modal"
    >
      {refusal && (
        <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="deal-move-refusal" />
      )}
      <Form<MoveValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          signedOn: to === 'signed' ? today : undefined,
          signedAmountWan: to === 'signed' ? wanText(deal.intendedInvestmentYuan) : undefined,
          landedOn: to === 'landed' ? today : undefined,
        }}
        data-testid="deal-move-form"
        data-to={to}
      >
        {(to === 'shelved' || to === 'terminated') && (
          <Form.Item
            name="reason"
            label={td(`move.reason.${to}` as DealMessageKey)}
            rules={required(td(`move.reasonRequired.${to}` as DealMessageKey))}
          >
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="deal-move-reason" />
          </Form.Item>
        )}
        {to === 'signed' && (
          <>
            <Form.Item name="signedOn" label={td('f.signedOn')} rules={required(td('move.signedOnRequired'))}>
              <DateInput maxDate={today} data-testid="deal-move-signed-on" />
            </Form.Item>
            <Form.Item
              name="signedAmountWan"
              label={td('f.signedAmount')}
              extra={td('move.signedAmountHint')}
              rules={required(td('move.signedAmountRequired'))}
            >
              <WanInput data-testid="deal-move-signed-amount" />
            </Form.Item>
          </>
        )}
        {to === 'landed' && (
          <Form.Item
            name="landedOn"
            label={td('f.landedOn')}
            extra={deal.project ? undefined : td('move.landedNeedsProject')}
            rules={required(td('move.landedOnRequired'))}
          >
            <DateInput maxDate={today} data-testid="deal-move-landed-on" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
