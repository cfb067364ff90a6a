import type { z } from 'zod';
import { actorOf, type Identity } from '../auth/identity';
import type { ReadCost } from '../db/run';
import { ApiError } from '../errors';
import { recordAudit } from '../queries/auth/audit';
import { insertEmbedToken, type EmbedTokenRow } from '../queries/embeds';
import type { createEmbedBody, embedToken } from '../validation/embeds';
import { embedSnippet } from './page';
import { signEmbed } from './token';

export function embedView(row: EmbedTokenRow, now = new Date().toISOString()): z.infer<typeof embedToken> {
  const status = row.revoked_at ? 'revoked' : row.expires_at <= now ? 'expired' : 'active';
  return { ...row, chart: row.chart as z.infer<typeof embedToken>['chart'], params: JSON.parse(row.params), status };
}

/**
 * Signs a token for the chart with its locked filters (already checked), the allowed parent
 * origin and an expiry, records it (so it can be revoked) and answers it with the iframe snippet.
 * The token carries its creator's scope: an embedded chart never shows more than they could see.
 */
export async function createEmbed(
  db: D1Database,
  cost: ReadCost,
  who: Identity,
  body: z.infer<typeof createEmbedBody>,
  params: Record<string, string>,
  secret: string | undefined,
  siteOrigin: string,
) {
  if (!secret)
    throw new ApiError(503, {
      error: 'Embeds are disabled: the server has no EMBED_SECRET configured',
      error_vi: 'Chức năng nhúng đang tắt: máy chủ chưa có EMBED_SECRET',
    });
  const now = new Date();
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + body.lifetime_days * 86400;
  const row: EmbedTokenRow = {
    id: crypto.randomUUID(),
    chart: body.chart,
    params: JSON.stringify(params),
    origin: body.origin,
    label: body.label ?? null,
    created_at: now.toISOString(),
    expires_at: new Date(exp * 1000).toISOString(),
    revoked_at: null,
    created_by: actorOf(who),
  };
  const claims = {
    jti: row.id,
    chart: body.chart,
    params,
    origin: body.origin,
    iat,
    exp,
    ...(who.scope ? { scope: who.scope } : {}),
  };
  const token = await signEmbed(claims, secret);
  await insertEmbedToken(db, cost, row);
  await recordAudit(db, {
    actor: row.created_by,
    action: 'embed_create',
    target: row.id,
    detail: { chart: row.chart, params, origin: row.origin, expires_at: row.expires_at },
  });
  const url = `${siteOrigin}/embed/${body.chart}?token=${token}`;
  return { ...embedView(row), token, url, snippet: embedSnippet(url, row.id) };
}
