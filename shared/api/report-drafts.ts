// Calls of the report draft editor: open (generate) a draft, save edits as a version, regenerate blocks from the ledger.
import { z } from 'zod';
import { call } from './define';
import { reportRequest } from './reports';
import type { DraftView } from '../report/draft';

const draftIdArg = z.string().min(1).max(2000);
const isoDateOrEmpty = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, '日期应写成 2025-03-31 这样的形式');

export const draftHeader = z
  .object({
    mark: z.string().max(60),
    docNumber: z.string().max(60),
    signer: z.string().max(30),
    recipient: z.string().max(100),
    issuer: z.string().max(100),
    date: isoDateOrEmpty,
  })
  .strict();

export const reportDraftCalls = {
  'drafts.open': call<DraftView>()(reportRequest),
  'drafts.save': call<DraftView>()(
    z
      .object({
        draftId: draftIdArg,
        header: draftHeader,
        blocks: z.array(z.object({ key: z.string().min(1).max(2000), text: z.string().max(20_000) }).strict()).max(5000),
      })
      .strict(),
  ),
  'drafts.regenerate': call<{ draft: DraftView; needsConfirm: string[] }>()(
    z.object({ draftId: draftIdArg, keys: z.array(z.string().min(1).max(2000)).min(1).max(5000), overwrite: z.boolean() }).strict(),
  ),
};
