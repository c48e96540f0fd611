import { useEffect, useState, type ReactNode } from 'react';
import { App, Button, Form, Grid, Input, TreeSelect, Typography } from 'antd';
import { FrownOutlined, MehOutlined, SmileOutlined } from '@ant-design/icons';
import { ApiError } from '../../api';
import { ticketsApi, type TicketDetail, type TicketStepBody } from '../../api-tickets';
import { placeApiError } from '../../forms';
import { useTicketsI18n, type TicketMessageKey } from '../../i18n-tickets';
import { unitSelectOptions } from '../../units';
import { useUnits } from '../../useUnits';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { RATINGS, type Rating, type TicketStep } from '../../../../src/domain/tickets/ticket-flow';

/** The steps that say something, in the order their buttons stand (the most usual first). */
const TEXT_STEPS = ['answer', 'reply', 'requestExtension', 'note', 'reject', 'reopen'] as const satisfies TicketStep[];
type TextStep = (typeof TEXT_STEPS)[number];

const RATING_LOOK: Record<Rating, { icon: ReactNode; colour: string }> = {
  satisfied: { icon: <SmileOutlined />, colour: '#23863d' },
  fair: { icon: <MehOutlined />, colour: '#c27c00' },
  unsatisfied: { icon: <FrownOutlined />, colour: '#cf1322' },
};

interface ActionValues {
  text?: string;
  handlingUnitId?: number;
  coUnitIds?: number[];
}

/**
 * The steps the person may take now, and only those (the ticket's `steps`): accept, assign with co-units, the
 * rating as three big buttons, and the steps that say something over one text box. Every step carries the
 * version the page loaded; when someone else moved the ticket meanwhile (409) the message shows and the ticket
 * reads again.
 */
