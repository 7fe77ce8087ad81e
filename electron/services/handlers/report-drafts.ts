// Handlers of the report draft editor.
import type { Handlers } from '../dispatch';
import { currentUser } from '../context';
import { openDraft, regenerateDraft, saveDraft } from '../reports/drafts';

export const reportDraftHandlers: Pick<Handlers, 'drafts.open' | 'drafts.save' | 'drafts.regenerate'> = {
  'drafts.open': (ctx, a) => openDraft(ctx.db, currentUser(ctx).id, a),
  'drafts.save': (ctx, a) => saveDraft(ctx.db, currentUser(ctx).id, a),
  'drafts.regenerate': (ctx, a) => regenerateDraft(ctx.db, currentUser(ctx).id, a),
};
