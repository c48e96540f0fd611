import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Grid, Input, Segmented, Select, Typography, Upload } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { ticketsApi, type TicketBody } from '../../api-tickets';
import { enterpriseListQuery, enterpriseQuery } from '../../features/enterprises/queries';
import { invalidateTickets } from '../../features/tickets/queries';
import { errorMessage, placeApiError } from '../../forms';
import { useTicketsI18n } from '../../i18n-tickets';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { PageHeader } from '../../components/PageHeader';
import { ATTACHMENT_LIMITS, ATTACHMENT_TYPES } from '../../../../src/domain/tickets/attachment-rules';
import { TICKET_CATEGORIES, type TicketCategory } from '../../../../src/domain/tickets/categories';
import { COMPLEXITIES, type Complexity } from '../../../../src/domain/tickets/sla';

const MB = ATTACHMENT_LIMITS.maxFileBytes / (1024 * 1024);
/** What the file picker offers; the server decides from the bytes. */
const ACCEPT = [...ATTACHMENT_TYPES, '.jpg', '.jpeg', '.png', '.webp', '.pdf'].join(',');

interface RaiseValues {
  enterpriseId?: number;
  category?: TicketCategory;
  description?: string;
  projectId?: number | null;
  complexity: Complexity;
}

/** The categories as big buttons, two a row on a phone and four on a desk: one tap chooses. */
function CategoryPicker({ value, onChange }: { value?: TicketCategory; onChange?: (value: TicketCategory) => void }) {
  const { category } = useTicketsI18n();
  const isPhone = Grid.useBreakpoint().md === false;
  return (
    <div
      role="radiogroup"
      style={{ display: 'grid', gridTemplateColumns: `repeat(${isPhone ? 2 : 4}, minmax(0, 1fr))`, gap: 8 }}
      data-testid="ticket-form-category"
    >
      {TICKET_CATEGORIES.map((c) => (
        <Button
          key={c}
          role="radio"
          aria-checked={value === c}
          type={value === c ? 'primary' : 'default'}
          size="large"
          autoInsertSpace={false}
          style={{ height: 48, minWidth: 0 }}
          onClick={() => onChange?.(c)}
          data-testid={`ticket-form-category-${c}`}
        >
          {category(c)}
        </Button>
      ))}
    </div>
  );
}

/**
 * 提出问题 (/tickets/new): what the problem is about, what it is, optionally which project and a photo or PDF; for
 * an enterprise's own account in a minute on a phone, for the office or a township's editor after choosing the
 * enterprise. The files go right after the ticket is created; then its page opens.
 */
