// Hand-made documents, one per structure the parser must handle, in layouts no seed uses.
import { describe, expect, it } from 'vitest';
import { parseOutline } from '../../../shared/outline/index';
import { measure, onlyDoc, outline, PAGE_ARTIFACT } from './helpers';

describe('four heading levels, 责任单位/完成时限 on their own lines', () => {
  const doc = onlyDoc(outline('four-levels.txt'));

  it('skips the cover letter and keeps the title and intro', () => {
    expect(doc.title).toBe('江北区2024年法治政府建设工作要点');
    expect(doc.intro).toBe('为深入贯彻落实《法治政府建设实施纲要（2021—2025年）》，结合我区实际，制定本要点。');
  });

  it('makes the 1. level measures and folds (1) and ① items into their text', () => {
    expect(doc.items.map((m) => m.path)).toEqual([
      ['二', '(一)', '1'], ['二', '(一)', '2'], ['二', '(二)', '3'], ['二', '(二)', '4'],
    ]);
    const m1 = measure(doc, '二', '(一)', '1');
    expect(m1.title).toBe('健全依法决策机制');
    expect(m1.text).toContain('（1）完善公众参与机制');
    expect(m1.text).toContain('（2）健全合法性审查机制');
    expect(m1.text).toContain('责任单位：区司法局、区政府办公室、各镇（街道）');
    expect(measure(doc, '二', '(一)', '2').text).toContain('②每年开展一次专项清理');
  });

  it('reads units and deadlines from the lines after a measure', () => {
    const m1 = measure(doc, '二', '(一)', '1');
    expect(m1.lead).toEqual([]);
    expect(m1.responsible).toEqual(['区司法局', '区政府办公室', '各镇（街道）']);
    expect(m1.deadline).toBe('2024年12月底前');
    const m2 = measure(doc, '二', '(一)', '2');
    expect([m2.lead, m2.responsible, m2.deadline]).toEqual([['区司法局'], ['区级各部门'], '长期坚持']);
    expect(measure(doc, '二', '(二)', '3').deadline).toBe('2024年6月底前');
    expect(measure(doc, '二', '(二)', '4').deadline).toBe('持续推进');
    expect(measure(doc, '二', '(二)', '4').responsible).toEqual(['区级各行政执法部门']);
  });

  it('finds targets in the measure and its sub-items', () => {
    const t = measure(doc, '二', '(一)', '1').targets;
    expect(t).toContain('不少于30日');
    expect(t.some((x) => x.endsWith('达到100%'))).toBe(true);
    expect(measure(doc, '二', '(二)', '3').targets).toEqual(['不少于40学时']);
    expect(measure(doc, '二', '(一)', '2').targets).toEqual(['每年开展一次']);
  });

  it('keeps 总体要求 and 保障措施 (with no measures) as preamble sections', () => {
    expect(doc.sections.map((s) => [s.path.join('/'), s.heading, s.preamble])).toEqual([
      ['一', '总体要求', true],
      ['二', '重点任务', false],
      ['二/(一)', '深入推进依法行政', false],
      ['二/(二)', '严格规范公正文明执法', false],
      ['三', '保障措施', true],
      ['三/(一)', '加强组织领导', true],
      ['三/(二)', '强化督查考核', true],
    ]);
    expect(doc.sections[0]!.context).toMatch(/^以习近平新时代中国特色社会主义思想为指导/);
  });
});

describe('"X牵头" wording', () => {
  const doc = onlyDoc(outline('lead-wording.txt'));

  it('reads the lead (and 配合 units) from a parenthesis, a 由…牵头 sentence and a line of its own', () => {
    expect(doc.items.map((m) => [m.path.join('/'), m.lead, m.responsible])).toEqual([
      ['一/1', ['县司法局'], ['各乡镇']],
      ['一/2', ['县市场监管局'], ['县直各执法部门']],
      ['一/3', ['县司法局'], []],
      ['二/4', ['县政府办', '县大数据中心'], []],
    ]);
  });

  it('does not read "由县政府办牵头、各部门为主体的" prose as an attribution', () => {
    expect(measure(doc, '二', '4').lead).not.toContain('县政府办牵头');
    expect(measure(doc, '一', '3').targets).toEqual(['每季度至少评查1次']);
  });
});

