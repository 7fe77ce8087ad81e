// Words of reading progress, sign-in and roles (i18next namespace `security`), Chinese first; English has the same keys.
export const securityZh = {
  cancelReading: '取消读取',
  readingStep: { read: '正在读取文件', parse: '正在识别措施', store: '正在生成预览' },
  signInTitle: '登录为 {{name}}',
  setTitle: '设置我的密码',
  password: '密码',
  current: '当前密码',
  newPassword: '新密码(至少 6 位)',
  signIn: '登录',
  save: '保存',
  cancel: '取消',
  setPassword: '设置密码',
  passwordSet: '密码已设置。下次切换到您时需要输入密码。',
};

export const securityEn: typeof securityZh = {
  cancelReading: 'Stop reading',
  readingStep: { read: 'Reading the file', parse: 'Finding the measures', store: 'Preparing the preview' },
  signInTitle: 'Sign in as {{name}}',
  setTitle: 'Set my password',
  password: 'Password',
  current: 'Current password',
  newPassword: 'New password (at least 6 characters)',
  signIn: 'Sign in',
  save: 'Save',
  cancel: 'Cancel',
  setPassword: 'Set password',
  passwordSet: 'Password set. Switching to you will ask for it.',
};
