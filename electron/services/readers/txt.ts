// Reads plain-text outlines (UTF-8, UTF-16, GB18030 with any line ends) into normalised text.
import { decodeText, UndecodableTextError, type DecodedText } from './encoding';
import { unreadable } from './errors';

export function readTxt(buf: Uint8Array): DecodedText {
  try {
    return decodeText(buf);
  } catch (e) {
    if (e instanceof UndecodableTextError && e.reason === 'unknown_encoding') {
      throw unreadable(
        '无法识别该文本文件的编码(不是 UTF-8、UTF-16 或 GB18030/GBK)。请用记事本打开,“另存为”时选择 UTF-8 编码后再导入。',
        e.message,
      );
    }
    throw unreadable(
      '该文件不是文本文件,内容无法识别(可能是改了扩展名的其他文件或已损坏)。请确认文件能用记事本正常打开,或导入原始的 .docx、.doc、.pdf 文件。',
      e instanceof Error ? e.message : String(e),
    );
  }
}
