// Character classes, display width, CJK spacing and simplified/traditional keyword patterns.

/** Ideographs, CJK punctuation and full-width forms: text in which spaces carry no meaning. */
const WIDE = '[\\p{Script=Han}\\u2E80-\\u2FDF\\u3000-\\u303F\\uFE30-\\uFE4F\\uFF00-\\uFFEF“”‘’—…·《》]';

/** Traditional forms of the characters our keywords use; offices in HK/TW/MO and some
 *  mainland archives write 牽頭單位 for 牵头单位, and both must be recognised. */
const TRADITIONAL: Record<string, string> = {
  责: '責', 单: '單', 头: '頭', 牵: '牽', 门: '門', 时: '時', 务: '務', 点: '點', 节: '節', 内: '內', 总: '總',
  导: '導', 则: '則', 标: '標', 准: '準', 组: '組', 织: '織', 办: '辦', 达: '達', 于: '於', 学: '學', 长: '長',
  坚: '堅', 续: '續', 进: '進', 页: '頁', 关: '關', 闭: '閉', 顶: '頂', 览: '覽', 数: '數', 发: '發', 间: '間',
  号: '號', 项: '項', 举: '舉', 场: '場', 实: '實', 协: '協', 参: '參', 与: '與', 规: '規', 划: '劃', 计: '計',
  纲: '綱', 报: '報', 结: '結', 讲: '講', 话: '話', 况: '況', 开: '開', 题: '題', 备: '備', 构: '構', 条: '條',
  现: '現', 问: '問', 权: '權', 课: '課', 钟: '鐘', 个: '個', 万: '萬', 轮: '輪', 类: '類', 亿: '億', 应: '應',
  当: '當', 证: '證', 书: '書', 议: '議', 阶: '階', 体: '體', 护: '護', 设: '設', 处: '處', 码: '碼', 录: '錄',
  编: '編', 辑: '輯', 载: '載', 级: '級', 县: '縣', 区: '區', 复: '復', 满: '滿', 险: '險', 贯: '貫', 彻: '徹',
  营: '營', 还: '還', 经: '經', 费: '費', 缴: '繳', 诉: '訴', 领: '領', 队: '隊', 伍: '伍', 训: '訓', 练: '練',
  阅: '閱', 读: '讀', 转: '轉', 细: '細', 约: '約', 乡: '鄉', 镇: '鎮', 户: '戶', 布: '佈', 网: '網', 机: '機',
  据: '據', 测: '測', 评: '評', 价: '價', 监: '監', 督: '督', 检: '檢', 查: '查', 统: '統', 筹: '籌', 调: '調',
  动: '動', 员: '員', 会: '會', 称: '稱', 语: '語', 浏: '瀏', 过: '過', 范: '範', 围: '圍', 来: '來',
  访: '訪', 击: '擊', 识: '識', 联: '聯', 骤: '驟', 适: '適', 为: '為', 负: '負', 执: '執',
};

/** A regex source that matches `word` written in simplified or traditional characters. */
export function tc(word: string): string {
  let out = '';
  for (const ch of word) {
    const t = TRADITIONAL[ch];
    out += t && t !== ch ? `[${ch}${t}]` : escapeRe(ch);
  }
  return out;
}

/** Alternation of tc() over several words, longest first so that regexes prefer them. */
export function tcAny(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(tc).join('|');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Printed width in ideograph units: what a line of a hard-wrapped page is measured in. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += c < 0x1100 ? 0.5 : 1;
  }
  return w;
}

// Spaces that office converters leave between ideographs ("建设 实施方案") mean nothing;
// spaces next to Latin letters or digits ("XX 区", "9 月") are kept as written.
const CJK_SPACE = new RegExp(
  `(?<=${WIDE}|[,.;:!?()])[ \\t]+(?=${WIDE})|(?<=${WIDE})[ \\t]+(?=[,;:!?()])`,
  'gu',
);

/** Text as clerks should read it: CJK-internal spaces removed, runs of spaces collapsed. */
export function tidy(s: string): string {
  // Most strings tidied (units, titles) hold no blank at all.
  if (!/\s/.test(s)) return s;
  return s
    .replace(CJK_SPACE, '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

const SENTENCE_END = /[。！？!?]/;

/** Index of the first full stop outside quotes and brackets, or -1. */
export function sentenceEnd(s: string, ends: RegExp = SENTENCE_END): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] ?? '';
    if (ch === '(' || ch === '（' || ch === '“' || ch === '《') depth++;
    else if ((ch === ')' || ch === '）' || ch === '”' || ch === '》') && depth > 0) depth--;
    else if (depth === 0 && ends.test(ch)) return i;
  }
  return -1;
}

/** The first sentence of a paragraph without its final 。 (falls back to ；, then the whole). */
export function firstSentence(s: string): string {
  const para = s.split('\n', 1)[0] ?? '';
  const end = sentenceEnd(para);
  if (end >= 0) return para.slice(0, end).trim();
  const semi = para.search(/[；;]/);
  if (semi > 0) return para.slice(0, semi).trim();
  // "组织开展以下活动：" introduces its sub-items; the colon is not part of the title.
  return para.trim().replace(/[：:]$/, '');
}

/** Terminal punctuation: a line ending with it closes a paragraph. */
export function endsSentence(s: string): boolean {
  return /[。！？!?；;…:：]["”’」』)）]*$/.test(s.trimEnd());
}

export function countHan(s: string): number {
  let n = 0;
  for (const ch of s) if (/\p{Script=Han}/u.test(ch)) n++;
  return n;
}

/** Push `value` into `list` unless it is already there (order kept). */
export function pushUnique(list: string[], seen: Set<string>, value: string): void {
  if (!value || seen.has(value)) return;
  seen.add(value);
  list.push(value);
}