export function TicketActions({
  ticket,
  onDone,
  onStale,
}: {
  ticket: TicketDetail;
  onDone: (next: TicketDetail, step: TicketStep) => void;
  onStale: () => void;
}) {
  const { tt, rating: ratingLabel } = useTicketsI18n();
  const { message } = App.useApp();
  const { roots } = useUnits();
  const isPhone = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<ActionValues>();
  const [busy, setBusy] = useState<string | null>(null);
  const has = (s: TicketStep) => ticket.steps.includes(s);
  // The one extension: asked once, decided once.
  const textSteps = TEXT_STEPS.filter((s) => has(s) && (s !== 'requestExtension' || ticket.extension === null));
  const decides = has('decideExtension') && ticket.extension === 'asked';

  const take = async (step: TicketStep, extra: Omit<TicketStepBody, 'step' | 'version'> = {}, key: string = step) => {
    setBusy(key);
    try {
      const next = await ticketsApi.step(ticket.id, { step, version: ticket.version, ...extra });
      form.resetFields(['text']);
      onDone(next, step);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        void message.error(e.message);
        onStale();
      } else {
        const shown = placeApiError(form, e);
        if (shown) void message.error(shown);
      }
    } finally {
      setBusy(null);
    }
  };

  const takeWithText = (step: TextStep) => {
    const text = (form.getFieldValue('text') as string | undefined)?.trim() ?? '';
    if (!text) {
      form.setFields([{ name: 'text', errors: [tt(`action.textRequired.${step}` as TicketMessageKey)] }]);
      return;
    }
    void take(step, { text });
  };

  const assign = () => {
    const { handlingUnitId, coUnitIds } = form.getFieldsValue(['handlingUnitId', 'coUnitIds']) as ActionValues;
    if (!handlingUnitId) {
      form.setFields([{ name: 'handlingUnitId', errors: [tt('action.unitRequired')] }]);
      return;
    }
    void take('assign', {
      handlingUnitId: Number(handlingUnitId),
      coUnitIds: (coUnitIds ?? []).map(Number).filter((id) => id !== Number(handlingUnitId)),
    });
  };

  // A step taken (here or, after a reload, elsewhere) may have moved the handling unit: the pickers follow it; what
  // the person was writing stays.
  const handlingUnitId = ticket.handlingUnit?.id;
  const coUnitKey = ticket.coUnits.map((u) => u.id).join(',');
  const canAssign = has('assign');
  useEffect(() => {
    if (!canAssign) return;
    form.setFieldsValue({ handlingUnitId, coUnitIds: coUnitKey ? coUnitKey.split(',').map(Number) : [] });
  }, [form, canAssign, handlingUnitId, coUnitKey]);

  if (!ticket.steps.length) return null;
  const section = { marginBottom: 16 } as const;

  return (
    <Form<ActionValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{
        handlingUnitId: ticket.handlingUnit?.id,
        coUnitIds: ticket.coUnits.map((u) => u.id),
      }}
      data-testid="ticket-actions"
      data-steps={ticket.steps.join(',')}
    >
      {(has('accept') || decides) && (
        <div style={{ ...section, display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
          {has('accept') && (
            <Button
              type="primary"
              size="large"
              loading={busy === 'accept'}
              onClick={() => void take('accept')}
              data-testid="ticket-step-accept"
            >
              {tt('action.accept')}
            </Button>
          )}
          {decides && (
            <>
              <Typography.Text style={{ flexBasis: '100%' }}>{tt('action.extensionAsked')}</Typography.Text>
              <Button
                type="primary"
                loading={busy === 'approve'}
                onClick={() => void take('decideExtension', { approve: true }, 'approve')}
                data-testid="ticket-step-approve"
              >
                {tt('action.approve')}
              </Button>
              <Button
                danger
                loading={busy === 'refuse'}
                onClick={() => void take('decideExtension', { approve: false }, 'refuse')}
                data-testid="ticket-step-refuse"
              >
                {tt('action.refuse')}
              </Button>
            </>
          )}
        </div>
      )}

      {has('assign') && (
        <div style={section} data-testid="ticket-assign">
          <Form.Item name="handlingUnitId" label={tt('action.handlingUnit')} style={{ marginBottom: 8 }}>
            <UnitTreeSelect
              roots={roots}
              placeholder={tt('action.handlingUnitPlaceholder')}
              style={{ width: '100%', maxWidth: 420 }}
              data-testid="ticket-assign-unit"
            />
          </Form.Item>
          <Form.Item name="coUnitIds" label={tt('action.coUnits')} style={{ marginBottom: 8 }}>
            <TreeSelect<number[]>
              multiple
              allowClear
              treeData={unitSelectOptions(roots)}
              treeDefaultExpandedKeys={roots.map((root) => root.unit.id)}
              showSearch={{ treeNodeFilterProp: 'title' }}
              placeholder={tt('action.coUnitsPlaceholder')}
              style={{ width: '100%', maxWidth: 420 }}
              listHeight={320}
              data-testid="ticket-assign-co-units"
            />
          </Form.Item>
          <Button
            type={ticket.handlingUnit ? 'default' : 'primary'}
            loading={busy === 'assign'}
            onClick={assign}
            data-testid="ticket-step-assign"
          >
            {ticket.handlingUnit ? tt('action.reassign') : tt('action.assign')}
          </Button>
        </div>
      )}

      {has('rate') && (
        <div style={section} data-testid="ticket-rate">
          <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
            {tt('action.rateQuestion')}
          </Typography.Text>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 8 }}>
            {RATINGS.map((r) => (
              <Button
                key={r}
                size="large"
                icon={RATING_LOOK[r].icon}
                loading={busy === `rate-${r}`}
                disabled={busy !== null && busy !== `rate-${r}`}
                onClick={() => void take('rate', { rating: r }, `rate-${r}`)}
                style={{
                  height: 64,
                  minWidth: 0,
                  flexDirection: isPhone ? 'column' : 'row',
                  gap: isPhone ? 2 : 8,
                  color: RATING_LOOK[r].colour,
                  borderColor: RATING_LOOK[r].colour,
                  fontWeight: 500,
                }}
                data-testid={`ticket-rate-${r}`}
              >
                {ratingLabel(r)}
              </Button>
            ))}
          </div>
        </div>
      )}

      {textSteps.length > 0 && (
        <div data-testid="ticket-text-steps">
          <Form.Item
            name="text"
            label={
              textSteps.length === 1 && textSteps[0] === 'reopen' ? tt('action.reopenLabel') : tt('action.textLabel')
            }
            style={{ marginBottom: 8 }}
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={4000}
              placeholder={tt(
                textSteps.includes('answer')
                  ? 'action.answerPlaceholder'
                  : textSteps.includes('reopen')
                    ? 'action.reopenPlaceholder'
                    : 'action.textPlaceholder',
              )}
              data-testid="ticket-text"
            />
          </Form.Item>
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            {textSteps.map((s) => (
              <Button
                key={s}
                type={s === 'answer' ? 'primary' : 'default'}
                danger={s === 'reject'}
                loading={busy === s}
                onClick={() => takeWithText(s)}
                data-testid={`ticket-step-${s}`}
              >
                {tt(`action.${s}` as TicketMessageKey)}
              </Button>
            ))}
          </div>
          {textSteps.includes('note') && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 6 }}>
              {tt('action.noteHint')}
            </Typography.Text>
          )}
        </div>
      )}
    </Form>
  );
}
