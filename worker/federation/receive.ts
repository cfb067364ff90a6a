import { sha256Hex } from '../auth/secrets';
import { batch, type ReadCost } from '../db/run';
import { ApiError, conflict, unauthorized } from '../errors';
import { deltaStatements, guardState, isFederationGuardFailure, stateStatements } from '../queries/federation/apply';
import {
  clustersOfOthers,
  codesOfOthers,
  heldUnits,
  provinceState,
  type ProvinceStateRow,
} from '../queries/federation/state';
import { findFederationToken } from '../queries/federation/tokens';
import { type PushBody, pushBody } from '../validation/federation';
import { receiveResync, type ResyncOptions, type ResyncProgress } from './resyncReceive';
import { parseSignature, verifyPush } from './signature';

/** A push signed longer ago than this is refused as a replay, whatever its version. */
export const MAX_AGE_MS = 5 * 60_000;

const invalid = (parameter: string, en: string, vi: string, extra: Record<string, unknown> = {}) =>
  new ApiError(422, { error: `${parameter}: ${en}`, error_vi: `${parameter}: ${vi}`, parameter, ...extra });

/** Who signed the body: the token row, if the signature is one of its. */
async function signer(db: D1Database, cost: ReadCost, header: string | undefined, body: string) {
  const sig = parseSignature(header);
  if (!sig)
    throw unauthorized({
      en: 'Missing or malformed X-Federation-Signature (expected <token id>:<hex HMAC-SHA-256 of the body>)',
      vi: 'Thiếu chữ ký X-Federation-Signature hoặc chữ ký sai dạng (<mã token>:<HMAC-SHA-256 của nội dung>)',
    });
  const token = await findFederationToken(db, cost, sig.id);
  if (!token || token.revoked_at)
    throw unauthorized({ en: 'Unknown or revoked push token', vi: 'Mã đẩy dữ liệu không tồn tại hoặc đã bị thu hồi' });
  if (!(await verifyPush(token.key_hash, sig.mac, body)))
    throw unauthorized({
      en: 'The signature does not match the body: the push was altered or signed with another token',
      vi: 'Chữ ký không khớp với nội dung: dữ liệu đã bị sửa hoặc được ký bằng mã khác',
    });
  return token;
}

function parse(body: string): PushBody {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw invalid('body', 'not JSON', 'không phải JSON');
  }
  const r = pushBody.safeParse(json);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue.path.join('.') || 'body';
  throw invalid(path, issue.message, `giá trị không hợp lệ (${issue.message})`);
}

/** The units must form the province's own tree: its top unit, or units whose lineage leads into it. */
async function checkGeography(db: D1Database, cost: ReadCost, p: PushBody): Promise<void> {
  const codes = new Set(p.units.map((u) => u.code));
  const successors = new Map<string, string[]>();
  for (const l of p.lineage) successors.set(l.from, [...(successors.get(l.from) ?? []), l.to]);
  const leadsInto = (code: string, seen = new Set<string>()): boolean =>
    code === p.province ||
    (!seen.has(code) && (successors.get(code) ?? []).some((to) => leadsInto(to, seen.add(code))));
  const outside = p.units.filter(
    (u) => (u.parent !== null && !codes.has(u.parent)) || (u.parent === null && !leadsInto(u.code)),
  );
  if (outside.length)
    throw invalid(
      'units',
      `outside province ${p.province}: ${outside
        .slice(0, 10)
        .map((u) => u.code)
        .join(', ')}`,
      `không thuộc tỉnh ${p.province}: ${outside
        .slice(0, 10)
        .map((u) => u.code)
        .join(', ')}`,
      { codes: outside.slice(0, 100).map((u) => u.code) },
    );
  if (!codes.has(p.province))
    throw invalid('units', `the province's own unit ${p.province} is missing`, `thiếu đơn vị tỉnh ${p.province}`);
  const others = await codesOfOthers(db, cost, p.province, JSON.stringify([...codes]));
  if (others.length)
    throw invalid(
      'units',
      `codes held by another province: ${others.join(', ')}`,
      `mã đơn vị thuộc tỉnh khác: ${others.join(', ')}`,
      { codes: others },
    );
  const movements = new Set(p.movements.map((m) => m.code));
  // rows may still take counts off a unit the province has since removed (it leaves with this push)
  let held: Set<string> | null = null;
  for (const [i, r] of p.rows.entries()) {
    const unit = String(r.unit);
    if (!codes.has(unit) && !held) held = new Set(await heldUnits(db, cost, p.province));
    if (!codes.has(unit) && !held?.has(unit))
      throw invalid(`rows.${i}.unit`, `unit ${r.unit} is not among the units sent`, `đơn vị ${r.unit} không có`);
    if (r.movement !== '' && !movements.has(String(r.movement)))
      throw invalid(
        `rows.${i}.movement`,
        `movement ${r.movement} is not among the movements sent`,
        `phong trào ${r.movement} không có trong danh sách gửi kèm`,
      );
  }
  await checkClusters(db, cost, p, codes);
}

