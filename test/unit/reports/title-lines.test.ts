// Titles break between words, balanced, never inside 法治政府 or a number.
import { describe, expect, it } from 'vitest';
import { titleLines } from '../../../shared/report/title-lines';

describe('title lines', () => {
  it('keeps a title that fits on one line', () => {
    expect(titleLines('关于2024年法治政府建设情况的报告')).toEqual(['关于2024年法治政府建设情况的报告']);
  });
  it('breaks a long title between words, never inside one', () => {
    expect(titleLines('某区人民政府关于2024年法治政府建设情况的报告')).toEqual(['某区人民政府关于2024年', '法治政府建设情况的报告']);
    const lines = titleLines('盐城经济技术开发区管委会关于2021年第三季度法治政府建设工作推进情况的报告');
    expect(lines.join('')).toBe('盐城经济技术开发区管委会关于2021年第三季度法治政府建设工作推进情况的报告');
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(20);
    const joints = lines.slice(1).map((l, i) => `${lines[i]!.slice(-2)}|${l.slice(0, 2)}`);
    for (const j of joints) expect(['法治|政府', '法治政|府', '20|21', '推进|情况', '情况|的报'].some((bad) => j.includes(bad))).toBe(false);
  });
});
