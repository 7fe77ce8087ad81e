// The parser's parts on their own: noise removal, labels, units, deadlines, targets.
import { describe, expect, it } from 'vitest';
import { isChromeLine } from '../../../shared/outline/chrome';
import { normalizeChars, stripPageNumbers, toLines } from '../../../shared/outline/clean';
import { documentDeadline, findDate, measureDeadline } from '../../../shared/outline/deadline';
import { parseLabel, splitHeading } from '../../../shared/outline/labels';
import { findTargets } from '../../../shared/outline/targets';
import { firstSentence, tidy } from '../../../shared/outline/text';
import { findUnits, splitUnits } from '../../../shared/outline/units';

describe('page numbers', () => {
  it('are removed in every form, even inside a word', () => {
    expect(stripPageNumbers('全面清理— 2 — 行政审批事项').text).toBe('全面清理行政审批事项');
    expect(stripPageNumbers('合作,— 23 — 坚持').text).toBe('合作,坚持');
    expect(stripPageNumbers('—2—').text).toBe('');
    expect(stripPageNumbers('- 3 -').text).toBe('');
    expect(stripPageNumbers('－12－').text).toBe('');
    expect(stripPageNumbers('第 3 页').text).toBe('');
    expect(stripPageNumbers('第3页 共10页').text).toBe('');
    expect(stripPageNumbers('建立专家库— 9 —').text).toBe('建立专家库');
  });

  it('leave year ranges, phone numbers and hyphenated numbers alone', () => {
    for (const s of ['(2017—2020年)', '2016-2020年', '联系电话:023-40777005', '每年确定1-2个', '苏依法﹝2021﹞1号']) {
      expect(stripPageNumbers(s).text).toBe(s);
    }
  });

  it('mark a page break so that the next line continues the sentence', () => {
    const lines = toLines('完善社会稳定风险评估专\n— 9 —\n家库,推行备案制度。\n— 10 — 辞职、退休');
    expect(lines.map((l) => [l.text, l.breakBefore])).toEqual([
      ['完善社会稳定风险评估专', false],
      ['家库,推行备案制度。', true],
      ['辞职、退休', true],
    ]);
  });
});

describe('character normalisation', () => {
  it('maps Kangxi radicals and compatibility ideographs but keeps full-width punctuation', () => {
    expect(normalizeChars('⽉底前，全⾯落实（牵头部⻔：区⺠政局）')).toBe('月底前，全面落实（牵头部门：区民政局）');
    expect(normalizeChars('\uF900')).toBe('豈');
    expect(normalizeChars('\uFEFFa\u00A0b\u3000c\r\nd\re')).toBe('a b c\nd\ne');
    expect(normalizeChars('１２．')).toBe('12．');
  });

  it('keeps the traditional NFKC form in a traditional document', () => {
    expect(normalizeChars('⾨戶開關')).toBe('門戶開關');
    expect(normalizeChars('⾨户开关')).toBe('门户开关');
  });

  it('removes spaces between ideographs only', () => {
    expect(tidy('大渡口区法治政府建设 实施方案(2017—2020年)')).toBe('大渡口区法治政府建设实施方案(2017—2020年)');
    expect(tidy('XX 区认真贯彻,去年 9 月')).toBe('XX 区认真贯彻,去年 9 月');
    expect(tidy('中共曹县县委  曹县人民政府')).toBe('中共曹县县委曹县人民政府');
  });
});

describe('web chrome lines', () => {
  it('are recognised', () => {
    for (const s of [
      '>>当前位置:曹县人民政府法制办公室 >> 规范性文件 >>', '您当前的位置:首页 >政务公开', '【返回顶部】 【打印本页】 【关闭窗口】',
      '打印 关闭', '发布时间:2017-7-26 浏览次数: 435', '鲁ICP备10010757号-1', '曹县人民政府主办曹县人民政府办公室承办',
      '索引号 11320900014355718M/2021-01213 组配分类 公共文化服务', '时效 有效', '字号：大 中 小', '【打印】【关闭】',
    ]) expect(isChromeLine(s), s).toBe(true);
  });

  it('leave document text alone', () => {
    for (const s of [
      '一、总体要求', '曹县法治政府建设实施纲要', '打印机采购管理办法的修订工作', '落实行政执法案件主办人制度。',
      '时效性要求：各单位要及时报送。', '关闭违法违规企业，严格执法。',
    ]) expect(isChromeLine(s), s).toBe(false);
  });
});

