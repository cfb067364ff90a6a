import { z } from 'zod';
import { ROLES } from '../db/schema';
import { DATASETS } from '../domain/enums';

const code = z.string().trim().min(1).max(64);

export const role = z.enum(ROLES);

export const scope = z.union([
  z.object({ unit: z.string() }).strict(),
  z.object({ cluster: z.string() }).strict(),
  z.null(),
]);

export const user = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string().nullable(),
  role,
  scope,
  created_at: z.string(),
  created_by: z.string(),
  disabled_at: z.string().nullable(),
});

export const userList = z.object({ users: z.array(user) });

export const createUserBody = z
  .object({
    email: z.email().max(254),
    name: z.string().trim().min(1).max(200).optional(),
    role,
    scope_unit: code.optional(),
    scope_cluster: code.optional(),
  })
  .strict()
  .refine((b) => !(b.scope_unit && b.scope_cluster), {
    message: 'give a unit or a cluster scope, not both',
    path: ['scope_cluster'],
  });

export const updateUserBody = z
  .object({
    name: z.string().trim().min(1).max(200).nullable().optional(),
    role: role.optional(),
    // null removes the scope
    scope_unit: code.nullable().optional(),
    scope_cluster: code.nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((b) => !(b.scope_unit && b.scope_cluster), {
    message: 'give a unit or a cluster scope, not both',
    path: ['scope_cluster'],
  });

export const userIdParam = z.object({ id: z.coerce.number().int().positive() });

export const apiToken = z.object({
  id: z.string(),
  user_id: z.number().int(),
  email: z.string(),
  label: z.string(),
  created_at: z.string(),
  created_by: z.string(),
  expires_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
  status: z.enum(['active', 'expired', 'revoked']),
});

export const tokenList = z.object({ tokens: z.array(apiToken) });

export const createTokenBody = z
  .object({
    label: z.string().trim().min(1).max(100),
    expires_in_days: z.number().int().min(1).max(366).default(90),
    user_id: z.number().int().positive().optional(),
  })
  .strict();

export const createdToken = apiToken.extend({ token: z.string().describe('Shown once: only its SHA-256 is kept') });

export const tokenIdParam = z.object({ id: z.uuid() });

export const me = z.object({
  email: z.string(),
  role,
  scope,
  via: z.enum(['admin_token', 'api_token', 'session', 'access']),
  rights: z.array(z.string()),
  imports: z.array(z.enum(DATASETS)).describe('The datasets this identity may import (empty below editor)'),
  national: z.boolean().describe('This instance is the national one (ROLE=national): it has the Đối chiếu page'),
});

export const signInQuery = z.object({ ticket: z.string().min(1).max(2000), next: z.string().max(500).optional() });

export const signInLinkBody = z
  .object({ user_id: z.number().int().positive(), lifetime_hours: z.number().int().min(1).max(72).default(24) })
  .strict();

export const signInLink = z.object({ url: z.string(), expires_at: z.string() });

export const auditQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    before: z.coerce.number().int().positive().optional(),
    action: z.string().max(50).optional(),
  })
  .strict();

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

export const auditList = z.object({ entries: z.array(auditEntry) });
