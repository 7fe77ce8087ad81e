// A PDF drawn with pdf.js on a canvas, one page at a time; the worker is our own file, nothing is embedded.
import type * as PdfJsModule from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type PdfJs = typeof PdfJsModule;
type PdfDoc = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

let pdfjsPromise: Promise<PdfJs> | null = null;

/** Loaded on first use so the rest of the app does not carry pdf.js. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    return lib;
  });
  return pdfjsPromise;
}

export function PdfView({ url, onError }: { url: string; onError(): void }) {
  const { t } = useTranslation('evidence');
  const canvas = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PdfDoc | null>(null);
  const [page, setPage] = useState(1);
  const [state, setState] = useState<'loading' | 'shown' | 'failed'>('loading');

  useEffect(() => {
    let gone = false;
    let loaded: PdfDoc | null = null;
    void (async () => {
      try {
        const lib = await loadPdfJs();
        const res = await fetch(url, { credentials: 'same-origin' });
        if (!res.ok) throw new Error(String(res.status));
        const data = new Uint8Array(await res.arrayBuffer());
        loaded = await lib
          .getDocument({
            data,
            isEvalSupported: false,
            disableFontFace: false,
            cMapUrl: new URL('pdfjs/cmaps/', document.baseURI).href,
            cMapPacked: true,
            standardFontDataUrl: new URL('pdfjs/standard_fonts/', document.baseURI).href,
          })
          .promise;
        if (gone) return void loaded.destroy();
        setDoc(loaded);
        setPage(1);
      } catch {
        if (!gone) {
          setState('failed');
          onError();
        }
      }
    })();
    return () => {
      gone = true;
      void loaded?.destroy();
    };
  }, [url, onError]);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let task: { cancel(): void; promise: Promise<void> } | null = null;
    let gone = false;
    void (async () => {
      try {
        const p = await doc.getPage(page);
        if (gone || !canvas.current) return;
        const base = p.getViewport({ scale: 1 });
        const width = Math.min(860, canvas.current.parentElement?.clientWidth ?? 860);
        const ratio = window.devicePixelRatio || 1;
        const viewport = p.getViewport({ scale: (width / base.width) * ratio });
        const c = canvas.current;
        c.width = Math.floor(viewport.width);
        c.height = Math.floor(viewport.height);
        c.style.width = `${Math.floor(viewport.width / ratio)}px`;
        task = p.render({ canvas: c, viewport });
        await task.promise;
        if (!gone) setState('shown');
      } catch (e) {
        if (!gone && (e as { name?: string }).name !== 'RenderingCancelledException') {
          setState('failed');
          onError();
        }
      }
    })();
    return () => {
      gone = true;
      task?.cancel();
    };
  }, [doc, page, onError]);

  const pages = doc?.numPages ?? 0;
  return (
    <div className="ev-pdf" data-testid="pdf-view" data-state={state} data-pages={pages}>
      {pages > 1 && (
        <div className="ev-pdf-nav">
          <button type="button" className="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('prevPage')}
          </button>
          <span>{t('pdfPage', { page, pages })}</span>
          <button type="button" className="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('nextPage')}
          </button>
        </div>
      )}
      <canvas ref={canvas} data-testid="pdf-canvas" />
    </div>
  );
}
