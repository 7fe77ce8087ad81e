// Keyword lists shared by the line classifier, the table reader and the field extractors.

import { tc, tcAny } from './text';

const LEAD_KEYS = ['牵头单位', '牵头部门', '主责单位', '主责部门', '牵头责任单位'];
const RESP_KEYS = [
  '责任单位', '责任部门', '配合单位', '配合部门', '协办单位', '协办部门', '参与单位', '参与部门',
  '协同单位', '协同部门', '成员单位',
];
const DEADLINE_KEYS = [
  '完成时限', '完成时间', '时间节点', '时限要求', '完成期限', '办结时限', '时间要求', '时间安排',
  '进度安排', '时限',
];
const GOAL_KEYS = ['目标', '工作目标', '主要目标', '目标任务'];
const MEASURE_BLOCK_KEYS = ['措施', '主要措施', '具体措施', '工作措施', '推进措施', '重点措施', '主要举措', '具体举措'];

/** Sections that only give context (指导思想 …): what sits under them is never a measure. */
const STRONG_PREAMBLE = [
  '总体要求', '指导思想', '基本原则', '工作原则', '总体目标', '主要目标', '工作目标', '目标任务',
  '衡量标准', '总体思路', '基本思路', '工作思路', '适用范围', '编制依据', '重要意义', '发展目标',
  '基本要求', '目标要求', '任务目标', '总则',
];
/** Closing sections (组织保障 …): context unless they hold numbered measures of their own. */
const WEAK_PREAMBLE = [
  '工作要求', '组织保障', '保障措施', '组织领导', '组织实施', '实施步骤', '工作步骤', '进度安排',
  '实施保障', '有关要求', '工作保障', '相关要求', '其他事项', '附则', '方法步骤', '时间安排', '推进步骤', '实施安排', '步骤安排',
];

const colon = '\\s*[:：]';
const LEAD_KEY_SRC = tcAny(LEAD_KEYS);
const RESP_KEY_SRC = tcAny(RESP_KEYS);
const DEADLINE_KEY_SRC = tcAny(DEADLINE_KEYS);

/** Any attribution key followed by a colon; groups 1–3 tell lead, responsible and deadline apart. */
export const ANY_KEY_SRC = `(${LEAD_KEY_SRC})${colon}|(${RESP_KEY_SRC})${colon}|(${DEADLINE_KEY_SRC})${colon}`;
/** Where each lead/responsible/deadline value starts. */
export const ANY_KEY_RE = new RegExp(ANY_KEY_SRC, 'g');

/** A line that starts with an attribution key: it belongs to the measure above it. */
export const KEY_LINE_RE = new RegExp(`^[(（]?\\s*(?:${LEAD_KEY_SRC}|${RESP_KEY_SRC}|${DEADLINE_KEY_SRC})${colon}`);

/** 牵头 in either script: a unit that leads. */
export const LEAD_WORD_RE = new RegExp(tc('牵头'));

export const GOAL_LINE_RE = new RegExp(`^(?:${tcAny(GOAL_KEYS)})${colon}\\s*`);
export const MEASURE_BLOCK_RE = new RegExp(`^(?:${tcAny(MEASURE_BLOCK_KEYS)})${colon}\\s*`);
/** 目标: inside a heading line ("(七)全面提高…能力 目标:…"), after a blank or a full stop. */
export const INLINE_GOAL_RE = new RegExp(`(?:\\s+|(?<=[。]))(?:${tcAny(GOAL_KEYS)})${colon}`);

export const STRONG_PREAMBLE_RE = new RegExp(`^(?:${tcAny(STRONG_PREAMBLE)})`);
export const WEAK_PREAMBLE_RE = new RegExp(`^(?:${tcAny(WEAK_PREAMBLE)})`);
export const PREAMBLE_WORD_RE = new RegExp(`^(?:${tcAny([...STRONG_PREAMBLE, ...WEAK_PREAMBLE])})`);

/** What a unit's name ends with (局, 委, 办, 中心, 街道 …). */
export const UNIT_END = '(?:局|委|办|院|部|室|厅|署|中心|会|所|队|站|处|科|组|庭|政府|街道|镇街|镇|乡|村|社区|部门|单位|公司|团|馆|校|行|[)）\\]】])';
