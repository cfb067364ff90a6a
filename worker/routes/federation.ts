import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { describeRoute, validator } from 'hono-openapi';
import { actorOf } from '../auth/identity';
import { randomSecret, sha256Hex } from '../auth/secrets';
import type { AppEnv } from '../env';
import { ApiError, notFound } from '../errors';
import { receivePush } from '../federation/receive';
import { finishBudget, isNational, provinceConfig, sliceRows, staleSeconds } from '../federation/role';
import { httpsTransport, pushToNational } from '../federation/send';
import { SIGNATURE_HEADER } from '../federation/signature';
import { federationStatus, reconciliationView } from '../federation/views';
import { authenticate } from '../middleware/authenticate';
import { identityOf, need } from '../middleware/requireRole';
import { recordAudit } from '../queries/auth/audit';
import { outbox } from '../queries/federation/outbox';
import { currentVersion } from '../queries/geography';
import { insertFederationToken } from '../queries/federation/tokens';
import {
  createFederationToken,
  federationStatus as statusSchema,
  federationToken,
  outboxState,
  pushAnswer,
  reconciliation,
} from '../validation/federation';
import { badRequest } from '../validation/hook';
import { AUTH_ERRORS, err, json } from './openapiHelpers';

// Mounted before the app's authenticate and request limit: a push is authenticated by its
// signature and may be large; every other route here signs in as usual (admins).
const MAX_PUSH_BYTES = 90 * 1024 * 1024;

