// The admin page's calls: users, sign-in links, API tokens, the audit log. Typed from the same
// OpenAPI document as the rest of the client; kept here so they load with the page's chunk.
import { call, client } from '../api';
import type { paths } from '../api-schema';

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Body<Op> = Op extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;

export type User = Json<paths['/users']['get']['responses'][200]>['users'][number];
export type NewUser = Body<paths['/users']['post']>;
export type UserChange = Body<paths['/users/{id}']['patch']>;
export type ApiToken = Json<paths['/tokens']['get']['responses'][200]>['tokens'][number];
export type NewToken = Body<paths['/tokens']['post']>;
export type CreatedToken = Json<paths['/tokens']['post']['responses'][201]>;
export type SignInLink = Json<paths['/auth/sign-in-links']['post']['responses'][201]>;
export type AuditEntry = Json<paths['/audit']['get']['responses'][200]>['entries'][number];

export const listUsers = () => call<{ users: User[] }>(client.GET('/users'));

export const createUser = (body: NewUser) => call<User>(client.POST('/users', { body }));

export const updateUser = (id: number, body: UserChange) =>
  call<User>(client.PATCH('/users/{id}', { params: { path: { id } }, body }));

export const makeSignInLink = (userId: number, lifetimeHours: number) =>
  call<SignInLink>(client.POST('/auth/sign-in-links', { body: { user_id: userId, lifetime_hours: lifetimeHours } }));

export const listTokens = () => call<{ tokens: ApiToken[] }>(client.GET('/tokens'));

export const createToken = (body: NewToken) => call<CreatedToken>(client.POST('/tokens', { body }));

export const revokeToken = (id: string) => call<ApiToken>(client.DELETE('/tokens/{id}', { params: { path: { id } } }));

export const listAudit = (query: { limit: number; before?: number; action?: string }, signal?: AbortSignal) =>
  call<{ entries: AuditEntry[] }>(client.GET('/audit', { params: { query }, signal }));
