/**
 * The columns of an enterprise ledger (企业名录) as townships keep it: one row per enterprise, its
 * name and 统一社会信用代码, trade, scale, township, address, one contact and its flags. The trade,
 * township and address read as a project ledger's do (project-columns.ts); the credit code is read
 * as text here and checked by its check character when the row is checked, with the registry's rules.
 * Pure.
 */
import { col, COLUMN_BY_FIELD, PROJECT_COLUMNS, registerColumns, type ProjectColumn } from './project-columns.ts';
import { labelsOf } from './project-enums.ts';

const shared = (field: 'industryCode' | 'township' | 'address', over: Partial<ProjectColumn>): ProjectColumn => ({
  ...PROJECT_COLUMNS.find((c) => c.field === field)!,
  required: false,
  ...over,
});

export const ENTERPRISE_COLUMNS: readonly ProjectColumn[] = [
  col({
    field: 'enterpriseName',
    header: '企业名称',
    variants: ['企业', '单位名称', '企业全称', '公司名称', '名称', '企业（单位）名称', '市场主体名称'],
    example: '兰溪市某某纺织有限公司',
    required: true,
    kind: 'text',
    hint: '2 至 120 个字，与营业执照一致',
  }),
  col({
    field: 'creditCode',
    header: '统一社会信用代码',
    variants: ['信用代码', '社会信用代码', '统一信用代码', '统一代码', '纳税人识别号'],
    example: '91330781MA2ABCDE1X',
    kind: 'text',
    hint: '18 位统一社会信用代码；已登记的企业按代码更新',
  }),
  shared('industryCode', {
    header: '行业代码',
    variants: ['国民经济行业', '行业', '所属行业', '行业分类', '国民经济行业分类', '行业类别', '行业门类'],
    example: 'C17 纺织业',
    hint: '应为 GB/T 4754 行业大类，如 C17、17 或 纺织业',
  }),
  col({
    field: 'scale',
    header: '规模',
    variants: ['企业规模', '是否规上', '规上规下', '规模类型', '是否规模以上'],
    example: '规上',
    required: true,
    kind: 'enum',
    enumLabels: labelsOf('scale'),
    hint: `应为 ${labelsOf('scale').join('、')} 之一`,
  }),
  shared('township', {
    required: true,
    variants: ['乡镇', '乡镇（街道）', '所在乡镇（街道）', '乡镇街道', '所属乡镇', '属地', '所在地'],
    example: '女埠街道',
    hint: '应为乡镇、街道或平台的名称',
  }),
  shared('address', {
    header: '地址',
    variants: ['企业地址', '注册地址', '经营地址', '住所', '生产经营地址'],
    example: '兰溪市女埠街道工业园区',
  }),
  col({
    field: 'contactName',
    header: '联系人',
    variants: ['企业联系人', '联系人姓名', '负责人'],
    example: '王经理',
    kind: 'text',
    hint: '最多 40 个字',
  }),
  col({
    field: 'contactPhone',
    header: '联系电话',
    variants: ['电话', '手机', '联系方式', '手机号码', '联系人电话'],
    example: '13857900000',
    kind: 'text',
    hint: '手机号或固定电话，如 13800000000、0579-88888888',
  }),
  col({
    field: 'flags',
    header: '标识',
    variants: ['企业标识', '企业类型', '荣誉资质', '资质', '企业标签', '标签'],
    example: '专精特新、高新技术企业',
    kind: 'tags',
    hint: '专精特新、小巨人、高新技术企业、上市、拟上市，以顿号或逗号分隔',
  }),
];

registerColumns(ENTERPRISE_COLUMNS.filter((c) => !COLUMN_BY_FIELD.has(c.field)));
