import { TreeSelect } from 'antd';
import type { Id } from '../api';
import { unitSelectOptions, type UnitNode } from '../units';

interface UnitTreeSelectProps {
  roots: UnitNode[];
  value?: Id | null;
  onChange?: (value: Id | undefined) => void;
  placeholder?: string;
  /** Units that cannot be chosen (e.g. a unit and its subtree when choosing its new parent). */
  disabledIds?: Set<Id>;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'data-testid'?: string;
}

/** Chooses one unit from the tree, searchable by name; usable as a Form.Item control. */
export function UnitTreeSelect({ roots, value, onChange, disabledIds, ...rest }: UnitTreeSelectProps) {
  return (
    <TreeSelect<Id>
      {...rest}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next)}
      treeData={unitSelectOptions(roots, disabledIds)}
      treeDefaultExpandedKeys={roots.map((root) => root.unit.id)}
      showSearch={{ treeNodeFilterProp: 'title' }}
      listHeight={320}
    />
  );
}
