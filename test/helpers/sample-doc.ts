// A small parsed outline written by hand, so store tests do not depend on the parser.
import type { ParsedDocument } from '../../shared/outline/types';

export function sampleDocument(overrides: Partial<ParsedDocument> = {}): ParsedDocument {
  return {
    title: '某区法治政府建设实施方案(2021—2025年)',
    intro: '为深入推进依法行政,制定本方案。',
    deadline: null,
    sections: [
      { path: ['一'], label: '一', heading: '总体要求', context: '以习近平新时代中国特色社会主义思想为指导。', preamble: true },
      { path: ['二'], label: '二', heading: '主要任务', context: '', preamble: false },
      { path: ['二', '(一)'], label: '(一)', heading: '依法全面履行政府职能', context: '目标:职能科学。', preamble: false },
      { path: ['二', '(二)'], label: '(二)', heading: '依法有效化解社会矛盾纠纷', context: '', preamble: false },
    ],
    items: [
      {
        path: ['二', '(一)', '1'],
        title: '深化行政审批制度改革',
        text: '深化行政审批制度改革。全面清理行政审批事项。(牵头单位:区行政审批局,责任单位:区司法局、区各部门)',
        lead: ['区行政审批局'],
        responsible: ['区司法局', '区各部门'],
        deadline: '2021年年底前',
        targets: [],
      },
      {
        path: ['二', '(一)', '2'],
        title: '推行权力清单制度',
        text: '推行权力清单制度。每年至少举办一期培训。(牵头单位:区委编办,责任单位:区司法局)',
        lead: ['区委编办'],
        responsible: ['区司法局'],
        deadline: '2025年6月底前',
        targets: ['每年至少举办一期'],
      },
      {
        path: ['二', '(二)', '3'],
        title: '加强行政复议工作',
        text: '加强行政复议工作。行政复议决定履行率达100%。(牵头单位:区司法局,责任单位:区信访办、区各相关部门)',
        lead: ['区司法局'],
        responsible: ['区信访办', '区各相关部门'],
        deadline: null,
        targets: ['100%'],
      },
      {
        path: ['二', '(二)', '4'],
        title: '改革信访工作制度',
        text: '改革信访工作制度。把信访纳入法治化轨道。(牵头单位:区信访办公室,责任单位:区各有关部门)',
        lead: ['区信访办公室'],
        responsible: ['区各有关部门'],
        deadline: '长期坚持',
        targets: [],
      },
    ],
    ...overrides,
  };
}
