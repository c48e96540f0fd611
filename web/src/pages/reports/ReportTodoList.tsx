import { useMemo, useState } from 'react';
import { Button, Card, Empty, Input, Pagination, Segmented, Tag, Typography } from 'antd';
import { EditOutlined, FormOutlined, SendOutlined, TableOutlined } from '@ant-design/icons';
import type { TodoItem } from '../../api-reports';
import { useProjectsI18n } from '../../i18n-projects';
import { useReportsI18n } from '../../i18n-reports';
import { Link } from '../../components/Link';
import { navigate } from '../../router';
import { formatWan } from '../../../../src/domain/money/money';
import { STAGE_LABELS } from '../../../../src/domain/projects/lifecycle';
import { LateTag, ReportStateTag, type MonthRevisions } from './shared';

type Filter = 'all' | 'open' | 'submitted' | 'approved';

const PAGE_SIZE = 20;

/** What needs the filer's hand (the server says what the filer may do): nothing filed, a draft, or a returned report or correction. */
function isOpen(item: TodoItem, revisions: MonthRevisions | undefined): boolean {
  return item.can.file || item.can.edit || revisions?.pending?.can.edit === true;
}

export interface TodoActions {
  busyId: number | null;
  onFile: (item: TodoItem) => void;
  onEdit: (item: TodoItem, reportId: number) => void;
  onSubmit: (item: TodoItem, reportId: number) => void;
}

/** 本月待报: each project that must report for the month, where its report stands and what to do next. */
export function ReportTodoList({
  items,
  revisions,
  canFile,
  filingLink,
  actions,
}: {
  items: TodoItem[] | null;
  /** 本月填报: the month's grid. */
  filingLink: string;
  revisions: Map<number, MonthRevisions>;
  canFile: boolean;
  actions: TodoActions;
}) {
  const { tr } = useReportsI18n();
  const { label } = useProjectsI18n();
  const [filter, setFilter] = useState<Filter>('all');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = items ?? [];
  const manyUnits = new Set(list.map((i) => i.unitName)).size > 1;

  const counts = useMemo(() => {
    const c = { all: list.length, open: 0, submitted: 0, approved: 0 };
    for (const item of list) {
      if (isOpen(item, revisions.get(item.projectId))) c.open++;
      if (item.state === 'submitted') c.submitted++;
      if (item.state === 'approved') c.approved++;
    }
    return c;
  }, [list, revisions]);

  const shown = list.filter((item) => {
    if (filter === 'open' && !isOpen(item, revisions.get(item.projectId))) return false;
    if ((filter === 'submitted' || filter === 'approved') && item.state !== filter) return false;
    const needle = q.trim().toLowerCase();
    return !needle || item.projectName.toLowerCase().includes(needle) || item.unitName.toLowerCase().includes(needle);
  });
  const pageItems = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  const row = (item: TodoItem) => {
    const rev = revisions.get(item.projectId);
    const current = rev?.current && rev.current.id === item.reportId ? rev.current : null;
    const pending = rev?.pending ?? null;
    // The report the filer works on: a returned correction, else the current revision.
    const workOn = pending?.can.edit ? pending : item.can.edit ? { id: item.reportId! } : null;
    const returnReason =
      pending?.state === 'returned' ? pending.returnReason : item.state === 'returned' ? current?.returnReason : null;
    const busy = workOn !== null && actions.busyId === workOn.id;
    return (
      <div
        key={item.projectId}
        data-testid={`report-row-${item.projectId}`}
        data-state={item.state}
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          gap: '8px 16px',
          padding: '12px 0',
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        <div style={{ flex: '1 1 300px', minWidth: 0 }}>
          <Link to={`/projects/${item.projectId}`} style={{ fontWeight: 500 }}>
            {item.projectName}
          </Link>
          <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 6, marginTop: 4 }}>
            <ReportStateTag state={item.state} testId={`report-state-${item.projectId}`} />
            {item.isLate && <LateTag />}
            {pending && (
              <Tag
                color={pending.state === 'returned' ? 'error' : 'purple'}
                style={{ marginInlineEnd: 0 }}
                data-testid="report-correction-pending"
              >
                {tr(pending.state === 'returned' ? 'todo.correctionReturned' : 'todo.correctionPending')}
              </Tag>
            )}
            {item.amountYuan !== null && (
              <Typography.Text>{tr('todo.amount', { amount: formatWan(item.amountYuan) })}</Typography.Text>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {label(STAGE_LABELS, item.stage)}
              {manyUnits ? ` · ${item.unitName}` : ''}
            </Typography.Text>
          </div>
          {returnReason && (
            <Typography.Text
              type="danger"
              style={{ display: 'block', marginTop: 4 }}
              data-testid="report-return-reason"
            >
              {tr('todo.returnReason', { reason: returnReason })}
            </Typography.Text>
          )}
        </div>
        {canFile && (
          <div style={{ display: 'flex', gap: 8, flexShrink: 0 }}>
            {item.can.file && (
              <Button
                type="primary"
                icon={<FormOutlined />}
                onClick={() => actions.onFile(item)}
                data-testid={`report-file-${item.projectId}`}
              >
                {tr('action.file')}
              </Button>
            )}
            {workOn && (
              <>
                <Button
                  icon={<EditOutlined />}
                  disabled={busy}
                  onClick={() => actions.onEdit(item, workOn.id)}
                  data-testid={`report-edit-${workOn.id}`}
                >
                  {tr('action.edit')}
                </Button>
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={busy}
                  onClick={() => actions.onSubmit(item, workOn.id)}
                  data-testid={`report-submit-${workOn.id}`}
                >
                  {tr('action.submit')}
                </Button>
              </>
            )}
          </div>
        )}
      </div>
    );
  };

  const option = (value: Filter, text: string) => ({ value, label: `${text} ${counts[value]}` });

  return (
    <Card
      size="small"
      title={tr('todo.title')}
      extra={
        canFile && list.length > 0 ? (
          <Button
            type="primary"
            size="small"
            icon={<TableOutlined />}
            onClick={() => navigate(filingLink)}
            data-testid="reports-open-filing"
          >
            {tr('filing.open')}
          </Button>
        ) : undefined
      }
      loading={items === null}
      data-testid="reports-todo"
      style={{ marginBottom: 16 }}
      styles={{ body: { paddingTop: 8 } }}
    >
      <div
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: 8,
          alignItems: 'center',
          justifyContent: 'space-between',
          marginBottom: 4,
        }}
      >
        <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
          <Segmented<Filter>
            value={filter}
            onChange={(value) => {
              setFilter(value);
              setPage(1);
            }}
            options={[
              option('all', tr('todo.all')),
              option('open', tr('todo.open')),
              option('submitted', tr('todo.submitted')),
              option('approved', tr('todo.approved')),
            ]}
            data-testid="reports-todo-filter"
          />
        </div>
        {list.length > 8 && (
          <Input.Search
            allowClear
            placeholder={tr('todo.search')}
            onSearch={(value) => {
              setQ(value);
              setPage(1);
            }}
            onChange={(e) => {
              if (!e.target.value) setQ('');
            }}
            style={{ width: 220, maxWidth: '100%' }}
          />
        )}
      </div>
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tr(list.length ? 'todo.noMatch' : 'todo.empty')} />
      ) : (
        pageItems.map(row)
      )}
      {shown.length > PAGE_SIZE && (
        <Pagination
          size="small"
          current={page}
          pageSize={PAGE_SIZE}
          total={shown.length}
          onChange={setPage}
          showSizeChanger={false}
          style={{ marginTop: 12, justifyContent: 'flex-end' }}
        />
      )}
    </Card>
  );
}
