// Hybrid logical clock (after Actual Budget's crdt/timestamp.ts): physical millis, a counter, the replica id; sorts as text.
//
// Format: `2024-07-08T09:10:11.123Z-0001-0123456789abcdef` — ISO time in UTC (fixed width for
// years 1970–9999), counter as 4 hex digits, replica id as 16 hex digits. Comparing two HLC
// strings compares (time, counter, replica): the greater clock wins and equal clocks are
// broken by replica id, with no parsing.

export const REPLICA_ID_LENGTH = 16;
const MAX_COUNTER = 0xffff;
/**
 * A remote clock further ahead of ours than this is refused. Actual allows a few minutes for a
 * live server; PCs exchanging USB packages are often off by minutes or hours, so we only refuse
 * a clock set wrong by more than a day (it would otherwise pull every later local change into
 * its future and make it lose every merge until then).
 */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

export interface Hlc {
  millis: number;
  counter: number;
  node: string;
}

export class ClockDriftError extends Error {
  readonly aheadMs: number;
  constructor(aheadMs: number) {
    super(`remote clock ${aheadMs} ms ahead`);
    this.name = 'ClockDriftError';
    this.aheadMs = aheadMs;
  }
}

const PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/;

export function formatHlc(h: Hlc): string {
  return `${new Date(h.millis).toISOString()}-${h.counter.toString(16).padStart(4, '0')}-${h.node}`;
}

export function parseHlc(s: string): Hlc | null {
  const m = PATTERN.exec(s);
  if (!m) return null;
  const millis = Date.parse(m[1]!);
  if (Number.isNaN(millis)) return null;
  return { millis, counter: parseInt(m[2]!, 16), node: m[3]! };
}

export function isReplicaId(s: string): boolean {
  return /^[0-9a-f]{16}$/.test(s);
}

/** The clock's state after stamping a local event at physical time `now`: strictly greater than every clock seen. */
export function send(clock: Hlc, now: number): Hlc {
  if (now > clock.millis) return { millis: now, counter: 0, node: clock.node };
  // Same millisecond, or our clock is behind one already seen: count on; past 65535 borrow the next millisecond.
  return clock.counter >= MAX_COUNTER
    ? { millis: clock.millis + 1, counter: 0, node: clock.node }
    : { millis: clock.millis, counter: clock.counter + 1, node: clock.node };
}

/** The clock after seeing a remote clock: never behind it, so later local events sort after it. */
export function recv(clock: Hlc, remote: Hlc, now: number, maxDrift: number = MAX_DRIFT_MS): Hlc {
  if (remote.millis - now > maxDrift) throw new ClockDriftError(remote.millis - now);
  if (remote.millis > clock.millis || (remote.millis === clock.millis && remote.counter > clock.counter)) {
    return { millis: remote.millis, counter: remote.counter, node: clock.node };
  }
  return clock;
}

/** The ISO time an HLC was stamped at (its first 24 characters). */
export function hlcTime(hlc: string): string {
  return hlc.slice(0, 24);
}

/** An HLC at a given ISO time, for history folded in from before clocks existed. */
export function hlcAt(iso: string, counter: number, node: string): string {
  return formatHlc({ millis: Date.parse(iso), counter, node });
}
