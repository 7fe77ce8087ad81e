// Outline parser figures: measures found on the hand-written outlines, field accuracy, parse times.
import { parseOutline } from '../../shared/outline/index';
import { compact, expectedFixtures, type MeasureTuple } from '../unit/outline/expected';
import { figure, percentile, timeMs } from './figures';

const fixtures = expectedFixtures();
let expected = 0;
let found = 0;
const right = { path: 0, title: 0, units: 0, deadline: 0 };
for (const f of fixtures) {
  const got = new Map<string, MeasureTuple>(parseOutline(f.text).documents.flatMap((d) => compact(d)).map((m) => [m[0], m]));
  for (const want of f.expected.measures) {
    expected++;
    const m = got.get(want[0]);
    if (!m) continue;
    found++;
    right.path++;
    if (m[1] === want[1]) right.title++;
    if (JSON.stringify([m[2], m[3]]) === JSON.stringify([want[2], want[3]])) right.units++;
    if (m[4] === want[4]) right.deadline++;
  }
}
figure(`outline fixtures (${fixtures.length} files): measures expected`, expected, 'measures');
figure('outline fixtures: measures found at their path', found, 'measures');
for (const [k, v] of Object.entries(right)) figure(`outline fixtures: ${k} right`, (100 * v) / Math.max(1, expected), '%');

const all = fixtures.map((f) => f.text).join('\n');
const runs = Array.from({ length: 10 }, () => timeMs(() => parseOutline(all))).sort((a, b) => a - b);
figure(`parse all fixtures at once (${all.length} chars, median of 10)`, percentile(runs, 50), 'ms');

// A 100k-character outline: the fixtures' outline bodies repeated with running numbers.
const body = fixtures.map((f) => f.text).join('\n');
let big = '';
for (let k = 1; big.length < 100_000; k++) big += body.replace(/^(\d{1,3})([.、．])/gm, (_m, n: string, sep: string) => `${Number(n) + k * 100}${sep}`);
big = big.slice(0, 100_000);
parseOutline(big);
const bigRuns = Array.from({ length: 5 }, () => timeMs(() => parseOutline(big))).sort((a, b) => a - b);
figure('parse 100k characters of outline text (median of 5)', percentile(bigRuns, 50), 'ms');
