// Words of the unlock screen and the idle lock (i18next namespace `lock`), Chinese first; English has the same keys.
export const lockZh = {
  title: '台账已锁定',
  intro: '本机的台账已加密。请输入口令解锁。',
  passphrase: '口令',
  unlock: '解锁',
  unlocking: '正在解锁',
  protects: '加密可以防范:笔记本电脑或U盘丢失、被盗时,他人无法从数据文件夹读出台账和佐证材料(只能看到文件大小)。',
  notProtects: '加密不能防范:已解锁、正在使用的程序被他人操作。离开座位时请点“锁定”;闲置 {{minutes}} 分钟后程序也会自动锁定。',
  forgotten: '忘记口令将无法打开台账,也无人能够找回。',
  lockNow: '锁定',
  idleLabel: '闲置多久后自动锁定',
  idleMinutes: '{{n}} 分钟',
  idleSaved: '已设置:闲置 {{n}} 分钟后自动锁定。',
  section: '加密与锁定',
};

export const lockEn: typeof lockZh = {
  title: 'The ledger is locked',
  intro: 'The ledger on this PC is encrypted. Enter the passphrase to unlock it.',
  passphrase: 'Passphrase',
  unlock: 'Unlock',
  unlocking: 'Unlocking',
  protects: 'Encryption protects against a lost or stolen laptop or USB disk: nobody can read the ledger or its evidence from the data folder (only file sizes show).',
  notProtects: 'It does not protect a running, unlocked app from whoever uses it. Press “Lock” when you leave; the app also locks after {{minutes}} minutes without use.',
  forgotten: 'A forgotten passphrase cannot be recovered, and the ledger cannot be opened without it.',
  lockNow: 'Lock',
  idleLabel: 'Lock after this much idle time',
  idleMinutes: '{{n}} minutes',
  idleSaved: 'Set: the app locks after {{n}} minutes without use.',
  section: 'Encryption and locking',
};
