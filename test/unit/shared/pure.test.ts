import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deadlineDate } from '../../../shared/deadline-date';
import { currentQuarter, parseQuarterId, quarterOfDate, quarterLabelZh, previousQuarter, nextQuarter } from '../../../shared/periods';
import { canonicalKey, cleanUnitName, isCollective } from '../../../shared/departments';
import { toMatchQuery, toSearchBody } from '../../../shared/search-text';
import { fullWidthPunctuation } from '../../../shared/zh-punctuation';

describe('deadline dates', () => {
  it.each([
    ['2019年年底前完成', undefined, '2019-12-31'],
    ['2020年10月底前', undefined, '2020-10-31'],
    ['2021年12月31日前', undefined, '2021-12-31'],
    ['6月底完成', 2021, '2021-06-30'],
    ['2月底前', 2024, '2024-02-29'],
    ['2022年6月中旬', undefined, '2022-06-20'],
    ['2023年上半年', undefined, '2023-06-30'],
    ['十月底前', 2021, '2021-10-31'],
    ['年底前', 2021, '2021-12-31'],
    ['长期坚持', 2021, null],
    ['持续推进', undefined, null],
    [null, 2021, null],
  ])('%s → %s', (written, year, expected) => {
    expect(deadlineDate(written, year)).toBe(expected);
  });

  it('never throws and gives a valid date or null', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.integer({ min: 1990, max: 2100 }), { nil: undefined }), (s, y) => {
        const d = deadlineDate(s, y);
        return d === null || /^\d{4}-\d{2}-\d{2}$/.test(d);
      }),
    );
  });
});

describe('quarters', () => {
  it('names, bounds and neighbours', () => {
    expect(parseQuarterId('2024-Q3')).toMatchObject({ startsOn: '2024-07-01', endsOn: '2024-09-30' });
    expect(parseQuarterId('2024-Q1')!.endsOn).toBe('2024-03-31');
    expect(parseQuarterId('2024-Q5')).toBeNull();
    expect(quarterOfDate('2024-06-30').id).toBe('2024-Q2');
    expect(quarterOfDate('2024-07-08').id).toBe('2024-Q3');
    expect(quarterLabelZh(parseQuarterId('2024-Q3')!)).toBe('2024年第三季度');
    expect(previousQuarter(parseQuarterId('2024-Q1')!).id).toBe('2023-Q4');
    expect(nextQuarter(parseQuarterId('2024-Q4')!).id).toBe('2025-Q1');
    expect(currentQuarter(new Date(2026, 10, 22)).id).toBe('2026-Q4');
  });
});

describe('department names', () => {
  it('clean and canonicalise spellings of the same department', () => {
    expect(cleanUnitName(' 县法制办等 ')).toBe('县法制办');
    expect(canonicalKey('县政府办公室')).toBe(canonicalKey('县政府办'));
    expect(canonicalKey('县直相关部门')).toBe(canonicalKey('县直有关部门'));
    expect(canonicalKey('区人民政府办公室')).toBe(canonicalKey('区政府办'));
    expect(canonicalKey('乡镇\uFF08街道\uFF09')).toBe(canonicalKey('乡镇(街道)'));
    expect(cleanUnitName('乡镇\uFF08街道\uFF09等')).toBe('乡镇\uFF08街道\uFF09');
    expect(canonicalKey('区司法局')).not.toBe(canonicalKey('区审计局'));
  });

  it('recognise collective names', () => {
    for (const n of ['县直有关部门', '区各部门', '各镇街', '县直相关部门', '区各有关单位', '乡镇(街道)', '各成员单位', '区各部委办局']) expect(isCollective(n), n).toBe(true);
    for (const n of ['县法制办', '区司法局', '县编办', '区行政审批局', '县人民银行']) expect(isCollective(n), n).toBe(false);
  });
});

describe('search tokens', () => {
  it('index bigrams and query phrases so that any 2+ character substring matches', () => {
    expect(toSearchBody('行政复议')).toBe('行政 政复 复议');
    expect(toMatchQuery('复议')).toBe('"复议"');
    expect(toMatchQuery('合法性审查')).toBe('"合法 法性 性审 审查"');
    expect(toMatchQuery('复议 信访')).toBe('"复议" AND "信访"');
    expect(toMatchQuery('访')).toBeNull();
    expect(toMatchQuery('"')).toBeNull();
  });

  it('a substring of the text always matches its own body (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'行政复议信访合法性审查法治政府建设ab12'), minLength: 2, maxLength: 30 }), fc.nat(), fc.nat(), (text, a, b) => {
        const chars = Array.from(text);
        const start = a % chars.length;
        const len = 2 + (b % Math.max(1, chars.length - start - 1));
        const sub = chars.slice(start, start + len).join('');
        if (Array.from(sub).length < 2) return true;
        const body = ` ${toSearchBody(text)} `;
        const phrase = toMatchQuery(sub)!.replace(/"/g, '');
        return body.includes(` ${phrase} `);
      }),
    );
  });
});

describe('full-width punctuation', () => {
  it.each([
    ['2024年,某区按照方案部署', '2024年\uff0c某区按照方案部署'],
    ['附件:佐证材料清单', '附件\uff1a佐证材料清单'],
    ['(一)逾期未完成的措施(3项)', '\uff08一\uff09逾期未完成的措施\uff083项\uff09'],
    ['实施方案(2017—2020年)', '实施方案\uff082017—2020年\uff09'],
    ['1/3(33%)', '1/3(33%)'],
    ['共 1,000 项,12:30 完成', '共 1,000 项\uff0c12:30 完成'],
    ['see http://x.y (example)', 'see http://x.y (example)'],
    ['已保存!', '已保存\uff01'],
    ['未闭合(括号', '未闭合(括号'],
  ])('%s', (input, expected) => {
    expect(fullWidthPunctuation(input)).toBe(expected);
  });

  it('only ever changes punctuation, never length or other characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'行政复议a1 ,;:?!()（）。'), maxLength: 40 }), (s) => {
        const r = fullWidthPunctuation(s);
        return r.length === s.length && [...s].every((c, i) => c === r[i] || /[,;:?!()]/.test(c));
      }),
    );
  });
});