describe('labels', () => {
  it('give path labels in the agreed forms', () => {
    const cases: [string, string, string][] = [
      ['二、主要任务', 'cn', '二'], ['（一）指导思想', 'cn-paren', '(一)'], ['(十二)加强', 'cn-paren', '(十二)'],
      ['1.明确', 'arabic', '1'], ['12、推进', 'arabic', '12'], ['3．加强', 'arabic', '3'], ['（1）完善', 'arabic-paren', '(1)'],
      ['⑵落实', 'arabic-paren', '(2)'], ['①建立', 'circled', '①'], ['2)开展', 'arabic-half', '2)'],
    ];
    for (const [line, style, label] of cases) expect(parseLabel(line), line).toMatchObject({ style, label });
  });

  it('are not read into numbers, years or prose', () => {
    for (const s of ['1.5万元', '2020年基本建成', '一是落实', '(2016-2020年)', '(牵头单位:县编办)', '十八大以来', '3.5%']) {
      expect(parseLabel(s), s).toBeNull();
    }
  });

  it('split headings from the text that shares their line', () => {
    expect(splitHeading('指导思想高举中国特色社会主义伟大旗帜,全面贯彻落实党的十八大精神,为曹县提供法治保障。')).toMatchObject({ heading: '指导思想' });
    expect(splitHeading('强化领导责任。法治政府建设是重点任务。')).toEqual({ heading: '强化领导责任', body: '法治政府建设是重点任务。', goal: '' });
    expect(splitHeading('全面提高依法行政能力 目标:政府工作人员牢固树立法治理念。')).toEqual({
      heading: '全面提高依法行政能力', body: '', goal: '目标:政府工作人员牢固树立法治理念。',
    });
    expect(splitHeading('组织保障和落实机制').heading).toBe('组织保障和落实机制');
    expect(splitHeading('强化组织领导 “能够承载法律旺盛生命力的政府必须是一个法治政府。”区委高度重视').heading).toBe('强化组织领导');
  });

  it('give titles by first sentence, quotes and parentheses kept whole', () => {
    expect(firstSentence('深化“放管服”改革。分级分类推进。')).toBe('深化“放管服”改革');
    expect(firstSentence('加强管理(详见《办法。》)。其后')).toBe('加强管理(详见《办法。》)');
  });
});

describe('units', () => {
  it('split at every separator but never inside parentheses', () => {
    expect(splitUnits('乡镇(街道)、县直相关部门')).toEqual(['乡镇(街道)', '县直相关部门']);
    expect(splitUnits('县发改局,县财政局；县农业局;县商务局，县人民银行等')).toEqual(['县发改局', '县财政局', '县农业局', '县商务局', '县人民银行']);
    expect(splitUnits('各镇（街道）/区级各部门等单位')).toEqual(['各镇（街道）', '区级各部门']);
  });

  it('are read from keyed parentheses and lines in any mix of keys and punctuation', () => {
    expect(findUnits('加强。(牵头部门:县编办,责任部门:县发改局、县人社局、县法制办等)')).toEqual({
      lead: ['县编办'], responsible: ['县发改局', '县人社局', '县法制办'], deadline: null,
    });
    expect(findUnits('加强。（牵头单位：区司法局；责任单位：区级各部门；完成时限：2024年底前）')).toEqual({
      lead: ['区司法局'], responsible: ['区级各部门'], deadline: '2024年底前',
    });
    expect(findUnits('加强。\n责任单位：\n区司法局、各镇（街道）\n完成时限：长期坚持')).toEqual({
      lead: [], responsible: ['区司法局', '各镇（街道）'], deadline: '长期坚持',
    });
    expect(findUnits('加強。（牽頭單位：縣司法局，責任部門：縣直各部門）')).toMatchObject({ lead: ['縣司法局'], responsible: ['縣直各部門'] });
  });

  it('take a unit marked （牵头） as the lead and drop duty wording', () => {
    expect(findUnits('加强。\n责任单位：区司法局（牵头），区法院、区检察院')).toMatchObject({ lead: ['区司法局'], responsible: ['区法院', '区检察院'] });
    expect(findUnits('加强。（责任单位：各区县政府、市级有关部门按职责分工负责）')).toMatchObject({ responsible: ['各区县政府', '市级有关部门'] });
  });

  it('are read from "X牵头" wording only when it stands as its own clause', () => {
    expect(findUnits('开展评查。(区司法局牵头,各部门配合)')).toMatchObject({ lead: ['区司法局'], responsible: ['各部门'] });
    expect(findUnits('开展评查。由区司法局、区法院牵头，区各部门配合。')).toMatchObject({ lead: ['区司法局', '区法院'], responsible: ['区各部门'] });
    expect(findUnits('开展评查。\n区司法局牵头')).toMatchObject({ lead: ['区司法局'], responsible: [] });
    expect(findUnits('建立由各级政府负总责、政府法制机构牵头、各职能部门为主体的体制。')).toMatchObject({ lead: [], responsible: [] });
    expect(findUnits('县法制办要牵头做好督促检查工作。')).toMatchObject({ lead: [] });
    expect(findUnits('作为牵头单位和责任单位的县直有关部门要建立报告制度。')).toMatchObject({ lead: [], responsible: [] });
  });
});

