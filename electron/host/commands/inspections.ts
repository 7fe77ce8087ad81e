// Inspection commands: review create|verdict|sign|verify|export|revise|show|list, and the rectification list and lifecycle.
import path from 'node:path';
import type { CliCommand } from './types';
import { stringOpt } from './types';
import { AppError } from '../../../shared/errors';
import { currentQuarter, isQuarterId } from '../../../shared/periods';
import { VERDICTS, type Verdict } from '../../../shared/inspections/types';
import type { Db } from '../../../db/open';
import { getUser, systemUser } from '../../../db/queries/users';
import {
  attachInspectorPaths,
  closeRectification,
  createReview,
  findDepartment,
  getReview,
  listRectifications,
  listReviews,
  respondRectification,
  reviewDetail,
  reviseReview,
  setVerdict,
  signReview,
  verifyReview,
} from '../../../db/queries/inspections/index';
import { FEEDBACK_FORMATS, produceFeedback, type FeedbackFormat } from '../../services/inspections/feedback-export';
import { chromiumPrinter } from '../../services/reports/printer';
import { writeFileAtomic } from '../../services/reports/atomic';
import { withStore } from './ledger';

type Values = Record<string, unknown>;
const list = (v: Values, k: string): string[] => (Array.isArray(v[k]) ? (v[k] as string[]) : []);

function need(v: Values, name: string, hint: string): string {
  const s = stringOpt(v, name);
  if (!s) throw new AppError('validation', `请用 --${name} 指定${hint}。`);
  return s;
}

function departmentIds(db: Db, names: string[]): string[] {
  return names.map((n) => {
    const d = findDepartment(db, n);
    if (!d) throw new AppError('not_found', `台账中没有名为“${n}”的单位。请核对单位名称(可用 measures 命令查看各措施的单位)。`);
    return d.id;
  });
}

/** Reviewers named on the command line, or every user with the inspector role. */
function reviewerIds(db: Db, names: string[]): string[] {
  const inspectors = db.prepare("SELECT id, name FROM users WHERE role = 'inspector' ORDER BY created_at").all() as { id: string; name: string }[];
  if (!names.length) return inspectors.map((u) => u.id);
  return names.map((n) => {
    const u = inspectors.find((i) => i.name === n);
    if (!u) throw new AppError('not_found', `没有名为“${n}”的督察组用户。请先在程序中建立该用户。`);
    return u.id;
  });
}

/** The command line signs as the lead inspector of the review (or the administrator when it has none). */
function signer(db: Db, reviewId: string): { id: string; name: string } {
  const lead = getReview(db, reviewId).leadId;
  const u = lead ? getUser(db, lead) : null;
  return u ?? systemUser(db);
}

const SUB = ['create', 'verdict', 'attach', 'sign', 'verify', 'export', 'revise', 'show', 'list'] as const;

