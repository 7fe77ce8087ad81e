// Host route of the exchange screen: PUT /exchange/upload streams a package file in; the screen then names it by id.
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { HostRoute } from '../../host/routes';
import { sendJson } from '../../host/routes';
import { toErrorData } from '../../../shared/errors';
import { fsyncFile } from '../../core/packages/container';
import { uploadPath, uploadsDir, sweepUploads } from './files';

/** Two hundred gibibytes: bigger than any ledger we expect, small enough to stop a runaway upload. */
const MAX_UPLOAD = 200 * 1024 ** 3;

export const exchangeRoutes: HostRoute[] = [
  {
    method: 'PUT',
    pattern: /^\/exchange\/upload$/,
    async handle(ctx, req, res) {
      const uploadId = randomUUID();
      const file = uploadPath(ctx.dataDir, uploadId);
      const tmp = `${file}.part`;
      try {
        fs.mkdirSync(uploadsDir(ctx.dataDir), { recursive: true });
        sweepUploads(ctx.dataDir);
        let size = 0;
        req.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_UPLOAD) req.destroy(new Error('upload too large'));
        });
        await pipeline(req, fs.createWriteStream(tmp, { flags: 'wx', mode: 0o600 }));
        fsyncFile(tmp);
        fs.renameSync(tmp, file);
        sendJson(res, 200, { ok: true, value: { uploadId, size } });
      } catch (e) {
        fs.rmSync(tmp, { force: true });
        ctx.log.error('exchange upload', e);
        res.setHeader('Connection', 'close');
        sendJson(res, 400, { ok: false, error: { ...toErrorData(e), message: '上传交换包时连接中断,未保存。请重试。' } });
      }
    },
  },
];
