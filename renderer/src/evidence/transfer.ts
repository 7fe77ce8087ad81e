// Moving files into the store: by path through a job in Electron, by streamed XHR upload over the loopback host.
import { api, ApiError, FORBIDDEN_MESSAGE } from '../api/client';
import { waitForJob } from '../api/jobs';
import { hostSecret, SECRET_HEADER } from '../api/secret';
import type { AttachResult } from '../../../shared/api/evidence';
import type { Result } from '../../../shared/api/define';

export interface FileMetaInput {
  description: string;
  docNumber: string;
  docDate: string;
}

export interface Target {
  measureId: string;
  periodId: string;
  /** The file this one is a newer version of. */
  replaces?: string | undefined;
}

export interface Transfer {
  promise: Promise<AttachResult>;
  cancel(): void;
}

/** Progress of a transfer: 0..1, or null while the size is unknown. */
export type OnProgress = (fraction: number | null, step?: string) => void;

declare global {
  interface Window {
    fazhiFiles?: { pathForFile(file: File): string };
  }
}

/** Electron gives file paths and the main process copies them; a browser must send the bytes. */
export function attachMode(): 'paths' | 'upload' {
  return typeof window !== 'undefined' && window.fazhi && window.fazhiFiles ? 'paths' : 'upload';
}

export function evidenceFileUrl(sha256: string, download = false): string {
  return `/evidence/file/${sha256}${download ? '?download=1' : ''}`;
}

function cancelledError(message = '已取消,未保存任何内容。'): ApiError {
  return new ApiError({ code: 'cancelled', message });
}

/** One file as the raw body of PUT /evidence/upload; xhr.abort() cancels and the host keeps nothing. */
export function uploadFile(file: File, target: Target, meta: FileMetaInput, onProgress: OnProgress): Transfer {
  const xhr = new XMLHttpRequest();
  const q = new URLSearchParams({ measureId: target.measureId, periodId: target.periodId, name: file.name });
  if (meta.description.trim()) q.set('description', meta.description.trim());
  if (meta.docNumber.trim()) q.set('docNumber', meta.docNumber.trim());
  if (meta.docDate) q.set('docDate', meta.docDate);
  if (target.replaces) q.set('replaces', target.replaces);
  const promise = new Promise<AttachResult>((resolve, reject) => {
    xhr.open('PUT', `/evidence/upload?${q.toString()}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader(SECRET_HEADER, hostSecret() ?? '');
    xhr.upload.onprogress = (e) => onProgress(e.lengthComputable && e.total ? e.loaded / e.total : null);
    xhr.onload = () => {
      let body: Result<AttachResult> | null = null;
      try {
        body = JSON.parse(xhr.responseText) as Result<AttachResult>;
      } catch {
        body = null;
      }
      if (body && body.ok) resolve(body.value);
      else if (body) reject(new ApiError(body.error));
      else if (xhr.status === 401 || xhr.status === 403) reject(new ApiError({ code: 'forbidden', message: FORBIDDEN_MESSAGE }));
      else reject(new ApiError({ code: 'internal', message: `上传“${file.name}”失败(${xhr.status})。请重试。` }));
    };
    xhr.onerror = () => reject(new ApiError({ code: 'internal', message: `上传“${file.name}”时连接中断,未保存。请确认程序仍在运行后重试。` }));
    xhr.onabort = () => reject(cancelledError());
    xhr.send(file);
  });
  return { promise, cancel: () => xhr.abort() };
}

/** Files on disk attached by the main process as one job, polled for progress; cancel asks the job to stop. */
export function attachPaths(files: { file: File; meta: FileMetaInput }[], target: Target, onProgress: OnProgress): Transfer {
  let jobId: string | null = null;
  let cancelled = false;
  const promise = (async (): Promise<AttachResult> => {
    const bridge = window.fazhiFiles!;
    let job = await api['evidence.attachPaths']({
      ...target,
      files: files.map(({ file, meta }) => ({
        path: bridge.pathForFile(file),
        description: meta.description.trim() || undefined,
        docNumber: meta.docNumber.trim() || undefined,
        docDate: meta.docDate || undefined,
      })),
    });
    jobId = job.id;
    if (cancelled) await api['jobs.cancel']({ jobId });
    onProgress(job.progress, job.step);
    job = await waitForJob(job, (j) => onProgress(j.progress, j.step));
    if (job.state === 'done') return job.result as AttachResult;
    if (job.state === 'cancelled') throw cancelledError();
    throw new ApiError(job.error ?? { code: 'internal', message: '添加佐证材料失败。请重试。' });
  })();
  return {
    promise,
    cancel() {
      cancelled = true;
      if (jobId) void api['jobs.cancel']({ jobId }).catch(() => undefined);
    },
  };
}
