import type { Bindings } from '../env';

// Local `npm start` and a deployed Worker differ in two things that matter for security:
// - Who the client is. On Cloudflare, CF-Connecting-IP is set by the edge and cannot be sent by
//   the client. Under `wrangler dev` it is whatever the client sent (miniflare fills it in only
//   when it is missing), so it cannot key a rate limit. `request.cf` does not tell the two apart:
//   wrangler dev fills in a placeholder.
// - Which secrets are acceptable. The contract lets `npm start` run with any ADMIN_TOKEN it is
//   given; a deployed Worker must not accept a guessable one.
// So `npm start` says it is local (LOCAL_DEV=1, passed to wrangler dev); without it the Worker
// applies the deployed rules, the safe default.
export const isLocalDev = (env: Bindings) => env.LOCAL_DEV === '1';

/** Secrets shorter than 32 characters, or made of a few repeated characters, are guessable. */
export const MIN_SECRET_LENGTH = 32;
export const isWeakSecret = (secret: string) => secret.length < MIN_SECRET_LENGTH || new Set(secret).size < 8;

/** A secret the deployed Worker refuses to use (locally, anything given is used). */
export const refusedSecret = (env: Bindings, secret: string) => !isLocalDev(env) && isWeakSecret(secret);

export const weakSecretMessageVi = (name: string) =>
  `${name} quá yếu cho một Worker đã triển khai (cần ít nhất ` +
  `${MIN_SECRET_LENGTH} ký tự ngẫu nhiên): đặt lại bằng \`openssl rand ` +
  `-base64 32 | npx wrangler secret put ${name}\``;

export const weakSecretMessage = (name: string) =>
  `${name} is too weak for a deployed Worker (at least ` +
  `${MIN_SECRET_LENGTH} random characters): set a new one with \`openssl ` +
  `rand -base64 32 | npx wrangler secret put ${name}\``;
