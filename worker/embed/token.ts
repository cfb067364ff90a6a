import { sign, verify } from 'hono/jwt';
import type { JWTPayload } from 'hono/utils/jwt/types';
import { actorEmail, BOOTSTRAP_ADMIN, scopeOf, scopeStillCovers, type Scope } from '../auth/identity';
import { atLeast } from '../auth/roles';
import type { ReadCost } from '../db/run';
import { EMBED_CHARTS, isEmbedChart, type EmbedChart } from '../domain/embedCharts';
import { findEmbedToken } from '../queries/embeds';
import { findUserByEmail } from '../queries/auth/users';
import { ApiError } from '../errors';

/** The claims of an embed token (HS256, signed with EMBED_SECRET). */
export interface EmbedClaims {
  jti: string;
  chart: EmbedChart;
  /** The locked query: filters the embedding page cannot change. */
  params: Record<string, string>;
  /** The one parent origin allowed to frame the chart (CSP frame-ancestors). */
  origin: string;
  /** The creator's scope when the token was made: the chart never shows more (absent: everything). */
  scope?: Scope;
  iat: number;
  exp: number;
}

/** 401: the token cannot show its chart (which check failed, never any data). */
export class EmbedDenied extends ApiError {
  constructor(en: string, vi: string) {
    super(401, { error: en, error_vi: vi });
  }
}

export function signEmbed(claims: EmbedClaims, secret: string): Promise<string> {
  return sign(claims as unknown as JWTPayload, secret, 'HS256');
}

/**
 * Checks signature, expiry, chart and revocation; answers the claims or throws EmbedDenied
 * with a message that says which check failed (never any data).
 */
export async function verifyEmbed(
  db: D1Database,
  cost: ReadCost,
  secret: string | undefined,
  token: string | undefined,
  chart: string,
): Promise<EmbedClaims> {
  if (!secret)
    throw new EmbedDenied(
      'Embeds are disabled: the server has no EMBED_SECRET configured',
      'Chức năng nhúng đang tắt: máy chủ chưa có EMBED_SECRET',
    );
  if (!token)
    throw new EmbedDenied(
      'Missing embed token: add ?token=… from the "Nhúng biểu đồ" dialog',
      'Thiếu mã nhúng: thêm ?token=… lấy từ hộp thoại "Nhúng biểu đồ"',
    );
  let payload: JWTPayload;
  try {
    payload = await verify(token, secret, 'HS256');
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'JwtTokenExpired')
      throw new EmbedDenied('Embed token expired: ask for a new one', 'Mã nhúng đã hết hạn: hãy đề nghị cấp mã mới');
    throw new EmbedDenied(
      'Invalid embed token: the signature does not match (tampered or not issued here)',
      'Mã nhúng không hợp lệ: chữ ký không khớp (bị sửa hoặc không do hệ thống này cấp)',
    );
  }
  const claims = payload as unknown as EmbedClaims;
  if (typeof claims.exp !== 'number')
    throw new EmbedDenied('Invalid embed token: it has no expiry', 'Mã nhúng không hợp lệ: không có hạn dùng');
  if (
    typeof claims.jti !== 'string' ||
    !isEmbedChart(claims.chart) ||
    typeof claims.origin !== 'string' ||
    typeof claims.params !== 'object' ||
    claims.params === null
  ) {
    throw new EmbedDenied('Invalid embed token: malformed claims', 'Mã nhúng không hợp lệ: nội dung sai dạng');
  }
  if (claims.chart !== chart)
    throw new EmbedDenied(
      `This embed token is for the chart '${claims.chart}', not '${chart}'`,
      `Mã nhúng này dành cho biểu đồ '${claims.chart}', không phải '${chart}'`,
    );
  const row = await findEmbedToken(db, cost, claims.jti);
  if (!row)
    throw new EmbedDenied(
      'Embed token unknown: it was not issued by this server',
      'Mã nhúng không rõ nguồn: không do hệ thống này cấp',
    );
  if (row.revoked_at) throw new EmbedDenied('Embed token revoked', 'Mã nhúng đã bị thu hồi');
  await requireCreatorAccess(db, cost, row.created_by, claims.scope ?? null);
  // the frame-ancestors of the page come from the row, checked when it was stored
  return { ...claims, origin: row.origin };
}

/**
 * A chart shows its creator's data to anyone with the token, so it lives only as long as the
 * creator may still make it: a disabled user, one lowered below analyst, or one moved to
 * another scope takes their charts down with them (without anyone having to revoke each one).
 */
async function requireCreatorAccess(
  db: D1Database,
  cost: ReadCost,
  createdBy: string,
  tokenScope: Scope,
): Promise<void> {
  const email = actorEmail(createdBy);
  if (email === BOOTSTRAP_ADMIN) return;
  const user = await findUserByEmail(db, cost, email);
  const withdrawn = () =>
    new EmbedDenied(
      'Embed token no longer valid: its creator no longer has the right to share this chart; ask for a new one',
      'Mã nhúng không còn hiệu lực: người tạo không còn quyền chia sẻ biểu đồ này; hãy đề nghị cấp mã mới',
    );
  if (!user || user.disabled_at || !atLeast(user.role, 'analyst')) throw withdrawn();
  if (!scopeStillCovers(scopeOf(user), tokenScope)) throw withdrawn();
}

/**
 * The query of an embed: the token's locked params and the chart's fixed ones win; any
 * attempt by the URL to set one of them to something else is refused with its name.
 */
export function embedQuery(
  claims: EmbedClaims,
  requested: Record<string, string>,
): { query: Record<string, string> } | { locked: string } {
  const fixed: Record<string, string> = { ...EMBED_CHARTS[claims.chart].fixed };
  const locked = { ...claims.params, ...fixed };
  for (const [key, value] of Object.entries(requested)) {
    if (key in locked && locked[key] !== value) return { locked: key };
  }
  return { query: { ...requested, ...locked } };
}
