// Random and boundary values against every call's schema: each call answers with data or a Chinese error, never a crash or an internal error.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callNames, contract } from '../../../shared/api/contract';
import { createContext, type AppContext } from '../../../electron/services/context';
import { dispatch } from '../../../electron/services/dispatch';
import { handlers } from '../../../electron/services/handlers/index';
import { removeDir, tempDir } from '../../helpers/temp';

let dir: string;
let ctx: AppContext;
beforeAll(() => {
  dir = tempDir();
  ctx = createContext(dir);
});
afterAll(() => {
  ctx.close();
  removeDir(dir);
});

/** Values at the edges of what JSON can carry, for every field a schema names. */
const boundary = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', 'x'.repeat(100_001), '2024-Q0', '2024-Q5', '9999-Q4', '../../etc/passwd', '%00', '😀'.repeat(50), 'null', '<script>'),
  fc.constantFrom(0, -1, 1, 2 ** 31, -(2 ** 53), Number.MAX_SAFE_INTEGER, 0.5, 1e308),
  fc.constantFrom(null, true, false, [], {}, [null], { __proto__: { polluted: 1 } }),
  fc.string(),
  fc.integer(),
  fc.jsonValue({ maxDepth: 3 }),
);

function fieldsOf(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape as Record<string, unknown>) : [];
}

const ALLOWED = new Set(['validation', 'not_found', 'forbidden', 'conflict', 'too_large', 'no_measures', 'unsupported_file', 'unreadable_file', 'empty_file', 'duplicate_import', 'cancelled']);

describe('every call against random and boundary arguments', () => {
  it.each(callNames)('%s', async (name) => {
    const keys = fieldsOf(contract[name].args);
    const args = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      keys.length ? fc.record(Object.fromEntries(keys.map((k) => [k, boundary])), { requiredKeys: [] }) : fc.constant({}),
      keys.length ? fc.dictionary(fc.constantFrom(...keys, 'extra', '__proto__', 'constructor'), boundary) : fc.constant({ extra: 1 }),
    );
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(args, async (a) => {
        const r = await dispatch(ctx, handlers, name, a);
        answered++;
        if (!r.ok) {
          expect(ALLOWED.has(r.error.code), `${name} ${JSON.stringify(a).slice(0, 200)} → ${r.error.code}`).toBe(true);
          expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
        }
      }),
      { numRuns: 60, seed: 14 },
    );
    expect(answered).toBeGreaterThanOrEqual(60);
  });
});
