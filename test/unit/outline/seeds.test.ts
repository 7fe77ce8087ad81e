// The seed files: exact counts, paths, units, deadlines and targets, and no layout artifacts.
import { describe, expect, it } from 'vitest';
import { measure, PAGE_ARTIFACT, parseSeed } from './helpers';

describe('000: a compilation of five articles whose fifth is the outline', () => {
  const out = parseSeed('000_0de7c43a80d3d30b.txt');
  const doc = out.documents.find((d) => d.title === '大渡口区法治政府建设实施方案(2017—2020年)')!;

  it('splits into five documents with their titles', () => {
    expect(out.documents.map((d) => d.title)).toEqual([
      '区长在全市法治政府建设工作会议上的发言',
      '在全市法治建设暨开展“基层基础年”活动工作会议上的发言',
      '建设法治政府',
      '政府区长工作总结',
      '大渡口区法治政府建设实施方案(2017—2020年)',
    ]);
  });

  it('finds exactly the 42 numbered measures in order, 39–42 directly under 三', () => {
    expect(doc.items.map((m) => m.path.at(-1))).toEqual(Array.from({ length: 42 }, (_, i) => String(i + 1)));
    expect(doc.items[0]!.path).toEqual(['二', '(一)', '1']);
    expect(doc.items[37]!.path).toEqual(['二', '(七)', '38']);
    expect(doc.items.slice(38).map((m) => m.path)).toEqual([['三', '39'], ['三', '40'], ['三', '41'], ['三', '42']]);
    expect(doc.items[8]!.path).toEqual(['二', '(二)', '9']);
    expect(doc.items[16]!.path).toEqual(['二', '(四)', '17']);
    expect(doc.items[23]!.path).toEqual(['二', '(五)', '24']);
  });

  it('gives the other articles no measures: their headings carry prose, not numbered items', () => {
    for (const d of out.documents.filter((x) => x !== doc)) expect(d.items).toEqual([]);
  });

  it('leaves no page number anywhere and rejoins the sentence a page break cut', () => {
    expect(JSON.stringify(out).match(PAGE_ARTIFACT)).toBeNull();
    expect(measure(doc, '二', '(三)', '13').text).toContain('完善社会稳定风险评估专家库,推行社会稳定风险评估项目');
    expect(measure(doc, '二', '(一)', '1').text).toContain('全面清理行政审批事项');
    expect(measure(doc, '三', '42').text).toContain('强化政学研合作,坚持从工作实际出发');
  });

  it('titles measures by their first sentence', () => {
    expect(measure(doc, '二', '(一)', '1').title).toBe('严格落实中央深化行政审批制度改革精神部署');
    expect(measure(doc, '二', '(二)', '9').title).toBe('加强行政规范性文件监督管理');
    expect(measure(doc, '二', '(四)', '17').title).toBe('推进行政执法体制改革');
  });

  it('keeps 目标: in the section context and the preamble as preamble sections', () => {
    const s = doc.sections.find((x) => x.path.join() === '二,(一)')!;
    expect(s.heading).toBe('依法全面履行政府职能');
    expect(s.context).toMatch(/^目标:牢固树立创新/);
    const s7 = doc.sections.find((x) => x.path.join() === '二,(七)')!;
    expect(s7.heading).toBe('全面提高政府工作人员法治思维和依法行政能力');
    expect(s7.context).toMatch(/^目标:政府工作人员特别是领导干部/);
    const pre = doc.sections.filter((x) => x.preamble).map((x) => x.heading);
    expect(pre).toEqual(['总体要求', '指导思想', '总体目标', '基本原则', '衡量标准']);
    expect(doc.sections.find((x) => x.path.join() === '三')!.preamble).toBe(false);
  });

  it('takes the closing deadline for the measures that state none', () => {
    expect(doc.deadline).toBe('2020年10月底前');
    expect(doc.items.every((m) => m.deadline === '2020年10月底前')).toBe(true);
    expect(doc.intro).toMatch(/^为深入贯彻中共中央、国务院/);
  });

  it('finds the training targets of measure 36', () => {
    const t = measure(doc, '二', '(七)', '36').targets;
    expect(t).toEqual(expect.arrayContaining(['每年至少举办一期', '不少于24学时', '不少于3学时', '不少于4学时']));
    expect(t.some((x) => x.includes('两期以上'))).toBe(true);
  });
});

