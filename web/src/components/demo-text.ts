// Strings of the demo features, kept beside them.
export const DEMO_TEXT = {
  'zh-CN': {
    banner: (p: string) => `演示实例：数据为虚构的兰溪市样例，所有账号的密码均为 ${p}`,
    accounts: '演示账号（点击填入）',
    username: '用户名',
    role: '角色',
    unit: '单位',
    load: '载入演示县（兰溪市样例数据）',
    loadHint:
      '不想手工设置？载入一个虚构的兰溪市：真实的乡镇街道、部门平台、约 300 个项目和各角色账号，以及今年以来的月报、亮灯和通报。',
    loading: '正在按时间顺序重放演示县今年以来的每一步（建库、月报、审核、通报），约需 15 秒…',
  },
  en: {
    banner: (p: string) => `Demo instance: fictional sample data for 兰溪市; every account's password is ${p}`,
    accounts: 'Demo accounts (click to fill in)',
    username: 'Username',
    role: 'Role',
    unit: 'Unit',
    load: 'Load the demo county (sample 兰溪市)',
    loadHint:
      'Rather not set up by hand? Load a fictional 兰溪市: real townships, departments, about 300 projects and accounts of every role, with this year’s reports, lights and bulletins.',
    loading: 'Replaying the demo county’s year step by step (library, reports, reviews, bulletins); about 15 seconds…',
  },
};
