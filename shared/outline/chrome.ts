// Web-page chrome (breadcrumbs, print/close links, counters, ICP footers, metadata tables).

import { displayWidth, tc, tcAny } from './text';

const BRACKETS = '[\\s【】\\[\\]<>〈〉|｜·:：/()（）]';
const BUTTON_WORDS = [
  '打印本页', '打印此页', '打印页面', '打印', '关闭窗口', '关闭本页', '关闭', '返回顶部', '回到顶部',
  '返回', '收藏本页', '加入收藏', '收藏', '分享到', '分享', '保存本页', '字号', '字体', '默认',
  '放大', '缩小', '纠错', '上一篇', '下一篇', '大', '中', '小', 'TOP', 'top', '扫一扫', '微信',
  '微博', '手机版',
];
/** A line made only of buttons ("【返回顶部】 【打印本页】", "打印 关闭", "字号:大 中 小"). */
const BUTTONS_RE = new RegExp(`^(?:${BRACKETS}*(?:${tcAny(BUTTON_WORDS)}))+${BRACKETS}*$`, 'i');
const STRONG_BUTTON_RE = new RegExp(tcAny(['打印', '关闭', '返回顶部', '回到顶部', '收藏', '分享', '字号', '上一篇', '下一篇', '纠错']));
const END_BUTTON_RE = new RegExp(tcAny(['打印', '关闭', '返回顶部', '回到顶部']));

const BREADCRUMB_RE = new RegExp(
  `>>|»|＞＞|${tc('首页')}\\s*[>＞›»]|^(?:${tc('您')})?(?:${tcAny(['当前', '现在', '所在'])})(?:${tc('的')})?${tc('位置')}`,
);
const COUNTER_RE = new RegExp(
  tcAny(['浏览次数', '浏览量', '访问次数', '访问量', '阅读次数', '阅读量', '阅读数', '点击数', '点击率', '点击量', '点击次数']),
);
const META_PREFIX_RE = new RegExp(
  `^(?:${tcAny([
    '发布时间', '发布日期', '发文日期', '更新时间', '日期', '来源', '信息来源', '文章来源', '作者', '责任编辑',
    '编辑', '审核', '稿源', '供稿', '撰稿', '录入', '浏览', '访问',
  ])})\\s*[:：]`,
);
const FOOTER_RE = new RegExp(
  `ICP\\s*(?:${tcAny(['备', '證', '证'])})|${tcAny(['公网安备', '网站标识码', '版权所有', '技术支持', '联系我们', '网站地图'])}|Copyright|©`,
  'i',
);
const HOST_RE = new RegExp(`${tc('主办')}.*(?:${tcAny(['承办', '协办', '维护', '版权'])})|^(?:${tcAny(['主办单位', '承办单位', '主办', '承办'])})\\s*[:：]`);
const URL_RE = /https?:\/\/|www\.|[a-z0-9-]+\.(?:com|cn|net|org)\b/i;

/** Keys of the 政府信息公开 metadata table printed above a published notice. */
const META_KEYS = [
  '索引号', '发布机构', '发文机关', '文号', '发文字号', '组配分类', '主题分类', '体裁分类', '公开方式',
  '公开范围', '公开时限', '时效', '有效性', '成文日期', '发布日期', '生成日期', '所属机构', '信息分类',
  '主题词', '关键词', '信息名称', '效力状态', '废止日期', '内容概述', '统一编号', '公开形式', '公开时间',
  '发文单位', '服务对象', '所属主题',
];
const META_KEY_RE = new RegExp(`^(?:${tcAny(META_KEYS)})(?:\\s*[:：]|\\s+|$)`);
const META_KEY_ALONE_RE = new RegExp(`^(?:${tcAny(META_KEYS)})\\s*[:：]?$`);

function isButtonLine(line: string): boolean {
  return line.length <= 80 && BUTTONS_RE.test(line) && STRONG_BUTTON_RE.test(line);
}

/** Print/close/back-to-top: what a portal prints under the article, before its footer. */
export function isEndButtonLine(line: string): boolean {
  return isButtonLine(line) && END_BUTTON_RE.test(line);
}

/** Whether a (trimmed) line is page chrome rather than document text. */
export function isChromeLine(line: string): boolean {
  if (line.length > 160) return false;
  if (isButtonLine(line)) return true;
  const short = displayWidth(line) <= 60;
  if (BREADCRUMB_RE.test(line)) return true;
  if (short && COUNTER_RE.test(line)) return true;
  if (short && META_PREFIX_RE.test(line)) return true;
  if (FOOTER_RE.test(line) && displayWidth(line) <= 80) return true;
  if (short && HOST_RE.test(line)) return true;
  if (META_KEY_RE.test(line) && !/[。；;]/.test(line)) return true;
  if (displayWidth(line) <= 40 && URL_RE.test(line) && !/[。，,；;]/.test(line)) return true;
  return false;
}

/** A metadata key on its own line: its value follows on the next line. */
export function isMetaKeyAlone(line: string): boolean {
  return META_KEY_ALONE_RE.test(line);
}