async function review(sub: string, positionals: string[], v: Values, dataDir: string, out: (s: string) => void): Promise<number> {
  switch (sub) {
    case 'create':
      return withStore(dataDir, (db) => {
        const period = stringOpt(v, 'period') ?? currentQuarter().id;
        if (!isQuarterId(period)) throw new AppError('validation', '--period 应为季度,例如 2024-Q3。');
        const r = createReview(
          db,
          { name: need(v, 'name', '督察名称'), planId: stringOpt(v, 'plan') ?? null, sectionIds: list(v, 'section'), departmentIds: departmentIds(db, list(v, 'department')), periodId: period, startsOn: stringOpt(v, 'from') ?? null, endsOn: stringOpt(v, 'to') ?? null, reviewerIds: reviewerIds(db, list(v, 'reviewer')) },
          systemUser(db).id,
        );
        out(JSON.stringify(r));
        return 0;
      });
    case 'verdict':
      return withStore(dataDir, (db) => {
        const reviewId = need(v, 'review', '督察编号');
        const measureId = need(v, 'measure', '措施编号');
        const verdict = stringOpt(v, 'verdict');
        if (verdict !== undefined && !(VERDICTS as readonly string[]).includes(verdict)) throw new AppError('validation', `--verdict 应为以下之一:${VERDICTS.join('、')}。`);
        const rectify = stringOpt(v, 'rectify');
        let rectification;
        if (rectify !== undefined) {
          const deptName = need(v, 'rectify-department', '负责整改的单位');
          rectification = { requirement: rectify, departmentId: findDepartment(db, deptName)?.id ?? null, departmentName: deptName, dueOn: need(v, 'rectify-by', '整改期限(如 2025-03-31)') };
        }
        const user = signer(db, reviewId);
        setVerdict(db, { reviewId, measureId, verdict: verdict as Verdict | undefined, finding: stringOpt(v, 'finding'), rectification }, user.id);
        out(JSON.stringify(reviewDetail(db, reviewId).items.find((i) => i.measureId === measureId)));
        return 0;
      });
    case 'attach':
      return withStore(dataDir, async (db) => {
        const reviewId = need(v, 'review', '督察编号');
        if (!positionals.length) throw new AppError('validation', '请指定要添加的照片或文件:review attach --review ID --measure ID FILE...');
        out(JSON.stringify(await attachInspectorPaths(db, dataDir, { reviewId, measureId: need(v, 'measure', '措施编号'), userId: signer(db, reviewId).id, paths: positionals })));
        return 0;
      });
    case 'sign':
      return withStore(dataDir, (db) => {
        const reviewId = need(v, 'review', '督察编号');
        out(JSON.stringify(signReview(db, reviewId, signer(db, reviewId))));
        return 0;
      });
    case 'verify':
      return withStore(dataDir, async (db) => {
        const r = await verifyReview(db, dataDir, need(v, 'review', '督察编号'));
        out(JSON.stringify(r));
        return r.ok ? 0 : 1;
      });
    case 'export': {
      const format = stringOpt(v, 'format') ?? path.extname(stringOpt(v, 'out') ?? '').slice(1);
      if (!(FEEDBACK_FORMATS as readonly string[]).includes(format)) throw new AppError('validation', '--format 应为 docx 或 pdf。');
      const target = path.resolve(need(v, 'out', '输出文件'));
      const printer = format === 'pdf' ? chromiumPrinter() : undefined;
      try {
        return await withStore(dataDir, async (db) => {
          const p = await produceFeedback(db, dataDir, need(v, 'review', '督察编号'), format as FeedbackFormat, printer);
          await writeFileAtomic(target, p.bytes);
          out(JSON.stringify({ out: target, format, size: p.bytes.length }));
          return 0;
        });
      } finally {
        await printer?.close();
      }
    }
    case 'revise':
      return withStore(dataDir, (db) => {
        out(JSON.stringify(reviseReview(db, need(v, 'review', '督察编号'), systemUser(db).id)));
        return 0;
      });
    case 'show':
      return withStore(dataDir, (db) => {
        out(JSON.stringify(reviewDetail(db, need(v, 'review', '督察编号'))));
        return 0;
      });
    case 'list':
      return withStore(dataDir, (db) => {
        out(JSON.stringify(listReviews(db)));
        return 0;
      });
    default:
      throw new AppError('validation', `review 的子命令应为以下之一:${SUB.join('、')}。`);
  }
}

const reviewCmd: CliCommand = {
  name: 'review',
  usage:
    'review create --name N [--plan ID] [--department 单位]... [--section ID]... [--period 2024-Q3] [--reviewer 姓名]... | verdict --review ID --measure ID --verdict 不符合 [--finding 问题] [--rectify 要求 --rectify-department 单位 --rectify-by 2025-03-31] | attach --review ID --measure ID FILE... | sign|verify|revise|show --review ID | export --review ID --format docx|pdf --out FILE | list   督察',
  options: {
    name: 'string', plan: 'string', department: 'string', section: 'string', period: 'string', reviewer: 'string', from: 'string', to: 'string',
    review: 'string', measure: 'string', verdict: 'string', finding: 'string', rectify: 'string', 'rectify-department': 'string', 'rectify-by': 'string',
    format: 'string', out: 'string',
  },
  multiple: ['department', 'section', 'reviewer'],
  async run({ positionals, values, dataDir }, io) {
    const [sub, ...rest] = positionals;
    return review(sub ?? '', rest, values, dataDir, (s) => io.out(s));
  },
};

const rectifications: CliCommand = {
  name: 'rectifications',
  usage: 'rectifications [--open] [--overdue]       列出整改任务(已签署督察提出的)',
  options: { open: 'boolean', overdue: 'boolean' },
  async run({ values, dataDir }, io) {
    await withStore(dataDir, (db) => io.out(JSON.stringify(listRectifications(db, { open: values.open === true, overdue: values.overdue === true }))));
    return 0;
  },
};

const rectification: CliCommand = {
  name: 'rectification',
  usage: 'rectification respond --id ID --note 落实情况 | close --id ID   以管理员身份反馈或销号整改任务',
  options: { id: 'string', note: 'string' },
  async run({ positionals, values, dataDir }, io) {
    const id = need(values, 'id', '整改任务编号(见 rectifications 命令的 id)');
    return withStore(dataDir, (db) => {
      const admin = systemUser(db);
      if (positionals[0] === 'respond') respondRectification(db, { id, response: need(values, 'note', '整改落实情况') }, admin.id);
      else if (positionals[0] === 'close') closeRectification(db, id, admin);
      else throw new AppError('validation', 'rectification 的子命令应为 respond 或 close。');
      io.out(JSON.stringify(listRectifications(db).find((r) => r.id === id) ?? null));
      return 0;
    });
  },
};

export const inspectionCommands: CliCommand[] = [reviewCmd, rectifications, rectification];
