import { useEffect, useState } from 'react';
import { Button, DatePicker, Input, Select, Space, Switch, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api, type Id, type User } from '../api';
import {
  AUDIT_ACTIONS,
  AUDIT_OBJECT_TYPES,
  type AuditAction,
  type AuditObjectType,
} from '../../../src/domain/audit/audit-labels';
import { useAuditI18n } from '../i18n-audit';

/** What the audit list is filtered by, in the shape of GET /audit's query. */
export interface AuditFilter {
  objectType?: AuditObjectType;
  objectId?: string;
  action?: AuditAction;
  userId?: Id;
  from?: string;
  to?: string;
  includeSignIns?: boolean;
}

type Range = [Dayjs | null, Dayjs | null] | null;

/** The actions of an object type (`lightRules.update` belongs to `lightRules`), every action without one. */
function actionsOf(type: AuditObjectType | undefined): AuditAction[] {
  if (!type) return AUDIT_ACTIONS;
  const own = AUDIT_ACTIONS.filter((a) => a.split('.')[0] === type);
  // Exemptions and the first-run setup are recorded on projects and units under actions of their own.
  const extra: Partial<Record<AuditObjectType, AuditAction[]>> = {
    project: ['exemption.create'],
    unit: ['setup'],
    settings: ['reportCalendar.update', 'reportMonth.lock'],
  };
  return [...own, ...(extra[type] ?? [])];
}

/** The filter bar of the audit page; the selects apply at once, the rest on 查询. */
export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const { ta, action: actionName, objectType: typeName } = useAuditI18n();
  const [objectType, setObjectType] = useState<AuditObjectType | undefined>();
  const [action, setAction] = useState<AuditAction | undefined>();
  const [objectId, setObjectId] = useState('');
  const [userId, setUserId] = useState<Id | undefined>();
  const [range, setRange] = useState<Range>(null);
  const [includeSignIns, setIncludeSignIns] = useState(false);
  const [users, setUsers] = useState<User[]>([]);

  useEffect(() => {
    api
      .listUsers({})
      .then((result) => setUsers(result.items))
      .catch(() => setUsers([]));
  }, []);

  const current = (over: Partial<AuditFilter> = {}): AuditFilter => ({
    objectType,
    action,
    objectId: objectId.trim() || undefined,
    userId,
    from: range?.[0]?.startOf('day').toISOString(),
    to: range?.[1]?.endOf('day').toISOString(),
    includeSignIns,
    ...over,
  });

  const reset = () => {
    setObjectType(undefined);
    setAction(undefined);
    setObjectId('');
    setUserId(undefined);
    setRange(null);
    setIncludeSignIns(false);
    onApply({});
  };

  const field = { width: 180, maxWidth: '100%' };
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }} data-testid="audit-filters">
      <Select
        allowClear
        placeholder={ta('filter.objectType')}
        value={objectType}
        onChange={(value: AuditObjectType | undefined) => {
          setObjectType(value);
          const keep = action && actionsOf(value).includes(action) ? action : undefined;
          setAction(keep);
          onApply(current({ objectType: value, action: keep }));
        }}
        options={AUDIT_OBJECT_TYPES.map((type) => ({ value: type, label: typeName(type) }))}
        style={{ ...field, width: 150 }}
        data-testid="audit-filter-type"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={ta('filter.action')}
        value={action}
        onChange={(value: AuditAction | undefined) => {
          setAction(value);
          onApply(current({ action: value }));
        }}
        options={actionsOf(objectType).map((a) => ({ value: a, label: actionName(a) }))}
        style={field}
        data-testid="audit-filter-action"
      />
      <Select
        allowClear
        placeholder={ta('filter.actor')}
        value={userId}
        onChange={setUserId}
        showSearch={{ optionFilterProp: 'label' }}
        options={users.map((user) => ({ value: user.id, label: `${user.displayName}（${user.username}）` }))}
        style={field}
        data-testid="audit-filter-actor"
      />
      <Input
        allowClear
        placeholder={ta('filter.objectId')}
        value={objectId}
        onChange={(event) => setObjectId(event.target.value)}
        style={{ ...field, width: 130 }}
      />
      <DatePicker.RangePicker
        value={range}
        onChange={(value) => setRange(value)}
        style={{ width: 260, maxWidth: '100%' }}
      />
      <Space size={6} style={{ height: 32 }}>
        <Switch
          size="small"
          checked={includeSignIns}
          onChange={(checked) => {
            setIncludeSignIns(checked);
            onApply(current({ includeSignIns: checked }));
          }}
          data-testid="audit-filter-signins"
        />
        <Typography.Text>{ta('filter.signIns')}</Typography.Text>
      </Space>
      <Button
        type="primary"
        icon={<SearchOutlined />}
        onClick={() => onApply(current())}
        data-testid="audit-filter-apply"
      >
        {ta('filter.apply')}
      </Button>
      <Button onClick={reset}>{ta('filter.reset')}</Button>
    </div>
  );
}
