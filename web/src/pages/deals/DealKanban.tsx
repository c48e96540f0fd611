// The kanban: one column per pipeline stage (线索 研判 在谈 签约 落地) with its count, the side exits 搁置/终止 in a
// second row, folded until opened. A card is dragged (HTML5 drag and drop) onto another column: only the columns in
// the card's `moves` take it, the others show they refuse it. Every card's menu offers the same moves, so a phone
// (where the columns become a stage picker) and a keyboard move cards too.
import { useRef, useState, type CSSProperties, type DragEvent } from 'react';
import { Badge, Button, Dropdown, Empty, Radio, Spin, Typography } from 'antd';
import { DownOutlined, MoreOutlined, RightOutlined, StopOutlined } from '@ant-design/icons';
import type { DealColumn, DealView } from '../../api-deals';
import { useDealsI18n } from '../../i18n-deals';
import { Link } from '../../components/Link';
import { PIPELINE_STAGES, type DealStage } from '../../../../src/domain/deals/deal-stages';
import { DealClockText, DealDot, dealAmountYuan, dealUrl, STAGE_COLOURS, useWan } from './shared';

const SIDE_STAGES: readonly DealStage[] = ['shelved', 'terminated'];
const TAG_HEX: Record<string, string> = {
  gold: '#d48806',
  cyan: '#08979c',
  processing: '#1677ff',
  orange: '#d46b08',
  success: '#389e0d',
  default: '#8c8c8c',
  error: '#cf1322',
};

interface KanbanProps {
  columns: DealColumn[];
  isPhone: boolean;
  /** A move asked for (by a drop or a menu); the caller posts it or asks what it needs. */
  onMove: (deal: DealView, to: DealStage) => void;
  /** The deal whose move is on its way. */
  busy: number | null;
  /** Where a column's other cards are listed, when it has more than it shows. */
  moreHref: (stage: DealStage) => string;
}

export function DealKanban({ columns, isPhone, onMove, busy, moreHref }: KanbanProps) {
  const [dragging, setDragging] = useState<DealView | null>(null);
  // The handlers read the dragged card here: a dragover may come before the render that follows dragstart.
  const dragged = useRef<DealView | null>(null);
  const [over, setOver] = useState<DealStage | null>(null);
  const [openSides, setOpenSides] = useState<Set<DealStage>>(new Set());
  const [phoneStage, setPhoneStage] = useState<DealStage>('lead');
  const { stage: stageLabel } = useDealsI18n();
  const byStage = new Map(columns.map((c) => [c.stage, c]));
  const column = (stage: DealStage): DealColumn =>
    byStage.get(stage) ?? { stage, stageLabel: stageLabel(stage), count: 0, cards: [] };

  const startDrag = (deal: DealView) => {
    dragged.current = deal;
    setDragging(deal);
  };
  const endDrag = () => {
    dragged.current = null;
    setDragging(null);
    setOver(null);
  };
  const dropProps = (stage: DealStage) => {
    const accepts = dragging !== null && dragging.moves.includes(stage);
    return {
      accepts,
      refuses: dragging !== null && !accepts && dragging.stage !== stage,
      isOver: over === stage && accepts,
      onDragOver: (e: DragEvent) => {
        const deal = dragged.current;
        if (!deal) return;
        if (deal.moves.includes(stage)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'move';
          if (over !== stage) setOver(stage);
        } else {
          e.dataTransfer.dropEffect = 'none';
        }
      },
      onDragLeave: () => over === stage && setOver(null),
      onDrop: (e: DragEvent) => {
        e.preventDefault();
        const deal = dragged.current;
        endDrag();
        if (deal && deal.moves.includes(stage)) onMove(deal, stage);
      },
    };
  };
  const card = (deal: DealView) => (
    <DealCard
      key={deal.id}
      deal={deal}
      busy={busy === deal.id}
      draggable={!isPhone && deal.moves.length > 0}
      isDragged={dragging?.id === deal.id}
      onDragStart={() => startDrag(deal)}
      onDragEnd={endDrag}
      onMove={onMove}
    />
  );

  if (isPhone) {
    // A phone picks one stage at a time: the stage buttons wrap, the cards stack below; moves from each card's menu.
    const shown = column(phoneStage);
    return (
      <div data-testid="deal-kanban" data-layout="picker">
        <Radio.Group
          value={phoneStage}
          onChange={(e) => setPhoneStage(e.target.value as DealStage)}
          optionType="button"
          buttonStyle="solid"
          style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginBottom: 12 }}
          data-testid="deal-stage-picker"
        >
          {[...PIPELINE_STAGES, ...SIDE_STAGES].map((s) => (
            <Radio.Button
              key={s}
              value={s}
              style={{ borderRadius: 6, borderInlineStartWidth: 1, paddingInline: 10 }}
              data-testid={`deal-stage-pick-${s}`}
            >
              {stageLabel(s)} {column(s).count}
            </Radio.Button>
          ))}
        </Radio.Group>
        <Column col={shown} moreHref={moreHref} drop={dropProps(shown.stage)}>
          {shown.cards.map(card)}
        </Column>
      </div>
    );
  }

  return (
    <div data-testid="deal-kanban" data-layout="columns" data-dragging={dragging ? dragging.id : undefined}>
      <div
        style={{ display: 'grid', gridTemplateColumns: `repeat(${PIPELINE_STAGES.length}, minmax(0, 1fr))`, gap: 8 }}
      >
        {PIPELINE_STAGES.map((s) => (
          <Column key={s} col={column(s)} moreHref={moreHref} drop={dropProps(s)}>
            {column(s).cards.map(card)}
          </Column>
        ))}
      </div>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
          gap: 8,
          marginTop: 8,
          alignItems: 'start',
        }}
      >
        {SIDE_STAGES.map((s) => {
          const open = openSides.has(s);
          const toggle = () =>
            setOpenSides((prev) => {
              const next = new Set(prev);
              if (open) next.delete(s);
              else next.add(s);
              return next;
            });
          return (
            <Column key={s} col={column(s)} moreHref={moreHref} drop={dropProps(s)} folded={!open} onToggle={toggle}>
              {open && column(s).cards.map(card)}
            </Column>
          );
        })}
      </div>
    </div>
  );
}

