// Words of reading progress, sign-in and roles (i18next namespace `security`), Chinese first; English has the same keys.
export const securityZh = {
  cancelReading: '取消读取',
  readingStep: { read: '正在读取文件', parse: '正在识别措施', store: '正在生成预览' },
};

export const securityEn: typeof securityZh = {
  cancelReading: 'Stop reading',
  readingStep: { read: 'Reading the file', parse: 'Finding the measures', store: 'Preparing the preview' },
};
