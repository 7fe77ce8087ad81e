// Unit lists as offices write them, and as a clerk types them in the import preview.
import { describe, expect, it } from 'vitest';
import { splitUnits as previewUnits } from '../../../renderer/src/screens/import/group';
import { findUnits, readUnitList } from '../../../shared/outline/units';

const BRACKETED = '重庆市大渡口区人民政府办公室（区政府法制办公室、区金融工作办公室）';

describe('unit lists', () => {
  it('never splits at 、 inside brackets, in the parser and in the preview alike', () => {
    expect(readUnitList(`${BRACKETED}、区司法局`).units).toEqual([BRACKETED, '区司法局']);
    expect(previewUnits(`${BRACKETED}，区司法局；各镇（街道）`)).toEqual([BRACKETED, '区司法局', '各镇（街道）']);
    expect(findUnits(`加强。（牵头单位：${BRACKETED}；责任单位：区财政局）`).lead).toEqual([BRACKETED]);
  });

  it('splits at 及/和/与 only between units', () => {
    expect(readUnitList('区司法局和区财政局').units).toEqual(['区司法局', '区财政局']);
    expect(readUnitList('区委组织部及各镇街').units).toEqual(['区委组织部', '各镇街']);
    expect(readUnitList('区人力资源和社会保障局').units).toEqual(['区人力资源和社会保障局']);
    expect(readUnitList('区住房和城乡建设委员会与区财政局').units).toEqual(['区住房和城乡建设委员会', '区财政局']);
  });

  it('reads X等Y as X and the collective Y, and drops duty wording', () => {
    expect(readUnitList('区发改委、区财政局等区级有关部门').units).toEqual(['区发改委', '区财政局', '区级有关部门']);
    expect(readUnitList('区财政局等单位').units).toEqual(['区财政局']);
    expect(readUnitList('区级各部门按职责分工负责').units).toEqual(['区级各部门']);
    expect(readUnitList('区政府办公室配合，按职责分工，分别负责').units).toEqual(['区政府办公室']);
  });

  it('takes a deadline among the units for the deadline', () => {
    expect(readUnitList('区级各执法部门，6月底完成')).toEqual({ units: ['区级各执法部门'], deadline: '6月底' });
    expect(readUnitList('各镇街；2024年9月底前完成')).toEqual({ units: ['各镇街'], deadline: '2024年9月底前' });
    expect(readUnitList('区司法局；全年')).toEqual({ units: ['区司法局'], deadline: '全年' });
  });
});