interface DropProps {
  accepts: boolean;
  refuses: boolean;
  isOver: boolean;
  onDragOver: (e: DragEvent) => void;
  onDragLeave: () => void;
  onDrop: (e: DragEvent) => void;
}

/** One stage: its header and count, its cards, and how it answers a card dragged over it. */
function Column({
  col,
  drop,
  moreHref,
  folded,
  onToggle,
  children,
}: {
  col: DealColumn;
  drop: DropProps;
  moreHref: (stage: DealStage) => string;
  folded?: boolean;
  onToggle?: () => void;
  children: React.ReactNode;
}) {
  const { td } = useDealsI18n();
  const { accepts, refuses, isOver, ...handlers } = drop;
  const hex = TAG_HEX[STAGE_COLOURS[col.stage]] ?? '#8c8c8c';
  const style: CSSProperties = {
    minWidth: 0,
    background: isOver ? '#bae0ff' : accepts ? '#e6f4ff' : '#f5f6f8',
    // An outline, not a border: React would let a changed border shorthand wipe the stage's coloured top.
    outline: accepts ? '2px dashed #1677ff' : 'none',
    outlineOffset: -2,
    borderTop: `3px solid ${hex}`,
    borderRadius: 8,
    padding: 8,
    opacity: refuses ? 0.45 : 1,
    cursor: refuses ? 'no-drop' : undefined,
    transition: 'background 120ms, opacity 120ms',
    display: 'flex',
    flexDirection: 'column',
    gap: 8,
  };
  const hidden = col.count - col.cards.length;
  return (
    <section
      {...handlers}
      style={style}
      data-testid={`deal-column-${col.stage}`}
      data-count={col.count}
      data-accepts={accepts ? 'true' : refuses ? 'false' : undefined}
      aria-label={col.stageLabel}
    >
      <header style={{ display: 'flex', alignItems: 'center', gap: 6, minHeight: 24 }}>
        {onToggle && (
          <Button
            type="text"
            size="small"
            icon={folded ? <RightOutlined /> : <DownOutlined />}
            onClick={onToggle}
            aria-expanded={!folded}
            aria-label={folded ? td('board.unfold') : td('board.fold')}
            data-testid={`deal-column-toggle-${col.stage}`}
          />
        )}
        <Typography.Text strong style={{ fontSize: 14 }}>
          {col.stageLabel}
        </Typography.Text>
        <Badge
          count={col.count}
          showZero
          color={col.count ? hex : '#bfbfbf'}
          overflowCount={9999}
          data-testid={`deal-column-count-${col.stage}`}
        />
        {refuses && (
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 'auto', whiteSpace: 'nowrap' }}>
            <StopOutlined /> {td('board.refuses')}
          </Typography.Text>
        )}
        {accepts && (
          <Typography.Text style={{ fontSize: 12, marginInlineStart: 'auto', color: '#1677ff', whiteSpace: 'nowrap' }}>
            {td('board.accepts')}
          </Typography.Text>
        )}
      </header>
      {!folded && col.count === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={td('board.emptyColumn')} style={{ margin: '8px 0' }} />
      )}
      {children}
      {!folded && hidden > 0 && (
        <Link to={moreHref(col.stage)} data-testid={`deal-column-more-${col.stage}`}>
          {td('board.more', { n: hidden })}
        </Link>
      )}
    </section>
  );
}

