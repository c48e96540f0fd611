import type { ThemeConfig } from 'antd';

/** Government-dashboard look: deep navy navigation, a sober blue accent, compact radii. */
export const NAVY = '#0f2a4a';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d5fb4',
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { siderBg: NAVY, headerBg: '#ffffff', bodyBg: '#f0f2f5', headerPadding: '0 16px', headerHeight: 56 },
    Menu: { darkItemBg: NAVY, darkSubMenuItemBg: '#0b2140', darkPopupBg: NAVY, darkItemSelectedBg: '#1d5fb4' },
  },
};