describe('tables turned into text', () => {
  it('reads tab-separated rows under section headings, empty cells included', () => {
    const doc = onlyDoc(outline('table-tabs.txt'));
    expect(doc.title).toBe('2023年度法治政府建设任务分工方案');
    expect(doc.items.map((m) => m.path)).toEqual([['一', '1'], ['一', '2'], ['二', '3'], ['二', '4']]);
    const r1 = measure(doc, '一', '1');
    expect(r1.title).toBe('深化“放管服”改革，推进政务服务“一网通办”，网上可办率达到95%以上');
    expect([r1.lead, r1.responsible, r1.deadline]).toEqual([['区行政审批局'], ['区各部门'], '2023年12月底前']);
    expect(r1.targets).toEqual(['网上可办率达到95%以上']);
    expect(measure(doc, '一', '2').responsible).toEqual(['区各部门', '各街道']);
    const r4 = measure(doc, '二', '4');
    expect([r4.lead, r4.responsible, r4.deadline]).toEqual([['区司法局'], [], '每年12月底前']);
    expect(doc.sections.map((s) => s.heading)).toEqual(['依法全面履行政府职能', '健全依法行政制度体系']);
  });

  it('reads |-separated rows and skips the separator row', () => {
    const doc = onlyDoc(outline('table-pipes.txt'));
    expect(doc.items).toHaveLength(3);
    const r1 = measure(doc, '1');
    expect(r1.responsible).toEqual(['县司法局', '县政府办']);
    expect(r1.deadline).toBe('2022年9月底前');
    expect(r1.targets).toEqual(['不少于30日']);
    expect(measure(doc, '2').deadline).toBe('持续推进');
    expect(measure(doc, '3').deadline).toBe('2022年12月31日前');
    expect(measure(doc, '3').targets).toEqual(['每年至少组织1次']);
  });

  it('reads one cell per line, a task cell running over two lines included', () => {
    const doc = onlyDoc(outline('table-cells.txt'));
    expect(doc.title).toBe('2022年全县法治政府建设重点任务清单');
    expect(doc.items.map((m) => [m.path, m.lead, m.responsible, m.deadline])).toEqual([
      [['1'], ['县司法局'], ['县直各部门'], '2022年12月底前'],
      [['2'], ['县司法局'], ['各行政执法部门', '各乡镇（街道）'], '长期坚持'],
      [['3'], ['县司法局'], ['县政府办公室'], '2022年10月底前'],
    ]);
    expect(measure(doc, '3').title).toBe('加强行政复议规范化建设，案件办理期限不超过60日');
    expect(measure(doc, '3').targets).toEqual(['不超过60日']);
    // The closing sentence after the last row is the document's, not a cell of row 3.
    expect(doc.deadline).toBe('2022年12月底前');
    expect(measure(doc, '3').text).not.toContain('以上任务');
  });

  it('reads rows whose cells are separated by runs of spaces', () => {
    const text = [
      '某区重点任务分解表',
      '序号  工作内容  牵头单位  责任单位  完成时限',
      '1  推进严格规范公正文明执法  区司法局  区级各执法部门  2024年12月底前',
      '2  开展法治宣传教育，每年至少举办2期培训班  区委宣传部  各镇街  长期坚持',
    ].join('\n');
    const doc = onlyDoc(text);
    expect(doc.items.map((m) => [m.path, m.title, m.lead, m.responsible, m.deadline, m.targets])).toEqual([
      [['1'], '推进严格规范公正文明执法', ['区司法局'], ['区级各执法部门'], '2024年12月底前', []],
      [['2'], '开展法治宣传教育，每年至少举办2期培训班', ['区委宣传部'], ['各镇街'], '长期坚持', ['每年至少举办2期']],
    ]);
  });
});