const nationalOnly = () => {
  throw notFound({
    en: 'This instance is not the national one (ROLE=national)',
    vi: 'Máy chủ này không phải máy chủ quốc gia (ROLE=national)',
  });
};
const provinceOnly = () => {
  throw notFound({
    en: 'This instance does not push to a national one (NATIONAL_URL, FEDERATION_TOKEN)',
    vi: 'Máy chủ này không gửi dữ liệu lên máy chủ quốc gia (NATIONAL_URL, FEDERATION_TOKEN)',
  });
};
const hex = (bytes: number) =>
  [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');

export const federationRoutes = new Hono<AppEnv>()
  .post(
    '/push',
    describeRoute({
      tags: ['federation'],
      summary: 'Receive a province push (national)',
      description:
        'A province instance sends its cube changes since the version the national acknowledged, with its ' +
        'units, lineage and movements, signed with HMAC-SHA-256 (`X-Federation-Signature: <token id>:<hex>`). ' +
        'Applied in one D1 batch, or refused with nothing written: 401 bad signature or older than 5 minutes, ' +
        '409 replay or gap (`expected_version`), 422 bad body or units outside the token’s province.',
      responses: {
        200: { description: 'Applied', content: json(pushAnswer) },
        401: err('Missing, wrong or expired signature'),
        404: err('Not the national instance'),
        409: err('Replay (version already applied) or gap: `expected_version` says where to resend from'),
        413: err('Body too large'),
        422: err('Malformed push, or units outside the token’s province'),
      },
    }),
    bodyLimit({
      maxSize: MAX_PUSH_BYTES,
      onError: () => {
        throw new ApiError(413, {
          error: 'Push too large: at most 90 MB',
          error_vi: 'Dữ liệu gửi quá lớn: tối đa 90 MB',
        });
      },
    }),
    async (c) => {
      if (!isNational(c.env)) nationalOnly();
      const body = await c.req.text();
      const options = { stepRows: sliceRows(c.env), budgetMs: finishBudget(c.env) };
      return c.json(
        await receivePush(c.env.DB, c.get('cost'), c.req.header(SIGNATURE_HEADER), body, new Date(), options),
      );
    },
  )
  .use(authenticate)
  .use(need('admin', { en: 'the federation', vi: 'liên thông dữ liệu' }))
  .post(
    '/tokens',
    describeRoute({
      tags: ['federation'],
      summary: 'Create a push token for a province (national)',
      description:
        'One province per token; answered once (only its SHA-256 is stored). Give it to the province ' +
        'instance as FEDERATION_TOKEN. Admins. Recorded in the audit log.',
      responses: {
        201: { description: 'Created', content: json(federationToken) },
        400: err('A bad field'),
        404: err('Not the national instance'),
        ...AUTH_ERRORS,
      },
    }),
    validator('json', createFederationToken, badRequest),
    async (c) => {
      if (!isNational(c.env)) nationalOnly();
      const { province } = c.req.valid('json');
      const id = `fed_${hex(6)}`;
      const token = `${id}.${randomSecret()}`;
      const who = identityOf(c);
      const now = new Date().toISOString();
      await insertFederationToken(c.env.DB, c.get('cost'), {
        id,
        province,
        key_hash: await sha256Hex(token),
        created_at: now,
        created_by: actorOf(who),
      });
      await recordAudit(c.env.DB, { actor: actorOf(who), action: 'federation_token_create', target: province });
      return c.json({ token, id, province }, 201);
    },
  )
  .get(
    '/status',
    describeRoute({
      tags: ['federation'],
      summary: 'Every province: data version, last push, stale (national)',
      description:
        'A province is stale when it has sent neither a push nor a heartbeat for `stale_after_seconds` ' +
        '(FEDERATION_STALE_SECONDS, default 26 hours); its last figures still count, as of `pushed_at`. Admins.',
      responses: {
        200: { description: 'OK', content: json(statusSchema) },
        404: err('Not the national instance'),
        ...AUTH_ERRORS,
      },
    }),
    async (c) => {
      if (!isNational(c.env)) nationalOnly();
      return c.json(await federationStatus(c.env.DB, c.get('cost'), staleSeconds(c.env)));
    },
  )
  .get(
    '/reconciliation',
    describeRoute({
      tags: ['federation'],
      summary: 'Each province’s own totals beside the national copy (national)',
      description:
        'Per province and year: the total the province reported with its last push, the national ' +
        'copy’s, and the difference. Admins.',
      responses: {
        200: { description: 'OK', content: json(reconciliation) },
        404: err('Not the national instance'),
        ...AUTH_ERRORS,
      },
    }),
    async (c) => {
      if (!isNational(c.env)) nationalOnly();
      return c.json(await reconciliationView(c.env.DB, c.get('cost'), staleSeconds(c.env)));
    },
  )
  .get(
    '/outbox',
    describeRoute({
      tags: ['federation'],
      summary: 'What the national acknowledged (province)',
      responses: {
        200: { description: 'OK', content: json(outboxState) },
        404: err('Not a province that pushes'),
        ...AUTH_ERRORS,
      },
    }),
    async (c) => {
      const config = provinceConfig(c.env) ?? provinceOnly();
      const [o, v] = [await outbox(c.env.DB, c.get('cost')), await currentVersion(c.env.DB, c.get('cost'))];
      return c.json({ national_url: config.url, version: v.version, ...o });
    },
  )
  .post(
    '/send',
    describeRoute({
      tags: ['federation'],
      summary: 'Push now, or a heartbeat when nothing changed (province)',
      description:
        'What a Cron Trigger calls daily so the national knows the province is alive; pushes whatever is ' +
        'not acknowledged yet. Admins.',
      responses: {
        200: { description: 'Sent', content: json(outboxState) },
        404: err('Not a province that pushes'),
        ...AUTH_ERRORS,
      },
    }),
    async (c) => {
      const config = provinceConfig(c.env) ?? provinceOnly();
      await pushToNational(c.env.DB, config.token, httpsTransport(config.url), {
        heartbeat: true,
        sliceRows: sliceRows(c.env),
      });
      const [o, v] = [await outbox(c.env.DB, c.get('cost')), await currentVersion(c.env.DB, c.get('cost'))];
      return c.json({ national_url: config.url, version: v.version, ...o });
    },
  );