/** Clusters owned inside the province (or central), members and results among its own units. */
async function checkClusters(db: D1Database, cost: ReadCost, p: PushBody, codes: Set<string>): Promise<void> {
  const clusters = new Set(p.clusters.map((c) => c.code));
  const ownerOutside = p.clusters.findIndex((c) => c.owner !== null && !codes.has(c.owner));
  if (ownerOutside >= 0)
    throw invalid(
      `clusters.${ownerOutside}.owner`,
      `the cluster's owner ${p.clusters[ownerOutside].owner} is not among the units sent`,
      `đơn vị quản lý cụm ${p.clusters[ownerOutside].owner} không có trong danh sách gửi kèm`,
    );
  for (const [list, rows] of [
    ['cluster_members', p.cluster_members],
    ['movement_results', p.movement_results],
  ] as const)
    for (const [i, r] of rows.entries()) {
      if (!codes.has(r.unit))
        throw invalid(`${list}.${i}.unit`, `unit ${r.unit} is not among the units sent`, `đơn vị ${r.unit} không có`);
      if (!clusters.has(r.cluster))
        throw invalid(
          `${list}.${i}.cluster`,
          `cluster ${r.cluster} is not among the clusters sent`,
          `cụm, khối ${r.cluster} không có trong danh sách gửi kèm`,
        );
    }
  const others = await clustersOfOthers(db, cost, p.province, JSON.stringify([...clusters]));
  if (others.length)
    throw invalid(
      'clusters',
      `clusters owned by another province: ${others.join(', ')}`,
      `cụm, khối do tỉnh khác quản lý: ${others.join(', ')}`,
      { codes: others },
    );
}

const replay = (s: ProvinceStateRow) =>
  conflict(
    {
      en: `Replayed push: the national already applied version ${s.version} (signed ${s.signed_at})`,
      vi: `Dữ liệu gửi lại: máy chủ quốc gia đã áp dụng phiên bản ${s.version} (ký lúc ${s.signed_at})`,
    },
    { reason: 'replay', expected_version: s.version },
  );

const gap = (s: ProvinceStateRow, base: number) =>
  conflict(
    {
      en:
        `Versions do not follow: this push starts from version ${base}, the national copy is at ` +
        `${s.version}; resend from ${s.version} or send the whole cube (full)`,
      vi:
        `Phiên bản không liền mạch: lần gửi này bắt đầu từ phiên bản ${base}, bản sao quốc gia đang ở ` +
        `${s.version}; hãy gửi lại từ ${s.version} hoặc gửi toàn bộ (full)`,
    },
    { reason: 'gap', expected_version: s.version },
  );

export interface Applied {
  province: string;
  version: number;
  applied_rows: number;
  heartbeat: boolean;
  /** a whole-cube push (full): where its resync stands after this request */
  resync?: ResyncProgress;
}

