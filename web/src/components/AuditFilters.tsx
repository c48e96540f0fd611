import { useEffect, useState } from 'react';
import { Button, DatePicker, Input, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api, type Id, type User } from '../api';
import { useI18n, type MessageKey } from '../i18n';

/** What the audit list is filtered by, in the shape of GET /audit's query. */
export interface AuditFilter {
  objectType?: string;
  objectId?: string;
  userId?: Id;
  from?: string;
  to?: string;
}

/** Object types the first modules write; types seen in loaded events are added to the list. */
export const KNOWN_OBJECT_TYPES = ['project', 'unit', 'user', 'token', 'session', 'setup'];

/** Label of an audit object type, the code itself when unknown. */
export function objectTypeLabel(t: (key: MessageKey) => string, type: string): string {
  return KNOWN_OBJECT_TYPES.includes(type) ? t(`audit.type.${type}` as MessageKey) : type;
}

type Range = [Dayjs | null, Dayjs | null] | null;

/** The filter bar of the audit page; applies on 查询. */
export function AuditFilters({ seenTypes, onApply }: { seenTypes: string[]; onApply: (filter: AuditFilter) => void }) {
  const { t } = useI18n();
  const [objectType, setObjectType] = useState<string | undefined>();
  const [objectId, setObjectId] = useState('');
  const [userId, setUserId] = useState<Id | undefined>();
  const [range, setRange] = useState<Range>(null);
  const [users, setUsers] = useState<User[]>([]);

  useEffect(() => {
    api
      .listUsers({})
      .then((result) => setUsers(result.items))
      .catch(() => setUsers([]));
  }, []);

  const types = [...new Set([...KNOWN_OBJECT_TYPES, ...seenTypes])];

  const apply = () =>
    onApply({
      objectType,
      objectId: objectId.trim() || undefined,
      userId,
      from: range?.[0]?.startOf('day').toISOString(),
      to: range?.[1]?.endOf('day').toISOString(),
    });

  const reset = () => {
    setObjectType(undefined);
    setObjectId('');
    setUserId(undefined);
    setRange(null);
    onApply({});
  };

  const field = { width: 200, maxWidth: '100%' };
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }} data-testid="audit-filters">
      <Select
        allowClear
        placeholder={t('audit.objectType')}
        value={objectType}
        onChange={setObjectType}
        options={types.map((type) => ({ value: type, label: objectTypeLabel(t, type) }))}
        style={{ ...field, width: 150 }}
        data-testid="audit-filter-type"
      />
      <Input
        allowClear
        placeholder={t('audit.objectId')}
        value={objectId}
        onChange={(event) => setObjectId(event.target.value)}
        style={{ ...field, width: 150 }}
      />
      <Select
        allowClear
        placeholder={t('audit.actor')}
        value={userId}
        onChange={setUserId}
        showSearch={{ optionFilterProp: 'label' }}
        options={users.map((user) => ({ value: user.id, label: `${user.displayName}（${user.username}）` }))}
        style={field}
        data-testid="audit-filter-actor"
      />
      <DatePicker.RangePicker
        value={range}
        onChange={(value) => setRange(value)}
        style={{ width: 260, maxWidth: '100%' }}
      />
      <Button type="primary" icon={<SearchOutlined />} onClick={apply} data-testid="audit-filter-apply">
        {t('audit.filter')}
      </Button>
      <Button onClick={reset}>{t('common.reset')}</Button>
    </div>
  );
}
