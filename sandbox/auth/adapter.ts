// A small in-memory storage adapter for oidc-provider, one per sandbox instance (so tests can
// run several sandboxes in one process). Expired entries are kept for a while so the FHIR
// server can tell "expired" from "unknown". Development and testing only.
import type { Adapter, AdapterPayload } from "oidc-provider";

interface Entry {
  payload: AdapterPayload;
  /** epoch ms; undefined = no expiry */
  expiresAt?: number;
}

/** How long expired entries are remembered, in ms. */
const GRACE_MS = 24 * 60 * 60 * 1000;

export class SandboxStore {
  readonly entries = new Map<string, Entry>();
  readonly grants = new Map<string, Set<string>>();
  readonly sessionUids = new Map<string, string>();
  readonly userCodes = new Map<string, string>();

  clear(): void {
    this.entries.clear();
    this.grants.clear();
    this.sessionUids.clear();
    this.userCodes.clear();
  }

  sweep(now = Date.now()): void {
    for (const [k, e] of this.entries) {
      if (e.expiresAt !== undefined && e.expiresAt + GRACE_MS < now) this.entries.delete(k);
    }
  }

  adapterFor(model: string): Adapter {
    return new StoreAdapter(this, model);
  }
}

const GRANTABLE = new Set([
  "AccessToken",
  "AuthorizationCode",
  "RefreshToken",
  "DeviceCode",
  "BackchannelAuthenticationRequest",
]);

class StoreAdapter implements Adapter {
  constructor(
    private readonly store: SandboxStore,
    private readonly model: string,
  ) {}

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  private get(key: string): AdapterPayload | undefined {
    const e = this.store.entries.get(key);
    if (!e) return undefined;
    // Tokens are returned even when expired (oidc-provider checks `exp` itself); other
    // models (sessions, interactions) disappear when they expire.
    if (e.expiresAt !== undefined && e.expiresAt < Date.now() && !GRANTABLE.has(this.model))
      return undefined;
    return e.payload;
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const key = this.key(id);
    if (this.model === "Session" && payload.uid) this.store.sessionUids.set(payload.uid, id);
    if (GRANTABLE.has(this.model) && payload.grantId) {
      const set = this.store.grants.get(payload.grantId) ?? new Set<string>();
      set.add(key);
      this.store.grants.set(payload.grantId, set);
    }
    if (payload.userCode) this.store.userCodes.set(payload.userCode, id);
    this.store.entries.set(key, {
      payload,
      ...(expiresIn ? { expiresAt: Date.now() + expiresIn * 1000 } : {}),
    });
    this.store.sweep();
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.get(this.key(id));
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    const id = this.store.userCodes.get(userCode);
    return id ? this.find(id) : undefined;
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const id = this.store.sessionUids.get(uid);
    return id ? this.find(id) : undefined;
  }

  async consume(id: string): Promise<void> {
    const p = this.get(this.key(id));
    if (p) p.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    this.store.entries.delete(this.key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const key of this.store.grants.get(grantId) ?? []) this.store.entries.delete(key);
    this.store.grants.delete(grantId);
  }
}
