import { timingSafeEqual } from 'hono/utils/buffer';

/** A random secret of `bytes` bytes, base64url (API tokens, session ids). */
export function randomSecret(bytes = 32): string {
  const raw = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...raw))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Tokens and session ids are stored only as this digest: a copy of the table opens nothing. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares two secrets without leaking through timing where they differ. */
export const sameSecret = (a: string, b: string) => timingSafeEqual(a, b);
