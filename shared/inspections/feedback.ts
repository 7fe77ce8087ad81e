// The feedback document (督察反馈意见) built from a review: scope, method, judgement by verdict, problems, rectification list, signature, photos.
import { cnNumber } from '../report/common';
import { zhDate } from '../report/period';
import type { Block, ReportDoc } from '../report/types';
import { parseQuarterId, quarterLabelZh } from '../periods';
import { fullWidthPunctuation } from '../zh-punctuation';
import type { ReviewDetail, ReviewItem, Verdict } from './types';

export interface FeedbackPhoto {
  caption: string;
  mime: 'image/png' | 'image/jpeg';
  base64: string;
  width: number;
  height: number;
}

export interface FeedbackInput {
  review: ReviewDetail;
  planTitle: string | null;
  sectionNames: string[];
  departmentNames: string[];
  /** Inspectors' files that are pictures, for the annex; others are listed by name. */
  photos: FeedbackPhoto[];
  otherFiles: string[];
  /** Signature date when unsigned (YYYY-MM-DD). */
  today: string;
}

const JUDGED: Verdict[] = ['符合', '基本符合', '不符合'];
const HASH = '@@HASH@@';

export function feedbackTitle(review: { name: string }): string {
  return fullWidthPunctuation(`关于${review.name}的督察反馈意见`);
}

function scopeSentence(i: FeedbackInput): string {
  const q = parseQuarterId(i.review.scope.periodId);
  const parts = [
    i.planTitle ? `《${i.planTitle}》` : '全部实施方案',
    i.sectionNames.length ? `中“${i.sectionNames.join('”“')}”部分` : '',
    i.departmentNames.length ? `由${i.departmentNames.join('、')}牵头或负责` : '',
  ].join('');
  return `本次督察的范围是${parts}的措施,共${i.review.items.length}项,对照${q ? quarterLabelZh(q) : i.review.scope.periodId}的推进情况和佐证材料进行检查。`;
}

function when(r: ReviewDetail): string {
  if (r.startsOn && r.endsOn && r.startsOn !== r.endsOn) return `${zhDate(r.startsOn)}至${zhDate(r.endsOn)}`;
  return r.startsOn ? zhDate(r.startsOn) : '近期';
}

function problemBlocks(items: ReviewItem[], verdict: Verdict, n: number): Block[] {
  const list = items.filter((i) => i.verdict === verdict);
  const out: Block[] = [{ type: 'h2', text: `(${cnNumber(n)})评定为“${verdict}”的措施(${list.length}项)` }];
  if (!list.length) return [...out, { type: 'p', text: '无。' }];
  return [...out, ...list.map((i, k): Block => ({ type: 'p', lead: `${k + 1}.第${i.number}项“${i.title}”。`, text: i.finding.trim() || '督察组未填写具体问题。' }))];
}

export function buildFeedback(i: FeedbackInput): ReportDoc {
  const r = i.review;
  const c = r.counts;
  const pct = (n: number) => (c.total ? `${((n / c.total) * 100).toFixed(1)}%` : '—');
  const rects = r.items.filter((x) => x.rectification);
  const blocks: Block[] = [
    { type: 'p', text: `根据工作安排,督察组(${r.reviewerNames.join('、') || '督察组成员'})于${when(r)}对法治政府建设工作进行了督察。现将督察意见反馈如下。` },
    { type: 'h1', text: '一、督察范围和方式' },
    { type: 'p', text: scopeSentence(i) },
    { type: 'p', text: '督察组采取听取汇报、查阅工作台账和佐证材料、现场察看等方式,逐项对照措施的推进情况和佐证材料作出评定。评定分为符合、基本符合、不符合三档,未能核实的记为未检查。' },
    { type: 'h1', text: '二、总体评价' },
    { type: 'p', text: `本次督察共检查措施${c.total}项,其中符合${c.符合}项、基本符合${c.基本符合}项、不符合${c.不符合}项,未检查${c.未检查}项。` },
    { type: 'table', head: ['评定', '项数', '占比'], widths: [40, 30, 30], rows: [...JUDGED, '未检查' as const].map((v) => [v, String(c[v]), pct(c[v])]).concat([['合计', String(c.total), c.total ? '100%' : '—']]) },
    { type: 'h1', text: '三、存在的问题' },
    ...problemBlocks(r.items, '不符合', 1),
    ...problemBlocks(r.items, '基本符合', 2),
    { type: 'h1', text: '四、整改要求' },
  ];
  if (!rects.length) blocks.push({ type: 'p', text: '本次督察未提出整改要求。' });
  else {
    blocks.push({ type: 'p', text: `请下列责任单位在整改期限内完成整改,在法治台账中反馈整改落实情况并附佐证材料,由法治机构审核销号。共${rects.length}项:` });
    blocks.push({
      type: 'table',
      head: ['序号', '措施', '整改要求', '责任单位', '整改期限'],
      widths: [7, 28, 35, 16, 14],
      rows: rects.map((x, k) => [String(k + 1), `${x.number} ${x.title}`, x.rectification!.requirement, x.rectification!.departmentName, zhDate(x.rectification!.dueOn)]),
    });
  }
  const sig = r.signature;
  // The hash goes in after punctuation so that it stays exactly as computed.
  blocks.push({ type: 'p', text: sig ? `本意见由督察组组长${sig.signerName}于${zhDate(sig.signedAt.slice(0, 10))}签署,校验码(SHA-256)：${HASH}。` : '本意见尚未签署,仅供核对。' });
  blocks.push({ type: 'signature', issuer: `督察组组长:${sig?.signerName ?? r.leadName ?? ''}`, date: zhDate(sig ? sig.signedAt.slice(0, 10) : i.today) });
  if (i.photos.length || i.otherFiles.length) {
    blocks.push({ type: 'h1', text: '附件:现场照片和材料' });
    for (const p of i.photos) blocks.push({ type: 'image', ...p });
    if (i.otherFiles.length) blocks.push({ type: 'p', text: `其他现场材料:${i.otherFiles.join(';')}。` });
  }
  const punct = (b: Block): Block => {
    switch (b.type) {
      case 'p':
        return { ...b, text: fullWidthPunctuation(b.text), ...(b.lead === undefined ? {} : { lead: fullWidthPunctuation(b.lead) }) };
      case 'table':
        return { ...b, rows: b.rows.map((row) => row.map(fullWidthPunctuation)) };
      case 'h1':
      case 'h2':
      case 'h3':
        return { ...b, text: fullWidthPunctuation(b.text) };
      case 'signature':
        return { ...b, issuer: fullWidthPunctuation(b.issuer) };
      case 'image':
        return { ...b, caption: fullWidthPunctuation(b.caption) };
      default:
        return b;
    }
  };
  const done = blocks.map(punct).map((b) => (b.type === 'p' && sig ? { ...b, text: b.text.replace(HASH, sig.sha256) } : b));
  return { kind: 'feedback', title: feedbackTitle(r), subtitle: r.revision > 1 ? `(第${r.revision}版)` : '', figures: { total: c.total, notStarted: 0, inProgress: 0, done: 0, notApplicable: 0, overdue: 0, withoutEvidence: 0 }, blocks: done, landscape: false };
}
