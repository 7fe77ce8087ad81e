// The revised-outline matcher: measures that continue keep their identity, added and removed ones are told apart.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffRevision, type RevisionMeasure } from '../../../shared/outline/revision';
import { doubtsOf, unknownUnits } from '../../../shared/outline/doubts';
import { canonicalKey } from '../../../shared/departments';

const m = (path: string[], text: string, extra: Partial<RevisionMeasure> = {}): RevisionMeasure => ({
  path,
  title: text.split('。')[0]!,
  text,
  lead: [],
  responsible: [],
  deadline: null,
  ...extra,
});

const plan2021 = [
  m(['一', '1'], '深入学习宣传习近平法治思想。把习近平法治思想列入各级党委理论学习中心组学习重点内容。', { lead: ['区委宣传部'] }),
  m(['一', '2'], '健全行政规范性文件合法性审核机制。规范性文件合法性审核率达到100%。', { lead: ['区司法局'] }),
  m(['二', '3'], '推进行政复议体制改革。整合行政复议职责，实现集中受理。', { lead: ['区司法局'], deadline: '2021年6月底前' }),
  m(['二', '4'], '加强信访工作法治化建设。依法分类处理信访诉求。', { lead: ['区信访局'] }),
];

describe('diffRevision', () => {
  it('keeps unchanged measures, sees a reworded one as changed, and lists added and removed', () => {
    const revised = [
      plan2021[0]!,
      m(['一', '2'], '健全行政规范性文件合法性审核机制。规范性文件合法性审核率保持100%。', { lead: ['区司法局'] }),
      // measure 3 renumbered and given a new deadline; measure 4 dropped; a new one added
      m(['二', '4'], '推进行政复议体制改革。整合行政复议职责，实现集中受理。', { lead: ['区司法局'], deadline: '2022年6月底前' }),
      m(['二', '5'], '开展证明事项告知承诺制。全面推行证明事项告知承诺制，编制事项清单。', { lead: ['区司法局'] }),
    ];
    const d = diffRevision(plan2021, revised);
    expect(d.continuing.map((p) => [p.old, p.next])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    expect(d.continuing[0]!.changed).toEqual([]);
    expect(d.continuing[1]!.changed).toEqual(['text']);
    expect(d.continuing[1]!.similarity).toBeGreaterThan(0.8);
    expect(d.continuing[2]!.changed).toEqual(['path', 'deadline']);
    expect(d.added).toEqual([3]);
    expect(d.removed).toEqual([3]);
  });

  it('does not pair measures that only share boilerplate words', () => {
    const d = diffRevision([m(['1'], '加强行政执法队伍建设。开展执法人员培训。')], [m(['1'], '完善法律顾问制度。聘请法律顾问参与重大决策。')]);
    expect(d.continuing).toEqual([]);
    expect(d.added).toEqual([0]);
    expect(d.removed).toEqual([0]);
  });

  it('pairs identical duplicates one to one', () => {
    const same = m(['1'], '按季度报送工作进展。');
    const d = diffRevision([same, same], [same, same, same]);
    expect(d.continuing).toHaveLength(2);
    expect(d.added).toHaveLength(1);
    expect(d.removed).toEqual([]);
  });

  it('a shuffled copy of a plan pairs every measure with itself (property)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }), (order) => {
        const revised = order.map((i) => plan2021[i]!);
        const d = diffRevision(plan2021, revised);
        expect(d.added).toEqual([]);
        expect(d.removed).toEqual([]);
        for (const p of d.continuing) expect(order[p.next]).toBe(p.old);
      }),
    );
  });
});

describe('doubtsOf', () => {
  const known = new Set(['区司法局', '区信访局'].map(canonicalKey));
  it('flags missing units and deadline, long titles and units the ledger does not know', () => {
    const parsed = { path: ['1'], title: '甲'.repeat(61), text: '…', lead: ['区司法局'], responsible: ['区市场监管局'], deadline: null, targets: [] };
    expect(doubtsOf(parsed, known)).toEqual(['noDeadline', 'longTitle', 'unknownUnit']);
    expect(unknownUnits(parsed, known)).toEqual(['区市场监管局']);
    expect(doubtsOf({ ...parsed, title: '短', lead: [], responsible: [], deadline: '年底前' }, known)).toEqual(['noUnits']);
  });
  it('says nothing about unknown units while the ledger has no departments', () => {
    const parsed = { path: ['1'], title: '短', text: '…', lead: ['区司法局'], responsible: [], deadline: '全年', targets: [] };
    expect(doubtsOf(parsed, new Set())).toEqual([]);
  });
});
