import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Result,
  Row,
  Segmented,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { ApiError } from '../../api';
import { raceApi, type PeerGroup, type Race, type RaceDefinitionInput, type RacePeriodKind } from '../../api-race';
import { errorMessage, keepEnterFromSubmitting } from '../../forms';
import { useI18n } from '../../i18n';
import { useRaceI18n } from '../../i18n-race';
import { navigate } from '../../router';
import { useParams } from '@tanstack/react-router';
import { PageHeader } from '../../components/PageHeader';
import { DEFAULT_PEER_GROUPS, RACE_LIMITS, RANKED_PERIOD_KINDS } from '../../../../src/domain/race/race-definition';
import { IndicatorRows, WeightSum } from './IndicatorRows';
import {
  definitionFromValues,
  NEW_RACE_VALUES,
  placeRaceError,
  valuesFromDefinition,
  type RaceFormValues,
} from './raceForm';
import { useIndicators } from './shared';
import { invalidateRaces, raceQuery } from '../../features/race/queries';
import { queryClient } from '../../queries/client';

// Weekly rankings are in the domain but not offered: no figure is kept by week yet.
const PERIOD_KIND_OPTIONS: readonly RacePeriodKind[] = RANKED_PERIOD_KINDS;

/** New race (/races/new) or edit one (/races/:id/edit): name, period, indicators with weights and methods. */
export function RaceEditorPage() {
  // /races/new has no id; /races/$id/edit has one.
  const { id } = useParams({ strict: false });
  const creating = id === undefined;
  const { tk, text, periodKind } = useRaceI18n();
  const { t, kindLabel } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RaceFormValues>();
  const { indicators, error: indicatorsError } = useIndicators();
  // The form takes the race as initial values once: it shows only after this visit's answer (not a cached one).
  const raceRead = useQuery({ ...raceQuery(id ?? ''), enabled: !creating });
  const race: Race | null = raceRead.isFetchedAfterMount ? (raceRead.data ?? null) : null;
  const loadError =
    raceRead.error && !creating
      ? {
          status: raceRead.error instanceof ApiError ? raceRead.error.status : 0,
          message: errorMessage(raceRead.error),
        }
      : null;
  const [busy, setBusy] = useState(false);

  const groups: readonly PeerGroup[] = race?.definition.groups ?? DEFAULT_PEER_GROUPS;

  const submit = async (values: RaceFormValues) => {
    setBusy(true);
    try {
      const body = definitionFromValues(values, race?.definition.groups);
      const saved = creating ? await raceApi.createRace(body) : await raceApi.updateRace(id, body);
      message.success(creating ? tk('editor.created') : t('common.saved'));
      for (const warning of saved.warnings) message.warning(warning.message);
      void invalidateRaces();
      queryClient.setQueryData(raceQuery(saved.id).queryKey, saved);
      navigate(`/races/${saved.id}`, { replace: !creating });
    } catch (e) {
      const shown = placeRaceError(form, e);
      if (shown) message.error(shown);
      setBusy(false);
    }
  };

  if (loadError) {
    return loadError.status === 404 ? (
      <Result
        status="404"
        title={loadError.message}
        extra={<Button onClick={() => navigate('/races')}>{tk('races.title')}</Button>}
      />
    ) : (
      <Alert type="error" showIcon title={loadError.message} />
    );
  }
  if (indicatorsError) return <Alert type="error" showIcon title={indicatorsError} />;
  if ((!creating && !race) || !indicators) return <Skeleton active paragraph={{ rows: 10 }} />;

  const cancel = () => navigate(creating ? '/races' : `/races/${id}`);

  return (
    <>
      <PageHeader
        title={creating ? tk('editor.createTitle') : `${tk('editor.editTitle')} · ${race!.definition.name}`}
      />
      <Form<RaceFormValues>
        form={form}
        layout="vertical"
        initialValues={race ? valuesFromDefinition(race.definition as unknown as RaceDefinitionInput) : NEW_RACE_VALUES}
        onFinish={(values) => void submit(values)}
        onFinishFailed={({ errorFields }) => {
          message.warning({ content: tk('editor.checkFields'), key: 'race-form-check' });
          if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center' });
        }}
        requiredMark={false}
        onKeyDown={keepEnterFromSubmitting}
        data-testid="race-form"
      >
        <Card size="small" title={tk('editor.basics')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="name"
                label={tk('editor.name')}
                rules={[{ required: true, whitespace: true, message: tk('editor.nameRequired') }]}
              >
                <Input
                  maxLength={RACE_LIMITS.nameMaxLength}
                  placeholder={tk('editor.namePlaceholder')}
                  data-testid="race-name"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="periodKind" label={tk('editor.periodKind')}>
                <Segmented<RacePeriodKind>
                  options={PERIOD_KIND_OPTIONS.map((k) => ({ value: k, label: periodKind(k) }))}
                  data-testid="race-period-kind"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="topN"
                label={tk('editor.topN')}
                rules={[{ required: true, message: t('common.required', { label: tk('editor.topN') }) }]}
              >
                <InputNumber
                  min={0}
                  max={RACE_LIMITS.maxNamed}
                  precision={0}
                  style={{ width: '100%' }}
                  data-testid="race-top-n"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="bottomN"
                label={tk('editor.bottomN')}
                rules={[{ required: true, message: t('common.required', { label: tk('editor.bottomN') }) }]}
              >
                <InputNumber
                  min={0}
                  max={RACE_LIMITS.maxNamed}
                  precision={0}
                  style={{ width: '100%' }}
                  data-testid="race-bottom-n"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <div style={{ marginBottom: 8 }}>
                <Typography.Text>{tk('editor.groups')}</Typography.Text>
              </div>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }} data-testid="race-groups">
                {groups.map((g) => (
                  <Tag key={g.key} color="blue" style={{ marginInlineEnd: 0 }}>
                    {text(g.label)}
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
                      ({g.unitKinds.map((k) => kindLabel(k)).join('、')})
                    </Typography.Text>
                  </Tag>
                ))}
              </div>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={tk('editor.indicators')} style={{ marginBottom: 16 }}>
          <IndicatorRows indicators={indicators} />
        </Card>
        <div
          style={{
            position: 'sticky',
            bottom: 0,
            zIndex: 5,
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            padding: '12px 16px',
            background: 'rgba(255,255,255,0.96)',
            borderTop: '1px solid #e5e8ef',
            boxShadow: '0 -2px 8px rgba(15,42,74,0.06)',
            borderRadius: 6,
          }}
        >
          <WeightSum />
          <div style={{ flex: 1 }} />
          <Button onClick={cancel} data-testid="race-cancel">
            {tk('editor.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="race-save">
            {tk('editor.save')}
          </Button>
        </div>
      </Form>
    </>
  );
}
