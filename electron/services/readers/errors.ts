// Builds the AppErrors readers throw, so every message a clerk sees is worded in one place.
import { AppError } from '../../../shared/errors';

export const ACCEPTED = '请导入 .docx、.doc、.pdf、.html 或 .txt 格式的实施方案。';

/** Extension as the user sees it ("(.png)"), or a description when the name has none. */
function shownType(ext: string): string {
  return ext ? `(${ext})` : '(无扩展名)';
}

/** `what` names the real content when we recognised it (图片, Excel 表格 …); `hint` says how to convert it. */
export function unsupported(ext: string, detail: string, what?: string, hint?: string): AppError {
  const said = what ? `该文件是${what},` : '';
  return new AppError('unsupported_file', `不支持该文件格式${shownType(ext)}。${said}${hint ?? ACCEPTED}`, detail);
}

export function emptyFile(fileName: string, detail: string): AppError {
  return new AppError(
    'empty_file',
    `文件“${fileName}”是空的,没有可导入的文字。请确认选择了正确的文件,或重新保存后再导入。`,
    detail,
  );
}

export function tooLarge(fileName: string, size: number, maxBytes: number): AppError {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return new AppError(
    'too_large',
    `文件“${fileName}”太大(${mb(size)} MB,上限 ${mb(maxBytes)} MB)。实施方案通常只有几百 KB,请确认选择的是方案正文;如确需导入,请先删除其中的图片后另存。`,
    `size=${size} max=${maxBytes}`,
  );
}

export function unreadable(message: string, detail: string): AppError {
  return new AppError('unreadable_file', message, detail);
}

/** Detail string for logs from anything thrown by a third-party library. */
export function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}
