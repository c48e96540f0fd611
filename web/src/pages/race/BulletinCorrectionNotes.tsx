import { Alert, Tag } from 'antd';
import type { BulletinSummary } from '../../api-race';
import { formatTime } from '../../format';
import { useRaceI18n } from '../../i18n-race';
import { Link } from '../../components/Link';

/** 已被更正 / 更正通报 as a tag in lists: a superseded bulletin stays listed, marked; a correction says so. */
export function CorrectionTag({ bulletin }: { bulletin: BulletinSummary }) {
  const { tk } = useRaceI18n();
  if (bulletin.supersededBy) {
    return (
      <Tag color="default" style={{ marginInlineStart: 8 }} data-testid={`bulletin-superseded-tag-${bulletin.id}`}>
        {tk('bulletins.superseded')}
      </Tag>
    );
  }
  if (bulletin.corrects) {
    return (
      <Tag color="orange" style={{ marginInlineStart: 8 }} data-testid={`bulletin-correction-tag-${bulletin.id}`}>
        {tk('bulletins.correction')}
      </Tag>
    );
  }
  return null;
}

/**
 * On a bulletin's page: 已被更正 — by which correction, why and when — on a superseded one; and on a
 * correction, the bulletin it corrects and why. Both link to the other.
 */
export function BulletinCorrectionNotes({ bulletin }: { bulletin: BulletinSummary }) {
  const { tk } = useRaceI18n();
  const { supersededBy, corrects } = bulletin;
  return (
    <>
      {supersededBy && (
        <Alert
          type="warning"
          showIcon
          title={<span style={{ fontWeight: 600 }}>{tk('bulletins.superseded')}</span>}
          description={
            <div style={{ lineHeight: 1.7 }}>
              <div>
                {tk('bulletins.supersededBy', { title: supersededBy.title, docNumber: supersededBy.docNumber })}
              </div>
              <div>
                {tk('bulletins.supersededReason', { reason: supersededBy.reason, at: formatTime(supersededBy.at) })}
              </div>
              <Link to={`/bulletins/${supersededBy.id}`} data-testid="bulletin-correction-link">
                {tk('bulletins.viewCorrection')}
              </Link>
            </div>
          }
          style={{ marginBottom: 16 }}
          data-testid="bulletin-superseded"
        />
      )}
      {corrects && (
        <Alert
          type="info"
          showIcon
          title={<span style={{ fontWeight: 600 }}>{tk('bulletins.correction')}</span>}
          description={
            <div style={{ lineHeight: 1.7 }}>
              <div>{tk('bulletins.corrects', { title: corrects.title, docNumber: corrects.docNumber })}</div>
              <div>{tk('bulletins.correctsReason', { reason: corrects.reason })}</div>
              <Link to={`/bulletins/${corrects.id}`} data-testid="bulletin-original-link">
                {tk('bulletins.viewOriginal')}
              </Link>
            </div>
          }
          style={{ marginBottom: 16 }}
          data-testid="bulletin-corrects"
        />
      )}
    </>
  );
}
