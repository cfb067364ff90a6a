// The signed-in user's scope as the pickers need it. The API enforces the scope (a unit or
// cluster outside it answers 403, and /meta lists the scope's units with their ancestors for
// context); this only keeps the dashboard from offering what would be refused.
import { ancestry, findCluster } from './meta.svelte';
import { session } from './session.svelte';

/** The unit a unit-scoped user's figures default to (the API does the same without `unit`). */
export function scopeUnit(): string | undefined {
  const s = session.me?.scope;
  return s && 'unit' in s ? s.unit : undefined;
}

/** May the signed-in user ask for this unit: inside their unit, or a member of their cluster (or below one)? */
export function unitAllowed(code: string): boolean {
  const s = session.me?.scope;
  if (!s) return true;
  const chain = ancestry(code).map((u) => u.code);
  if ('unit' in s) return chain.includes(s.unit);
  const members = new Set(findCluster(s.cluster)?.members.map((m) => m.unit_code));
  return chain.some((c) => members.has(c));
}
