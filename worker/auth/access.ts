import { type JWTPayload, createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Text } from '../errors';

// Cloudflare Access puts a signed JWT in Cf-Access-Jwt-Assertion on every request it lets
// through. Its signature is checked against the team's published keys (rotated by Cloudflare,
// so fetched and cached, and fetched again for an unknown key id), its audience must be this
// application's AUD tag, and it must not be expired.

/** Anything wrong with an Access JWT, told in both languages. */
export class AccessDenied extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

const keySets = new Map<string, JWTVerifyGetKey>();

export function teamOrigin(teamDomain: string): string {
  const withScheme = /^https?:\/\//.test(teamDomain) ? teamDomain : `https://${teamDomain}`;
  return new URL(withScheme).origin;
}

function keysOf(team: string): JWTVerifyGetKey {
  let keys = keySets.get(team);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(`${team}/cdn-cgi/access/certs`), {
      cacheMaxAge: 10 * 60_000,
      cooldownDuration: 30_000,
    });
    keySets.set(team, keys);
  }
  return keys;
}

/** The verified email of an Access JWT; AccessDenied for anything wrong with it. */
export async function verifyAccessJwt(jwt: string, teamDomain: string, audience: string): Promise<string> {
  const team = teamOrigin(teamDomain);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(jwt, keysOf(team), {
      issuer: team,
      audience,
      algorithms: ['RS256'],
      clockTolerance: 30,
    }));
  } catch (e) {
    const reason = (e as { code?: string }).code ?? 'invalid';
    throw new AccessDenied({
      en: `Cloudflare Access token rejected (${reason})`,
      vi: `Mã Cloudflare Access bị từ chối (${reason})`,
    });
  }
  const email = typeof payload.email === 'string' ? payload.email.trim().toLowerCase() : '';
  if (!email)
    throw new AccessDenied({
      en: 'Cloudflare Access token has no email (service tokens must use an API token)',
      vi: 'Mã Cloudflare Access không có email (mã dịch vụ phải dùng mã API)',
    });
  return email;
}