/** Whether the push changes which of the province's units are top-level at the national. */
async function topsChange(db: D1Database, cost: ReadCost, p: PushBody): Promise<boolean> {
  const now = new Set(await heldUnits(db, cost, p.province, true));
  const next = p.units.filter((u) => u.parent === null).map((u) => u.code);
  return now.size !== next.length || next.some((c) => !now.has(c));
}

/**
 * A province's push, checked (signature, province, age, order, codes). A delta is applied in
 * one D1 batch guarded on the state it was checked against: of two pushes at once, one applies.
 * A whole cube (`full`) comes in slices, each its own request (resyncReceive.ts).
 */
export async function receivePush(
  db: D1Database,
  cost: ReadCost,
  signature: string | undefined,
  body: string,
  now = new Date(),
  options: ResyncOptions = {},
): Promise<Applied> {
  const token = await signer(db, cost, signature, body);
  const p = parse(body);
  if (p.province !== token.province)
    throw invalid(
      'province',
      `this token pushes for ${token.province}, not ${p.province}`,
      `mã này chỉ dùng cho tỉnh ${token.province}, không phải ${p.province}`,
    );
  if (p.full !== (p.resync !== undefined))
    throw invalid(
      'resync',
      'a whole-cube push (full) comes in slices and names its resync; a delta does not',
      'dữ liệu toàn bộ (full) được gửi theo từng lát và phải ghi lần đồng bộ (resync); dữ liệu thay đổi thì không',
    );
  if (p.resync?.finish && p.rows.length)
    throw invalid(
      'rows',
      'a request to finish a resync carries no rows',
      'yêu cầu hoàn tất đồng bộ không kèm dòng dữ liệu',
    );
  const age = now.getTime() - Date.parse(p.signed_at);
  if (age > MAX_AGE_MS || age < -MAX_AGE_MS)
    throw unauthorized(
      {
        en: `The push was signed at ${p.signed_at}, more than 5 minutes from now: refused as a replay`,
        vi: `Dữ liệu được ký lúc ${p.signed_at}, lệch quá 5 phút so với hiện tại: bị từ chối (gửi lại)`,
      },
      { reason: 'expired' },
    );
  await checkGeography(db, cost, p);
  const s = (await provinceState(db, cost, p.province))!;
  const geographyHash = await sha256Hex(
    JSON.stringify([p.units, p.lineage, p.movements, p.award_types, p.clusters, p.cluster_members, p.movement_results]),
  );
  if (p.full) {
    // a resync brings the version it read, which may equal the national's (the same data again)
    if (p.signed_at <= s.signed_at || p.version < s.version) throw replay(s);
    try {
      const resync = await receiveResync(db, cost, p, s, { now, geographyHash, options });
      return { province: p.province, version: p.version, applied_rows: p.rows.length, heartbeat: false, resync };
    } catch (e) {
      if (!isFederationGuardFailure(e)) throw e;
      throw replay((await provinceState(db, cost, p.province))!);
    }
  }
  const heartbeat = p.version === s.version && p.base_version === s.version && !p.rows.length;
  if (p.signed_at <= s.signed_at || (p.version <= s.version && !heartbeat)) throw replay(s);
  if (p.base_version !== s.version) throw gap(s, p.base_version);

  const geography = geographyHash !== s.geography_hash;
  const topsChanged = geography && (await topsChange(db, cost, p));
  const stamp = now.toISOString();
  try {
    await batch(db, cost, [
      guardState(p.province, s.version, s.signed_at),
      ...(p.rows.length || geography ? deltaStatements(p, stamp, { geography, topsChanged }) : []),
      ...stateStatements(p, stamp, geographyHash, !heartbeat || geography),
    ]);
  } catch (e) {
    if (!isFederationGuardFailure(e)) throw e;
    // another push of this province was applied meanwhile: judge this one against it
    const after = (await provinceState(db, cost, p.province))!;
    throw p.version <= after.version ? replay(after) : gap(after, p.base_version);
  }
  return { province: p.province, version: p.version, applied_rows: p.rows.length, heartbeat };
}