describe('deadlines', () => {
  it('are kept as written up to 前', () => {
    expect(findDate('原则上应当在2019年年底前完成')).toBe('2019年年底前');
    expect(findDate('务必在2020年10月底前完成')).toBe('2020年10月底前');
    expect(findDate('6月底完成目录编制')).toBe('6月底');
    expect(findDate('于2021年12月31日前报送')).toBe('2021年12月31日前');
    expect(findDate('每年12月底前报送学法情况')).toBe('每年12月底前');
    expect(findDate('2022年底前实现全覆盖')).toBe('2022年底前');
    expect(findDate('二〇二二年十二月底前')).toBe('十二月底前');
  });

  it('are not read from times that are not deadlines', () => {
    for (const s of ['到2020年基本建成法治政府', '每年第一季度要向同级党委报告', '去年 9 月,区政府', '2016年至2020年,每两年培育', '彻底解决问题', '新法律法规施行前']) {
      expect(findDate(s), s).toBeNull();
    }
  });

  it('prefer a 完成时限 value, then a date, then a standing phrase in brackets', () => {
    expect(measureDeadline('……', '2021年12月底前完成')).toBe('2021年12月底前');
    expect(measureDeadline('……', '持续推进')).toBe('持续推进');
    expect(measureDeadline('……', '2021年6月')).toBe('2021年6月');
    expect(measureDeadline('落实法律顾问制度。（长期坚持）', null)).toBe('长期坚持');
    expect(measureDeadline('持续推进政务公开，加大公开力度。', null)).toBeNull();
  });

  it('for the document come from a sentence that sets one for all tasks', () => {
    expect(documentDeadline('纲要确定的工作任务,原则上应当在2019年年底前完成,由县委进行检查验收。')).toBe('2019年年底前');
    expect(documentDeadline('各单位要在每年12月底前报送总结。')).toBeNull();
  });
});

describe('targets', () => {
  it('are phrases around a number, qualifier and unit included, deduplicated', () => {
    expect(findTargets('行政执法人员每年法律知识培训不少于24学时;专题培训不少于3学时。')).toEqual(['不少于24学时', '不少于3学时']);
    expect(findTargets('各级党委政府每年至少举办一期领导干部法治专题培训班。')).toEqual(['每年至少举办一期']);
    expect(findTargets('及时反馈,办复率达100%。及时反馈,办复率达100%。')).toEqual(['办复率达100%']);
    expect(findTargets('期限一般不少于30日。')).toEqual(['不少于30日']);
    expect(findTargets('领导班子每年集体学法2次以上')).toEqual(['每年集体学法2次以上']);
    expect(findTargets('不得少于本单位执法人员总数的5%。')).toEqual(['5%']);
  });

  it('leave years, counts without a qualifier and deadlines out', () => {
    expect(findTargets('2016年至2020年,8个部门的17个领域,26个乡镇(街道)。')).toEqual([]);
    expect(findTargets('每年12月底前报送,2021年6月底完成。')).toEqual([]);
    expect(findTargets('推进“五证合一”“十三五”规划。')).toEqual([]);
  });
});
