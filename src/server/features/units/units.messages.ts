/** Messages of the tree of units. Installed into the one message table by the feature index. */
export const UNIT_MESSAGES = {
  DUPLICATE_UNIT_NAME: {
    'zh-CN': '同一上级单位下已有名为“{name}”的单位',
    en: 'A unit named "{name}" already exists under the same parent',
  },
  UNIT_HAS_CHILDREN: {
    'zh-CN': '“{name}”下还有 {count} 个下级单位，不能删除',
    en: '"{name}" still has {count} sub-units and cannot be deleted',
  },
  UNIT_HAS_USERS: {
    'zh-CN': '“{name}”还有 {count} 个用户，不能删除',
    en: '"{name}" still has {count} users and cannot be deleted',
  },
  UNIT_HAS_PROJECTS: {
    'zh-CN': '“{name}”还有 {count} 个项目，不能删除',
    en: '"{name}" still has {count} projects and cannot be deleted',
  },
  UNIT_IS_ROOT: {
    'zh-CN': '不能删除或移动县（市、区）本级单位',
    en: 'The county unit itself cannot be deleted or moved',
  },
  UNIT_CYCLE: {
    'zh-CN': '不能把单位移到它自己或它的下级单位之下',
    en: 'A unit cannot move under itself or one of its sub-units',
  },
} as const;