describe('traditional characters', () => {
  const doc = onlyDoc(outline('traditional.txt'));

  it('recognises 牽頭單位/責任單位/責任部門/完成時限 and keeps the text as written', () => {
    expect(doc.title).toBe('某縣法治政府建設實施方案（2021—2025年）');
    expect(doc.items.map((m) => [m.path.join('/'), m.lead, m.responsible])).toEqual([
      ['二/(一)/1', ['縣委編辦'], ['縣直各部門']],
      ['二/(一)/2', ['縣行政審批局'], ['縣直有關部門', '各鄉鎮（街道）']],
      ['二/(二)/3', ['縣司法局'], ['縣直各部門']],
    ]);
    expect(measure(doc, '二', '(二)', '3').deadline).toBe('2025年底前');
    expect(measure(doc, '二', '(二)', '3').targets).toEqual(['每年至少開展一次']);
    expect(measure(doc, '二', '(一)', '2').targets).toEqual(['政務服務事項網上可辦率達到90%以上']);
  });

  it('marks 總體要求/指導思想/主要目標/組織保障 as preamble', () => {
    expect(doc.sections.filter((s) => s.preamble).map((s) => s.heading)).toEqual([
      '總體要求', '指導思想', '主要目標', '組織保障', '加強黨的領導',
    ]);
  });
});

describe('line ends, BOM and odd spaces', () => {
  it('reads CRLF, a lone CR, a BOM, NBSP and full-width spaces', () => {
    const doc = onlyDoc(outline('crlf-bom.txt'));
    expect(doc.title).toBe('某区2023年法治政府建设工作计划');
    expect(doc.intro).toBe('为推进法治政府建设，制定本计划。');
    expect(doc.items.map((m) => m.path.join('/'))).toEqual(['一/(一)/1', '一/(一)/2', '一/(二)/3']);
    expect(doc.sections.map((s) => s.heading)).toEqual(['主要任务', '推进依法决策', '规范执法行为']);
    expect(measure(doc, '一', '(一)', '1').title).toBe('完善决策程序');
    expect(JSON.stringify(doc)).not.toMatch(/[\r\uFEFF\u00A0\u3000]/);
  });

  it('gives the same result for LF, CRLF and CR', () => {
    const lf = outline('four-levels.txt');
    const a = parseOutline(lf);
    expect(parseOutline(lf.replace(/\n/g, '\r\n'))).toEqual(a);
    expect(parseOutline(lf.replace(/\n/g, '\r'))).toEqual(a);
  });
});

describe('PDF text: hard-wrapped lines, page numbers, radicals', () => {
  const doc = onlyDoc(outline('pdf-broken.txt'));

  it('rejoins broken lines and drops every page number', () => {
    expect(JSON.stringify(doc).match(PAGE_ARTIFACT)).toBeNull();
    expect(doc.intro).toBe('为全面深入推进依法行政，加快建设法治政府，结合我区实际，制定本要点。');
    expect(measure(doc, '二', '(一)', '3').text).toContain('纳入全区经济社会发展实绩考核，考核结果作为领导班子和领导干部综合考核评价的重要内容。');
    expect(doc.items.every((m) => !m.text.includes('\n'))).toBe(true);
  });

  it('removes a page number that the wrap itself cut in two', () => {
    const doc = onlyDoc('某区工作要点\n一、主要任务\n1.完善价格机制。认真执行定价目录，完善— 4\n—主要由市场决定价格的机制。');
    expect(doc.items[0]!.text).toBe('完善价格机制。认真执行定价目录，完善主要由市场决定价格的机制。');
  });

  it('reads units split across lines and across a page break', () => {
    expect(doc.items.map((m) => [m.path.join('/'), m.lead, m.responsible])).toEqual([
      ['一/(一)/1', ['区委依法治区办'], ['各镇街', '区级各部门']],
      ['一/(一)/2', ['区司法局'], ['区级各部门']],
      ['二/(一)/3', ['区委组织部', '区委依法治区办'], ['区级各部门']],
      ['二/(一)/4', ['区司法局'], ['区级各行政执法部门']],
    ]);
  });

  it('maps Kangxi radicals to ideographs and finds the closing deadline', () => {
    expect(measure(doc, '一', '(一)', '1').title).toBe('落实第一责任人职责');
    expect(measure(doc, '二', '(一)', '4').text).toContain('行政执法人员');
    expect(JSON.stringify(doc)).not.toMatch(/[\u2E80-\u2FDF]/);
    expect(doc.deadline).toBe('2022年11月底前');
    expect(doc.items.every((m) => m.deadline === '2022年11月底前')).toBe(true);
    expect(measure(doc, '二', '(一)', '4').targets).toEqual(['不少于60学时']);
  });
});

