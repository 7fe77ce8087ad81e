// Measures what a person would see as broken layout: words wrapped a character at a time, overflow, clipping.
import type { Page } from '@playwright/test';

export interface LayoutProblem {
  what: string;
  selector: string;
  text: string;
  detail: string;
}

/** Labels that must stay on one line (the header, navigation, badges, buttons), and panels that must not overflow sideways. */
export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate(() => {
    const out: { what: string; selector: string; text: string; detail: string }[] = [];
    const oneLine = ['.brand', '.nav-item', '.header-field', '.who', '.tag', '.status', '.tree-count', 'button', '.button', '.stat-label', 'h1'];
    for (const sel of oneLine) {
      for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || !el.innerText.trim()) continue;
        const text = el.innerText.trim();
        // A short run of text (a word, a label) laid over two or more lines: broken a character at a time.
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const words = (n.textContent ?? '').trim();
          if (!words || words.length > 12) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          const lines = new Set(Array.from(range.getClientRects()).filter((x) => x.width > 0).map((x) => Math.round(x.top))).size;
          if (lines >= 2) out.push({ what: 'wrapped', selector: sel, text: words, detail: `${lines} lines, ${Math.round(r.width)}px wide` });
        }
        if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible' && !getComputedStyle(el).textOverflow.includes('ellipsis')) {
          out.push({ what: 'clipped', selector: sel, text, detail: `${el.scrollWidth} > ${el.clientWidth}` });
        }
      }
    }
    // A select too narrow for the option it shows (its text cut to a character or two).
    const ctx = document.createElement('canvas').getContext('2d');
    for (const el of Array.from(document.querySelectorAll<HTMLSelectElement>('select'))) {
      const r = el.getBoundingClientRect();
      if (!ctx || r.width === 0) continue;
      const cs = getComputedStyle(el);
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const text = el.selectedOptions[0]?.text ?? '';
      const need = Math.min(ctx.measureText(text).width, ctx.measureText(text.slice(0, 4)).width) + 28;
      if (text && r.width < need) out.push({ what: 'select clipped', selector: 'select', text, detail: `${Math.round(r.width)} < ${Math.round(need)}` });
    }
    // A badge cut off by its row.
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('.measure-row .tag'))) {
      const row = el.closest<HTMLElement>('.measure-row');
      if (row && el.getBoundingClientRect().right > row.getBoundingClientRect().right + 1) out.push({ what: 'badge clipped', selector: '.measure-row .tag', text: el.innerText, detail: '' });
    }
    const panels = ['.header', '.tree', '.detail', '.measure-list', '.page', '.filters', '.notices'];
    for (const sel of panels) {
      for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
        if (el.scrollWidth > el.clientWidth + 1) out.push({ what: 'overflow', selector: sel, text: '', detail: `${el.scrollWidth} > ${el.clientWidth}` });
      }
    }
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) out.push({ what: 'page overflow', selector: 'html', text: '', detail: `${root.scrollWidth} > ${root.clientWidth}` });
    // The header's last control must be inside the window (not pushed off the right edge).
    const tools = document.querySelector<HTMLElement>('.header-tools');
    if (tools && tools.getBoundingClientRect().right > window.innerWidth + 1) out.push({ what: 'header clipped', selector: '.header-tools', text: '', detail: `${tools.getBoundingClientRect().right} > ${window.innerWidth}` });
    return out;
  });
}
