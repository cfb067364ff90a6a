import { sha256Hex } from '../auth/secrets';

// A push is signed with HMAC-SHA-256 (Web Crypto) over its exact body, which carries the
// province, its data version and the time it was signed. The key is the SHA-256 of the token:
// the national keeps only that digest, and the token itself never travels after it was given.

export const SIGNATURE_HEADER = 'X-Federation-Signature';

/** A push token is `<id>.<secret>`: the id names the row, the whole string is the secret. */
export const tokenId = (token: string): string | null =>
  /^(fed_[A-Za-z0-9]{12})\.[A-Za-z0-9_-]{32,}$/.exec(token)?.[1] ?? null;

const hmacKey = (keyHash: string) =>
  crypto.subtle.importKey('raw', new TextEncoder().encode(keyHash), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);

const hex = (b: ArrayBuffer) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');

/** The header value a province sends: `<token id>:<hex HMAC of the body>`. */
export async function signPush(token: string, body: string): Promise<string> {
  const id = tokenId(token);
  if (!id) throw new Error('FEDERATION_TOKEN is not a push token (fed_…)');
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(await sha256Hex(token)), new TextEncoder().encode(body));
  return `${id}:${hex(mac)}`;
}

export function parseSignature(header: string | undefined): { id: string; mac: Uint8Array<ArrayBuffer> } | null {
  const m = /^(fed_[A-Za-z0-9]{12}):([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return null;
  return { id: m[1], mac: Uint8Array.from(m[2].match(/../g)!, (h) => Number.parseInt(h, 16)) };
}

/** crypto.subtle.verify compares in constant time. */
export async function verifyPush(keyHash: string, mac: Uint8Array<ArrayBuffer>, body: string): Promise<boolean> {
  return crypto.subtle.verify('HMAC', await hmacKey(keyHash), mac, new TextEncoder().encode(body));
}