export function TicketRaisePage() {
  const { tt, complexity } = useTicketsI18n();
  const { message } = App.useApp();
  const { me } = useSession();
  const isPhone = Grid.useBreakpoint().md === false;
  const isEnterprise = me.role === 'enterprise';
  const [form] = Form.useForm<RaiseValues>();
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');

  // An enterprise account reads its one enterprise; the others search the registry by name or code.
  const own = useQuery({ ...enterpriseListQuery({}), enabled: isEnterprise });
  const found = useQuery({ ...enterpriseListQuery({ q: q || undefined }), enabled: !isEnterprise });
  const ownId = isEnterprise ? own.data?.items[0]?.id : undefined;
  const chosenId = Form.useWatch('enterpriseId', form);
  const enterpriseId = ownId ?? chosenId;
  const enterprise = useQuery({ ...enterpriseQuery(enterpriseId ?? 0), enabled: enterpriseId !== undefined });
  const projects = enterprise.data?.projects ?? [];
  // The chosen enterprise stays named while the search shows others.
  const enterpriseOptions = (found.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }));
  if (enterprise.data && !isEnterprise && !enterpriseOptions.some((o) => o.value === enterprise.data.id))
    enterpriseOptions.unshift({ value: enterprise.data.id, label: enterprise.data.name });

  // The search waits for a pause in typing: one request per word, not per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);

  const pick = (file: File) => {
    if (file.size > ATTACHMENT_LIMITS.maxFileBytes) {
      void message.error(tt('files.tooLarge', { name: file.name, mb: MB }));
      return false;
    }
    setFiles((chosen) => (chosen.length >= ATTACHMENT_LIMITS.perTicket ? chosen : [...chosen, file]));
    return false; // never antd's own request: the files go once the ticket exists
  };

  const submit = async (values: RaiseValues) => {
    setBusy(true);
    try {
      const body: TicketBody = {
        category: values.category!,
        description: values.description ?? '',
        complexity: values.complexity,
        projectId: values.projectId ?? null,
        ...(isEnterprise ? {} : { enterpriseId: values.enterpriseId }),
      };
      const raised = await ticketsApi.raise(body);
      // The ticket exists: a file refused is said, and the ticket's page still opens (more can be added there).
      for (const file of files) {
        try {
          await ticketsApi.attach(raised.id, file, file.name);
        } catch (e) {
          void message.error(errorMessage(e));
        }
      }
      void invalidateTickets();
      void message.success(tt('form.raised'));
      navigate(`/tickets/${raised.id}`, { replace: true });
    } catch (e) {
      const shown = placeApiError(form, e);
      if (shown) void message.error(shown);
      setBusy(false);
    }
  };

  return (
    <div data-testid="ticket-raise-page" style={{ maxWidth: 760 }}>
      <PageHeader title={tt('form.title')} />
      {own.error && <Alert type="error" showIcon title={errorMessage(own.error)} style={{ marginBottom: 12 }} />}
      <Card styles={{ body: { padding: isPhone ? 12 : 20 } }}>
        <Form<RaiseValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ complexity: 'general', projectId: null }}
          onFinish={(values) => void submit(values)}
          onValuesChange={(changed: Partial<RaiseValues>) => {
            if ('enterpriseId' in changed) form.setFieldValue('projectId', null);
          }}
          data-testid="ticket-form"
        >
          {isEnterprise ? (
            <Form.Item label={tt('form.enterprise')}>
              <Typography.Text strong data-testid="ticket-form-own-enterprise">
                {own.data?.items[0]?.name ?? '…'}
              </Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item
              name="enterpriseId"
              label={tt('form.enterprise')}
              rules={[{ required: true, message: tt('form.enterpriseRequired') }]}
            >
              <Select
                showSearch={{ filterOption: false, onSearch: setTyped }}
                placeholder={tt('form.enterpriseSearch')}
                loading={found.isFetching}
                options={enterpriseOptions}
                notFoundContent={found.isFetching ? tt('form.searching') : tt('form.noEnterprise')}
                size="large"
                data-testid="ticket-form-enterprise"
              />
            </Form.Item>
          )}
          <Form.Item
            name="category"
            label={tt('form.category')}
            rules={[{ required: true, message: tt('form.categoryRequired') }]}
          >
            <CategoryPicker />
          </Form.Item>
          <Form.Item
            name="description"
            label={tt('form.description')}
            rules={[{ required: true, whitespace: true, message: tt('form.descriptionRequired') }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 4, maxRows: 10 }}
              maxLength={4000}
              placeholder={tt('form.descriptionPlaceholder')}
              data-testid="ticket-form-description"
            />
          </Form.Item>
          <Form.Item name="projectId" label={tt('form.project')}>
            <Select
              allowClear
              placeholder={
                enterpriseId === undefined
                  ? tt('form.enterpriseFirst')
                  : projects.length
                    ? tt('form.projectPlaceholder')
                    : tt('form.noProjects')
              }
              disabled={projects.length === 0}
              options={projects.map((p) => ({ value: p.id, label: p.name }))}
              size="large"
              data-testid="ticket-form-project"
            />
          </Form.Item>
          <Form.Item name="complexity" label={tt('form.complexity')} extra={tt('form.complexityHint')}>
            <Segmented<Complexity>
              block
              size="large"
              options={COMPLEXITIES.map((c) => ({ value: c, label: complexity(c) }))}
              data-testid="ticket-form-complexity"
            />
          </Form.Item>
          <Form.Item label={tt('form.files')} extra={tt('files.limits', { mb: MB, n: ATTACHMENT_LIMITS.perTicket })}>
            <Upload
              accept={ACCEPT}
              multiple
              beforeUpload={pick}
              fileList={files.map((f, i) => ({ uid: String(i), name: f.name, status: 'done' as const }))}
              onRemove={(item) => setFiles((chosen) => chosen.filter((_, i) => String(i) !== item.uid))}
              data-testid="ticket-form-files"
            >
              <Button icon={<PaperClipOutlined />} size="large" data-testid="ticket-form-add-file">
                {tt('form.addFile')}
              </Button>
            </Upload>
          </Form.Item>
          <Form.Item style={{ marginBottom: 0 }}>
            <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
              <Button
                type="primary"
                htmlType="submit"
                size="large"
                loading={busy}
                block={isPhone}
                style={isPhone ? undefined : { minWidth: 160 }}
                data-testid="ticket-form-submit"
              >
                {tt('form.submit')}
              </Button>
              {!isPhone && (
                <Button size="large" onClick={() => navigate('/tickets')}>
                  {tt('form.cancel')}
                </Button>
              )}
            </div>
          </Form.Item>
        </Form>
      </Card>
    </div>
  );
}
