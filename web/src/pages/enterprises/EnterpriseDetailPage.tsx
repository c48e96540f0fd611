import { useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Grid,
  List,
  Result,
  Row,
  Skeleton,
  Typography,
  type DescriptionsProps,
} from 'antd';
import { ArrowLeftOutlined, EditOutlined, PhoneOutlined } from '@ant-design/icons';
import { ApiError } from '../../api';
import type { EnterpriseDetail } from '../../api-enterprises';
import { enterpriseQuery, invalidateEnterprises } from '../../features/enterprises/queries';
import { errorMessage } from '../../forms';
import { formatTime } from '../../format';
import { useEnterprisesI18n } from '../../i18n-enterprises';
import { useLightsI18n } from '../../i18n-lights';
import { queryClient } from '../../queries/client';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { Link } from '../../components/Link';
import { lazyDialog } from '../../components/lazyDialog';
import { PageHeader } from '../../components/PageHeader';
import type { Stage } from '../../../../src/domain/projects/lifecycle';
import { formatWan } from '../../../../src/domain/money/money';
import { LightDot } from '../lights/shared';
import { StageTag, useIndustries } from '../projects/shared';
import { EnterpriseLicencesCard } from './EnterpriseLicencesCard';
import { FlagTags, lastEnterpriseList, ScaleTag } from './shared';

const EnterpriseFormModal = lazyDialog(() => import('./EnterpriseFormModal').then((m) => m.EnterpriseFormModal));

const route = getRouteApi('/enterprises/$id');

const text = (value: ReactNode) => (value === null || value === undefined || value === '' ? '—' : value);

/** An enterprise's fields, contacts, projects and licences; 编辑 for those who keep it. */
export function EnterpriseDetailPage() {
  const { id } = route.useParams();
  const { te, field, contactField } = useEnterprisesI18n();
  const { colour: colourName } = useLightsI18n();
  const { message } = App.useApp();
  const { can, me } = useSession();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  const industries = useIndustries();
  const query = useQuery(enterpriseQuery(id));
  const e = query.data ?? null;
  const [editing, setEditing] = useState(false);

  // An enterprise account has no list to go back to: its list is this page.
  const back =
    me.role === 'enterprise' ? null : (
      <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(lastEnterpriseList())}>
        {te('detail.backToList')}
      </Button>
    );

  if (query.error && !e) {
    const status = query.error instanceof ApiError ? query.error.status : 0;
    if (status === 404 || status === 403) return <Result status="404" title={te('detail.notFound')} extra={back} />;
    return <Alert type="error" showIcon title={errorMessage(query.error)} />;
  }
  if (!e) return <Skeleton active paragraph={{ rows: 8 }} />;

  const division = industries?.divisions.find((d) => d.code === e.industryCode);
  const industry = e.industryCode ? `${e.industryCode} ${division?.name ?? ''}`.trim() : null;

  const basic: NonNullable<DescriptionsProps['items']> = [
    {
      key: 'creditCode',
      label: field('creditCode'),
      children: e.creditCode && (
        <Typography.Text copyable style={{ fontFamily: 'monospace' }} data-testid="enterprise-credit-code">
          {e.creditCode}
        </Typography.Text>
      ),
    },
    { key: 'scale', label: field('scale'), children: <ScaleTag scale={e.scale} /> },
    { key: 'township', label: field('townshipUnitId'), children: e.townshipName },
    { key: 'industry', label: field('industryCode'), children: industry },
    { key: 'address', label: field('address'), children: e.address },
    { key: 'flags', label: field('flags'), children: <FlagTags flags={e.flags} /> },
    {
      key: 'updatedAt',
      label: te('detail.updatedAt'),
      children: formatTime(e.updatedAt),
    },
  ];

  const saved = (next: EnterpriseDetail) => {
    queryClient.setQueryData(enterpriseQuery(id).queryKey, next);
    void invalidateEnterprises();
    setEditing(false);
    message.success(next.linkedNow ? te('form.savedLinked', { count: next.linkedNow }) : te('form.saved'));
  };

  return (
    <div data-testid="enterprise-detail" data-enterprise-id={e.id}>
      <PageHeader
        title={e.name}
        extra={
          <>
            {back}
            {e.canEdit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="enterprise-edit">
                {te('detail.edit')}
              </Button>
            )}
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card size="small" title={te('detail.basic')} style={{ marginBottom: 16 }} data-testid="enterprise-basic">
            <Descriptions
              size="small"
              bordered
              column={1}
              styles={{ label: isPhone ? { width: 96, padding: '8px 10px' } : { width: 130, whiteSpace: 'nowrap' } }}
              items={basic.map((item) => ({ ...item, children: text(item.children) }))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={field('contacts')} style={{ marginBottom: 16 }} data-testid="enterprise-contacts">
            {e.contacts.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={te('detail.noContacts')} />
            ) : (
              <List
                size="small"
                dataSource={e.contacts}
                renderItem={(c) => (
                  <List.Item style={{ paddingInline: 0, flexWrap: 'wrap', gap: 8 }}>
                    <span>
                      <Typography.Text strong>{c.name}</Typography.Text>
                      {c.role && <Typography.Text type="secondary"> · {c.role}</Typography.Text>}
                    </span>
                    <a href={`tel:${c.phone}`} aria-label={`${contactField('phone')} ${c.phone}`}>
                      <PhoneOutlined /> {c.phone}
                    </a>
                  </List.Item>
                )}
              />
            )}
          </Card>
          <Card
            size="small"
            title={te('detail.projects', { count: e.projects.length })}
            style={{ marginBottom: 16 }}
            data-testid="enterprise-projects"
          >
            {e.projects.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={te('detail.noProjects')} />
            ) : (
              <List
                size="small"
                dataSource={e.projects}
                renderItem={(p) => (
                  <List.Item style={{ paddingInline: 0, gap: 8 }}>
                    {can('project.read') ? (
                      <Link to={`/projects/${p.id}`} data-testid={`enterprise-project-${p.id}`}>
                        {p.name}
                      </Link>
                    ) : (
                      <span>{p.name}</span>
                    )}
                    <StageTag stage={p.stage as Stage} />
                    <span style={{ marginInlineStart: 'auto', display: 'inline-flex', gap: 8, alignItems: 'center' }}>
                      <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {te('detail.projectInvestment', { amount: formatWan(p.totalInvestmentYuan) })}
                      </Typography.Text>
                      {p.openTickets > 0 && (
                        <Link to="/tickets" data-testid={`enterprise-project-tickets-${p.id}`}>
                          {te('detail.openTickets', { count: p.openTickets })}
                        </Link>
                      )}
                      {p.light && <LightDot colour={p.light} title={colourName(p.light)} />}
                    </span>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
      <EnterpriseLicencesCard enterprise={e} />
      {editing && <EnterpriseFormModal enterprise={e} onClose={() => setEditing(false)} onSaved={saved} />}
    </div>
  );
}
