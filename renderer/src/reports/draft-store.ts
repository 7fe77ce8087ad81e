// The draft editor's state: the draft as saved, the text being edited, save and regenerate, the block awaiting a confirm.
import { create } from 'zustand';
import { api } from '../api/client';
import { reportError } from '../stores/app';
import type { DraftHeader, DraftView } from '../../../shared/report/draft';

interface DraftState {
  draft: DraftView | null;
  /** Text being edited, by block key. */
  texts: Record<string, string>;
  header: DraftHeader | null;
  dirty: boolean;
  saving: boolean;
  /** Keys whose regeneration waits for the supervisor to confirm overwriting edited text. */
  confirm: string[] | null;
  /** The block last focused, where headline figures are inserted. */
  focus: { key: string; at: number } | null;
  open(request: Parameters<(typeof api)['drafts.open']>[0]): Promise<void>;
  edit(key: string, text: string): void;
  setHeader(patch: Partial<DraftHeader>): void;
  setFocus(key: string, at: number): void;
  insert(text: string): void;
  save(): Promise<boolean>;
  regenerate(keys: string[], overwrite?: boolean): Promise<void>;
  cancelConfirm(): void;
  close(): void;
}

function loaded(draft: DraftView): Pick<DraftState, 'draft' | 'texts' | 'header' | 'dirty'> {
  return { draft, texts: Object.fromEntries(draft.blocks.map((b) => [b.key, b.text])), header: draft.header, dirty: false };
}

export const useDraft = create<DraftState>((set, get) => ({
  draft: null,
  texts: {},
  header: null,
  dirty: false,
  saving: false,
  confirm: null,
  focus: null,
  async open(request) {
    try {
      set({ ...loaded(await api['drafts.open'](request)), confirm: null, focus: null });
    } catch (e) {
      reportError(e);
    }
  },
  edit(key, text) {
    set((s) => ({ texts: { ...s.texts, [key]: text }, dirty: true }));
  },
  setHeader(patch) {
    set((s) => ({ header: s.header ? { ...s.header, ...patch } : null, dirty: true }));
  },
  setFocus(key, at) {
    set({ focus: { key, at } });
  },
  insert(text) {
    const { focus, texts } = get();
    if (!focus) return;
    const cur = texts[focus.key] ?? '';
    const at = Math.min(focus.at, cur.length);
    get().edit(focus.key, cur.slice(0, at) + text + cur.slice(at));
    set({ focus: { key: focus.key, at: at + text.length } });
  },
  async save() {
    const { draft, texts, header } = get();
    if (!draft || !header) return false;
    set({ saving: true });
    try {
      const saved = await api['drafts.save']({ draftId: draft.id, header, blocks: draft.blocks.map((b) => ({ key: b.key, text: texts[b.key] ?? b.text })) });
      set({ ...loaded(saved), saving: false });
      return true;
    } catch (e) {
      // The edits stay on screen and the draft stays marked unsaved.
      set({ saving: false });
      reportError(e);
      return false;
    }
  },
  async regenerate(keys, overwrite = false) {
    const { draft, dirty } = get();
    if (!draft) return;
    // Unsaved edits of this block count as edits: save first, so the server sees them and asks.
    if (dirty && !(await get().save())) return;
    try {
      const r = await api['drafts.regenerate']({ draftId: draft.id, keys, overwrite });
      if (r.needsConfirm.length) set({ confirm: r.needsConfirm });
      else set({ ...loaded(r.draft), confirm: null });
    } catch (e) {
      reportError(e);
    }
  },
  cancelConfirm() {
    set({ confirm: null });
  },
  close() {
    set({ draft: null, texts: {}, header: null, dirty: false, confirm: null, focus: null });
  },
}));
