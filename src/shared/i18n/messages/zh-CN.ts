/** 简体中文 — the default language of the console. The English catalogue must have exactly these keys. */
export const zhCN = {
  app: {
    name: 'Floorguard 应急值守台',
    tagline: '客服中心应急处置控制台',
  },
  nav: {
    label: '主导航',
    calls: '手工记录表',
    incident: '事件',
    checklist: '处置清单',
    contacts: '通讯录',
    power: '电源与线路',
    reports: '报告',
    settings: '设置',
    shortcutHint: 'Alt+{{key}}',
  },
  status: {
    label: '状态栏',
    online: '网络正常',
    offline: '网络中断',
    pendingSync: '待同步 {{count}} 条',
    power: '电源',
    powerUnknown: '未监测',
    host: {
      electron: '桌面版',
      harness: '浏览器调试宿主',
    },
  },
  language: {
    label: '语言',
    switchTo: 'English',
  },
  placeholder: {
    calls: '坐席在 CRM 或网络中断时在此登记每一通来电。',
    incident: '值班长在此宣布事件、定级并按通讯录逐级上报。',
    checklist: '当前事件的处置清单与倒计时。',
    contacts: '应急指挥中心与各小组的联系人。',
    power: 'UPS、坐席电源与主备线路状态。',
    reports: '事件报告与周例会回顾。',
  },
  settings: {
    title: '本席位设置',
    agentName: '坐席姓名',
    seatName: '席位号',
    save: '保存',
    saved: '已保存',
  },
  tray: {
    openConsole: '打开控制台',
    quit: '退出 Floorguard',
    online: '网络正常',
    offline: '网络中断',
    pending: '待同步 {{count}} 条',
  },
  errors: {
    ipc: {
      invalid_request: '请求内容不正确：{{detail}}',
      invalid_response: '后台返回了无法识别的数据：{{detail}}',
      unknown_channel: '未知的后台功能：{{detail}}',
      forbidden: '没有权限：{{detail}}',
      unavailable: '后台服务暂不可用：{{detail}}',
      internal: '后台出错：{{detail}}',
    },
  },
} as const;
