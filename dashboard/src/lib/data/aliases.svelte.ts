import { client } from '../api';
import type { paths } from '../api-schema';

// Remembered unit names (GET/POST/DELETE /api/v1/imports/aliases). The picker saves them and
// the list removes them; `aliases.version` tells the list to load again after a save.

export type UnitAlias = paths['/imports/aliases']['post']['responses'][201]['content']['application/json'];

export const aliases = $state({ version: 0 });

export interface Refusal {
  error: string;
  error_vi: string;
}

const refusal = (status: number, body: unknown): Refusal => {
  const b = body as Partial<Refusal> | undefined;
  return { error: b?.error ?? `HTTP ${status}`, error_vi: b?.error_vi ?? b?.error ?? `HTTP ${status}` };
};

export async function listAliases(): Promise<UnitAlias[] | Refusal> {
  const r = await client.GET('/imports/aliases');
  return r.data ? r.data.aliases : refusal(r.response.status, r.error);
}

export async function saveAlias(alias: string, unit_code: string): Promise<UnitAlias | Refusal> {
  const r = await client.POST('/imports/aliases', { body: { alias, unit_code } });
  return r.data ?? refusal(r.response.status, r.error);
}

export async function removeAlias(id: number): Promise<Refusal | null> {
  const r = await client.DELETE('/imports/aliases/{id}', { params: { path: { id } } });
  return r.data ? null : refusal(r.response.status, r.error);
}
