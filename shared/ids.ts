// Globally unique ids, made where a row is created, so that stores can later exchange rows.
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

export function nowIso(): string {
  return new Date().toISOString();
}