describe('web page chrome', () => {
  const doc = onlyDoc(outline('web-page.txt'));

  it('drops breadcrumbs, metadata, counters, buttons and footer', () => {
    const json = JSON.stringify(doc);
    for (const chrome of ['首页', '位置', '索引号', '11330100', '某市司法局\n', '浏览次数', '字号', '发布时间', '打印本页', '关闭窗口', '主办', 'ICP', '公网安备', '网站标识码']) {
      expect(json.includes(chrome), chrome).toBe(false);
    }
    expect(doc.title).toBe('某市2022年法治政府建设工作要点');
    expect(doc.intro).toBe('为全面推进依法行政，结合我市实际，制定本要点。');
  });

  it('keeps the measures whole, 各区县（市）政府 included', () => {
    expect(doc.items).toHaveLength(3);
    expect(measure(doc, '二', '3').responsible).toEqual(['各区县（市）政府']);
    expect(measure(doc, '一', '2').responsible).toEqual(['市发改委', '市商务局']);
  });
});

describe('compilations', () => {
  const out = parseOutline(outline('compilation.txt'));

  it('splits at 第N篇 and titles each document', () => {
    expect(out.documents.map((d) => [d.title, d.items.length])).toEqual([
      ['某县法治政府建设实施方案（2021—2025年）', 3],
      ['某县2022年法治政府建设工作总结', 0],
      ['在全县法治政府建设推进会上的讲话', 0],
    ]);
    expect(out.documents[0]!.items[2]!.path).toEqual(['一', '(二)', '3']);
    expect(out.documents[1]!.sections.length).toBeGreaterThan(0);
  });
});

describe('documents with no measures', () => {
  it('gives items: [] for a notice with prose sections', () => {
    const doc = onlyDoc(outline('no-measures.txt'));
    expect(doc.items).toEqual([]);
    expect(doc.sections.map((s) => s.heading)).toEqual(['创建范围', '创建标准', '工作步骤']);
  });

  it('gives one empty document for text without structure and none for blank text', () => {
    expect(parseOutline('这是一段没有任何编号的文字。').documents[0]!.items).toEqual([]);
    expect(parseOutline('').documents).toEqual([]);
    expect(parseOutline(' \n\r\n\t ').documents).toEqual([]);
  });
});

describe('a flat numbered list', () => {
  const doc = onlyDoc(outline('flat-list.txt'));

  it('makes every numbered item a measure and reads each deadline form', () => {
    expect(doc.items.map((m) => [m.path, m.deadline])).toEqual([
      [['1'], '6月底'],
      [['2'], '2023年12月31日前'],
      [['3'], '每年12月底前'],
      [['4'], '长期坚持'],
      [['5'], '2023年11月底前'],
    ]);
    expect(doc.deadline).toBe('2023年11月底前');
    expect(measure(doc, '5').text).toBe('推进政务公开标准化规范化建设。');
    expect(measure(doc, '3').targets).toEqual([]);
  });
});

describe('目标:/措施: blocks and numbering that runs on', () => {
  const doc = onlyDoc(outline('goal-blocks.txt'));

  it('reads inline 措施: and 目标: on a heading line', () => {
    expect(doc.items.map((m) => m.path.join('/'))).toEqual(['二/(一)/1', '二/(一)/2', '二/(二)/3', '三/4', '三/5']);
    const s = doc.sections.find((x) => x.path.join('/') === '二/(一)')!;
    expect(s.heading).toBe('依法全面履行政府职能');
    expect(s.context).toBe('目标：政府职能切实转变，市场监管、社会治理等职责依法全面履行。');
    expect(measure(doc, '二', '(一)', '1').title).toBe('深化行政审批制度改革');
  });

  it('treats a list that restarts at 1 under 保障措施 as context, not measures', () => {
    const pre = doc.sections.filter((s) => s.path[0] === '四');
    expect(pre.map((s) => [s.path.join('/'), s.heading, s.preamble])).toEqual([
      ['四', '保障措施', true], ['四/1', '加强督促检查', true], ['四/2', '强化宣传引导', true],
    ]);
    expect(doc.sections.find((s) => s.path.join('/') === '三')!.context).toBe('党的领导是建设法治政府最根本的保证。');
  });
});