describe('001: an outline saved from a web page', () => {
  const out = parseSeed('001_9b9a54170b52034a.txt');
  const doc = out.documents[0]!;

  it('is one document titled by its title line, not by the cover letter', () => {
    expect(out.documents).toHaveLength(1);
    expect(doc.title).toBe('曹县法治政府建设实施纲要');
    expect(doc.intro).toMatch(/^为贯彻落实全面推进依法治国重大战略部署.*制定本纲要。$/);
  });

  it('strips the web chrome', () => {
    const json = JSON.stringify(out);
    for (const chrome of ['当前位置', '浏览次数', '返回顶部', '打印本页', '关闭窗口', 'ICP', '人民政府主办', '发布时间', '>>']) {
      expect(json.includes(chrome), chrome).toBe(false);
    }
  });

  it('has 37 measures, every one with lead and responsible units', () => {
    expect(doc.items).toHaveLength(37);
    for (const m of doc.items) {
      expect(m.lead.length, m.path.join('/')).toBeGreaterThan(0);
      expect(m.responsible.length, m.path.join('/')).toBeGreaterThan(0);
    }
  });

  it('reads units as written, without 等, keeping 乡镇(街道) whole', () => {
    const m1 = measure(doc, '二', '(一)', '1');
    expect(m1.lead).toEqual(['县编办']);
    expect(m1.responsible).toEqual(['县发改局', '县人社局', '县法制办']);
    expect(m1.title).toBe('明确政府职能定位');
    expect(m1.text).toMatch(/\(牵头部门:县编办,责任部门:县发改局、县人社局、县法制办等\)$/);
    expect(measure(doc, '三', '36').responsible).toEqual(['乡镇(街道)', '县直相关部门']);
    expect(measure(doc, '二', '(一)', '4').responsible).toEqual(['县发改局', '县财政局', '县农业局', '县商务局', '县人民银行']);
    expect(measure(doc, '二', '(三)', '10').lead).toEqual(['县政府办公室', '县法制办']);
    expect(measure(doc, '三', '30').lead).toEqual(['县委办公室', '县政府办公室']);
  });

  it('applies the closing deadline to every measure', () => {
    expect(doc.deadline).toBe('2019年年底前');
    expect(doc.items.every((m) => m.deadline === '2019年年底前')).toBe(true);
    // The closing paragraph is not part of the last measure.
    expect(measure(doc, '三', '37').text).not.toContain('各级各部门要认真贯彻执行本纲要');
  });

  it('keeps 一、总体要求 and its (一)…(四) as preamble sections', () => {
    const pre = doc.sections.filter((s) => s.path[0] === '一');
    expect(pre.map((s) => [s.path, s.heading, s.preamble])).toEqual([
      [['一'], '总体要求', true],
      [['一', '(一)'], '指导思想', true],
      [['一', '(二)'], '总体目标', true],
      [['一', '(三)'], '基本原则', true],
      [['一', '(四)'], '衡量标准', true],
    ]);
    expect(pre[1]!.context).toMatch(/^高举中国特色社会主义伟大旗帜/);
    expect(doc.items.some((m) => m.path[0] === '一')).toBe(false);
  });

  it('finds the targets of measures 24 and 35', () => {
    expect(measure(doc, '二', '(六)', '24').targets).toContain('至少有2人');
    expect(measure(doc, '三', '35').targets).toContain('每年至少举办一期');
  });
});

describe('003: an annual plan behind a metadata table', () => {
  const out = parseSeed('003_244a23676422eee3.txt');
  const doc = out.documents[0]!;

  it('has the plan title and 23 measures with lead and responsible units', () => {
    expect(out.documents).toHaveLength(1);
    expect(doc.title).toBe('2021年全区法治政府建设重点工作计划');
    expect(doc.items).toHaveLength(23);
    for (const m of doc.items) {
      expect(m.lead.length).toBeGreaterThan(0);
      expect(m.responsible).toEqual(['区各部门']);
    }
    expect(doc.items[0]!.path).toEqual(['二', '(一)', '1']);
    expect(doc.items[0]!.title).toBe('深化“放管服”改革');
    expect(doc.items[22]!.path).toEqual(['二', '(七)', '23']);
  });

  it('drops the metadata table and the print/close links', () => {
    const json = JSON.stringify(out);
    for (const chrome of ['索引号', '组配分类', '发布机构', '公开范围', '打印 关闭']) expect(json.includes(chrome), chrome).toBe(false);
  });

  it('reads mixed keys and long lead lists', () => {
    expect(measure(doc, '二', '(一)', '4').lead).toEqual(['区政法委']);
    expect(measure(doc, '二', '(一)', '2').lead).toHaveLength(10);
    expect(measure(doc, '二', '(一)', '2').lead).toContain('区自然资源和规划分局');
    expect(measure(doc, '二', '(四)', '12').lead).toEqual(['区政法委', '区检察院', '区法院', '公安分局']);
  });

  it('finds quantitative targets', () => {
    expect(measure(doc, '二', '(三)', '8').targets).toContain('不少于30日');
    expect(measure(doc, '二', '(四)', '11').targets).toContain('5%');
    expect(measure(doc, '二', '(五)', '15').targets).toEqual(['办复率达100%']);
    const t22 = measure(doc, '二', '(七)', '22').targets;
    expect(t22.some((t) => t.includes('2次以上'))).toBe(true);
    expect(t22.some((t) => t.includes('至少举办1期'))).toBe(true);
  });

  it('keeps 指导思想 and 工作要求 as preamble sections; no deadline is invented', () => {
    expect(doc.sections.filter((s) => s.preamble).map((s) => s.heading)).toEqual([
      '指导思想', '工作要求', '强化领导责任', '强化责任落实', '抓好任务落实',
    ]);
    expect(doc.deadline).toBeNull();
    expect(doc.items.every((m) => m.deadline === null)).toBe(true);
  });
});

describe('002 and 004: annual reports, not outlines', () => {
  it('give sections but no measures', () => {
    for (const name of ['002_482a1b21e299368d.txt', '004_e40db4cf0542f638.txt']) {
      const out = parseSeed(name);
      expect(out.documents).toHaveLength(1);
      expect(out.documents[0]!.items).toEqual([]);
      expect(out.documents[0]!.sections.length).toBeGreaterThan(3);
    }
    expect(parseSeed('004_e40db4cf0542f638.txt').documents[0]!.title).toBe(
      '重庆市长寿区大数据应用发展管理局关于2020年法治政府建设情况的报告',
    );
    expect(JSON.stringify(parseSeed('004_e40db4cf0542f638.txt')).includes('当前的位置')).toBe(false);
  });
});
