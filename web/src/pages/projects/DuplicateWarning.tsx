// The duplicate guard of the project form: while a name, a code and a lead unit are typed, the projects
// they would repeat (GET /projects/duplicates) are named above the rest of the form, each a link opening
// in a new tab so that the form stays as typed. A warning, not a block: only a taken code is refused on save.
import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Form, Tag } from 'antd';
import type { Id } from '../../api';
import { projectsApi } from '../../api-projects';
import { useProjectsI18n } from '../../i18n-projects';
import { StageTag } from './shared';

/** The value once it has stopped changing for a moment, so that typing a name asks once, not per key. */
function useSettled<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function DuplicateWarning({ exceptId }: { exceptId?: Id }) {
  const { tp } = useProjectsI18n();
  const form = Form.useFormInstance();
  const name = useSettled(((Form.useWatch('name', form) as string | undefined) ?? '').trim());
  const code = useSettled(((Form.useWatch('code', form) as string | undefined) ?? '').trim());
  const unitId = Form.useWatch('leadUnitId', form) as Id | undefined;
  const asked = unitId !== undefined && (name.length >= 2 || code.length > 0);
  const found = useQuery({
    queryKey: ['projects', 'duplicates', unitId, name, code, exceptId],
    queryFn: () =>
      projectsApi.duplicates({
        unitId: unitId!,
        ...(name.length >= 2 ? { name } : {}),
        ...(code ? { code } : {}),
        ...(exceptId !== undefined ? { exceptId } : {}),
      }),
    enabled: asked,
    placeholderData: keepPreviousData,
  });
  const answer = asked ? found.data : undefined;
  if (!answer || (answer.items.length === 0 && !answer.codeTakenElsewhere)) return null;
  const codeTaken = answer.items.some((p) => p.sameCode);

  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={answer.items.length ? tp('form.duplicate.title') : tp('form.duplicate.codeHidden')}
      description={
        answer.items.length > 0 && (
          <>
            <ul style={{ margin: '4px 0 8px', paddingLeft: 18 }}>
              {answer.items.map((p) => (
                <li key={p.id} style={{ marginBottom: 4 }}>
                  <a
                    href={`/projects/${p.id}`}
                    target="_blank"
                    rel="noopener"
                    style={{ fontWeight: 500, wordBreak: 'break-all' }}
                    data-testid={`duplicate-link-${p.id}`}
                  >
                    {p.name}
                  </a>
                  <span style={{ color: 'rgba(0,0,0,0.55)', margin: '0 6px' }}>
                    {p.leadUnitName}
                    {p.code ? ` · ${p.code}` : ''}
                  </span>
                  <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap' }}>
                    <StageTag stage={p.stage} />
                    {p.sameName && <Tag color="orange">{tp('form.duplicate.sameName')}</Tag>}
                    {p.sameCode && <Tag color="red">{tp('form.duplicate.sameCode')}</Tag>}
                  </span>
                </li>
              ))}
            </ul>
            <div>{codeTaken ? tp('form.duplicate.codeBlocked') : tp('form.duplicate.hint')}</div>
          </>
        )
      }
      data-testid="project-duplicates"
    />
  );
}
