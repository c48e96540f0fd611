// 登记线索 and 编辑: a deal's fields in one dialog — name, investor and its listing, where it comes from, the chain and
// link from the county's lists, the kind, the intended investment in 万元, the responsible unit, the team and the
// patron leader. An edit sends only what changed, with the version the person saw.
import { useEffect, useState } from 'react';
import { Alert, Col, Form, Input, Modal, Row, Select } from 'antd';
import type { Id } from '../../api';
import { ApiError } from '../../api';
import { dealsApi, type DealBody, type DealDetail } from '../../api-deals';
import { placeApiError } from '../../forms';
import { useI18n } from '../../i18n';
import { useDealsI18n } from '../../i18n-deals';
import { useSession } from '../../session';
import { useUnits } from '../../useUnits';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { WanInput } from '../projects/WanInput';
import { LISTING_STATUSES, type ListingStatus } from '../../../../src/domain/deals/deal-fields';
import { wanText } from '../../../../src/domain/money/money';
import { useDealOptions } from './shared';

interface DealValues {
  name?: string;
  investorName?: string | null;
  investorListing?: ListingStatus;
  sourceRegion?: string;
  chainKey?: string | null;
  linkKey?: string | null;
  kind?: string;
  intendedInvestmentWan?: string | null;
  unitId?: Id;
  teamId?: number | null;
  patronLeader?: string | null;
}

const valuesOf = (deal: DealDetail): DealValues => ({
  name: deal.name,
  investorName: deal.investorName,
  investorListing: deal.investorListing,
  sourceRegion: deal.sourceRegion,
  chainKey: deal.chainKey,
  linkKey: deal.linkKey,
  kind: deal.kind,
  intendedInvestmentWan: wanText(deal.intendedInvestmentYuan),
  unitId: deal.unit.id,
  teamId: deal.team?.id ?? null,
  patronLeader: deal.patronLeader,
});

/** The body a create sends: empty texts as null, ids as numbers. */
function bodyOf(v: DealValues): DealBody {
  const text = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);
  return {
    name: (v.name ?? '').trim(),
    investorName: text(v.investorName),
    investorListing: v.investorListing ?? 'unlisted',
    sourceRegion: v.sourceRegion ?? '',
    chainKey: v.chainKey ?? null,
    linkKey: v.chainKey ? (v.linkKey ?? null) : null,
    kind: v.kind ?? '',
    intendedInvestmentWan: v.intendedInvestmentWan ?? '',
    unitId: Number(v.unitId),
    teamId: v.teamId ?? null,
    patronLeader: text(v.patronLeader),
  };
}

/** Enters a lead (no `deal`) or edits one; `onSaved` receives the deal as stored. */
export function DealFormModal({
  deal,
  onClose,
  onSaved,
}: {
  deal?: DealDetail;
  onClose: () => void;
  onSaved: (saved: DealDetail) => void;
}) {
  const { td, listing } = useDealsI18n();
  const { t } = useI18n();
  const { me } = useSession();
  const { roots } = useUnits();
  const { regions, kinds, chains, links, teamOptions, settings } = useDealOptions();
  const [form] = Form.useForm<DealValues>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const chainKey = Form.useWatch('chainKey', form);

  // The county's lists arrive after the dialog opens: a new lead starts at the first kind, as most are.
  useEffect(() => {
    if (!deal && settings && !form.getFieldValue('kind')) form.setFieldValue('kind', settings.kinds[0]?.key);
  }, [deal, settings, form]);

  const submit = async () => {
    let values: DealValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setRefusal(null);
    try {
      const body = bodyOf(values);
      let saved: DealDetail;
      if (deal) {
        const before = bodyOf(valuesOf(deal)) as Record<string, unknown>;
        const changed = Object.fromEntries(
          Object.entries(body).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])),
        );
        saved = await dealsApi.update(deal.id, { ...changed, version: deal.version });
      } else {
        saved = await dealsApi.create(body);
      }
      onSaved(saved);
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.status === 409) setRefusal(e.message);
      else setRefusal(placeApiError(form, e));
    }
  };

  const required = (label: string) => [{ required: true, whitespace: true, message: t('common.required', { label }) }];
  const choose = (label: string) => [{ required: true, message: td('form.choose', { label }) }];
  return (
    <Modal
      open
      width={720}
      title={deal ? td('form.editTitle') : td('form.createTitle')}
      okText={deal ? t('common.save') : td('form.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'deal-form-submit' }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="deal-form-modal"
    >
      {refusal && (
        <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="deal-form-refusal" />
      )}
      <Form<DealValues>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={
          deal
            ? valuesOf(deal)
            : { investorListing: 'unlisted', unitId: me.unitId, chainKey: null, linkKey: null, teamId: null }
        }
        data-testid="deal-form"
      >
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item
              name="name"
              label={td('f.name')}
              rules={[...required(td('f.name')), { min: 2, max: 120, message: td('form.nameLength') }]}
            >
              <Input maxLength={120} placeholder={td('form.namePlaceholder')} data-testid="deal-form-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="investorName" label={td('f.investor')} extra={td('form.investorHint')}>
              <Input maxLength={120} data-testid="deal-form-investor" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="investorListing" label={td('f.listing')}>
              <Select
                options={LISTING_STATUSES.map((value) => ({ value, label: listing(value) }))}
                data-testid="deal-form-listing"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="sourceRegion" label={td('f.sourceRegion')} rules={choose(td('f.sourceRegion'))}>
              <Select options={regions} loading={!settings} data-testid="deal-form-region" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="chainKey" label={td('f.chain')}>
              <Select
                allowClear
                options={chains}
                loading={!settings}
                onChange={() => form.setFieldValue('linkKey', null)}
                data-testid="deal-form-chain"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="linkKey" label={td('f.link')}>
              <Select allowClear disabled={!chainKey} options={links(chainKey)} data-testid="deal-form-link" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="kind" label={td('f.kind')} rules={choose(td('f.kind'))}>
              <Select options={kinds} loading={!settings} data-testid="deal-form-kind" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="intendedInvestmentWan" label={td('f.intended')} rules={required(td('f.intended'))}>
              <WanInput data-testid="deal-form-amount" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="patronLeader" label={td('f.patron')}>
              <Input maxLength={60} placeholder={td('form.patronPlaceholder')} data-testid="deal-form-patron" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="unitId" label={td('f.unit')} rules={choose(td('f.unit'))}>
              <UnitTreeSelect roots={roots} style={{ width: '100%' }} data-testid="deal-form-unit" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="teamId" label={td('f.team')}>
              <Select allowClear options={teamOptions} placeholder={td('form.noTeam')} data-testid="deal-form-team" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
