// The report preview: the report's own HTML in a sandboxed frame, its stylesheet adopted through the CSSOM, since the
// app's CSP (inherited by srcdoc frames) forbids inline <style>; scripts never run in the frame.
import { useCallback, useRef } from 'react';

export function PreviewFrame({ body, css, title }: { body: string; css: string; title: string }) {
  const ref = useRef<HTMLIFrameElement>(null);
  const applyCss = useCallback(() => {
    const frame = ref.current;
    const win = frame?.contentWindow as (Window & { CSSStyleSheet: typeof CSSStyleSheet }) | null;
    const doc = frame?.contentDocument;
    if (!win || !doc) return;
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [sheet];
    doc.documentElement.dataset.ready = 'true';
  }, [css]);
  const srcDoc = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title.replace(/</g, '&lt;')}</title></head><body>${body}</body></html>`;
  return <iframe ref={ref} className="report-frame" title={title} sandbox="allow-same-origin" srcDoc={srcDoc} onLoad={applyCss} data-testid="report-preview" />;
}