/** A deal on the board: its light, name, investor, amount and source, unit and team, its clock, and its menu of moves. */
function DealCard({
  deal,
  busy,
  draggable,
  isDragged,
  onDragStart,
  onDragEnd,
  onMove,
}: {
  deal: DealView;
  busy: boolean;
  draggable: boolean;
  isDragged: boolean;
  onDragStart: () => void;
  onDragEnd: () => void;
  onMove: (deal: DealView, to: DealStage) => void;
}) {
  const { td, stage } = useDealsI18n();
  const wan = useWan();
  const secondary: CSSProperties = { fontSize: 12, overflowWrap: 'anywhere' };
  return (
    <article
      draggable={draggable}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', String(deal.id));
        e.dataTransfer.effectAllowed = 'move';
        onDragStart();
      }}
      onDragEnd={onDragEnd}
      style={{
        background: '#fff',
        borderRadius: 6,
        padding: '8px 10px',
        boxShadow: '0 1px 2px rgba(0,0,0,0.08)',
        border: '1px solid #e8e8e8',
        cursor: draggable ? 'grab' : undefined,
        opacity: isDragged ? 0.5 : 1,
        display: 'flex',
        flexDirection: 'column',
        gap: 3,
        minWidth: 0,
      }}
      data-testid={`deal-card-${deal.id}`}
      data-stage={deal.stage}
      data-moves={deal.moves.join(',')}
    >
      <Spin spinning={busy} size="small">
        <div style={{ display: 'flex', alignItems: 'flex-start', gap: 6 }}>
          <DealDot colour={deal.colour} />
          <div style={{ flex: 1, minWidth: 0, fontWeight: 500, lineHeight: '18px', overflowWrap: 'anywhere' }}>
            <Link to={dealUrl(deal)} data-testid={`deal-link-${deal.id}`}>
              {deal.name}
            </Link>
          </div>
          {deal.moves.length > 0 && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: deal.moves.map((to) => ({
                  key: to,
                  label: td('move.to', { stage: stage(to) }),
                  danger: to === 'terminated',
                })),
                onClick: ({ key }) => onMove(deal, key as DealStage),
              }}
            >
              <Button
                type="text"
                size="small"
                icon={<MoreOutlined />}
                aria-label={td('move.menu')}
                style={{ marginTop: -4, marginInlineEnd: -6 }}
                data-testid={`deal-card-menu-${deal.id}`}
              />
            </Dropdown>
          )}
        </div>
        {deal.investorName && (
          <Typography.Text type="secondary" style={{ ...secondary, display: 'block' }}>
            {deal.investorName}
          </Typography.Text>
        )}
        <div style={{ ...secondary, fontVariantNumeric: 'tabular-nums' }}>
          <span style={{ whiteSpace: 'nowrap' }}>{wan(dealAmountYuan(deal))}</span>
          <Typography.Text type="secondary" style={secondary}>
            {' · '}
            {deal.sourceRegionLabel}
          </Typography.Text>
        </div>
        <Typography.Text type="secondary" style={{ ...secondary, display: 'block' }}>
          {[deal.unit.name, deal.team?.name].filter(Boolean).join(' · ')}
        </Typography.Text>
        {deal.clock && (
          <div style={secondary}>
            <DealClockText deal={deal} />
          </div>
        )}
      </Spin>
    </article>
  );
}