describe('the measure level follows the attributions', () => {
  it('takes (一) as measures when the units stand there, folding 1. items into them', () => {
    const doc = onlyDoc(outline('section-level-units.txt'));
    expect(doc.items.map((m) => [m.path.join('/'), m.lead, m.responsible])).toEqual([
      ['一/(一)', ['县司法局'], ['县直各部门']],
      ['一/(二)', ['县司法局'], []],
      ['一/(三)', ['县司法局'], ['县法院']],
    ]);
    expect(measure(doc, '一', '(一)').text).toContain('\n1.编制年度重大行政决策事项目录。\n2.开展决策后评估。');
    expect(measure(doc, '一', '(三)').targets).toEqual(['行政机关负责人出庭应诉率达100%']);
  });

  it('falls back to the deepest level with text when there are no units and no 1. items', () => {
    const doc = onlyDoc(outline('two-levels.txt'));
    expect(doc.items.map((m) => [m.path.join('/'), m.title])).toEqual([
      ['一/(一)', '健全工作机制'],
      ['一/(二)', '落实第一责任人职责'],
      ['二/(一)', '规范行政决策'],
      ['二/(二)', '加强执法监督'],
    ]);
  });

  it('orders label styles by where lists start, not only by first appearance', () => {
    const text = [
      '某区工作方案',
      '一、总体要求',
      '（一）工作原则',
      '（1）坚持依法行政。',
      '（2）坚持问题导向。',
      '二、主要任务',
      '（一）推进依法决策',
      '1.完善决策程序。严格落实决策程序。',
      '（1）公开征求意见；',
      '（2）开展合法性审查。',
      '2.加强法律顾问工作。发挥法律顾问作用。',
    ].join('\n');
    const doc = onlyDoc(text);
    expect(doc.items.map((m) => m.path.join('/'))).toEqual(['二/(一)/1', '二/(一)/2']);
    expect(measure(doc, '二', '(一)', '1').text).toContain('（1）公开征求意见；\n（2）开展合法性审查。');
  });

  it('nests 一、 under 规划-style parts (第二部分)', () => {
    const doc = onlyDoc([
      '某市法治政府建设规划（2021—2025年）', '第一部分 总体要求', '一、指导思想', '坚持依法行政。', '第二部分 主要任务',
      '一、健全政府机构职能体系', '1.推进政府机构职能优化。（牵头单位：市委编办；责任单位：市级各部门）',
    ].join('\n'));
    expect(doc.items.map((m) => m.path)).toEqual([['第二部分', '一', '1']]);
    expect(doc.sections.filter((s) => s.preamble).map((s) => s.path.join('/'))).toEqual(['第一部分', '第一部分/一']);
  });

  it('reads a title set on two lines', () => {
    const doc = onlyDoc('江北区法治政府建设\n实施方案（2021—2025年）\n为加快建设法治政府，制定本方案。\n一、主要任务\n1.推进依法决策。严格程序。');
    expect(doc.title).toBe('江北区法治政府建设实施方案（2021—2025年）');
    expect(doc.intro).toBe('为加快建设法治政府，制定本方案。');
  });

  it('reads a heading whose label stands alone on its line', () => {
    const doc = onlyDoc(['某县工作要点', '一、', '主要任务', '1.加强执法监督。开展案卷评查。'].join('\n'));
    expect(doc.sections[0]!.heading).toBe('主要任务');
    expect(doc.items.map((m) => m.path)).toEqual([['一', '1']]);
  });
});
