import type { Scope } from '../api';

// A scope as the forms hold it (ScopeFields), and as the users API takes it.
export type ScopeKind = 'none' | 'unit' | 'cluster';

export interface ScopeDraft {
  kind: ScopeKind;
  unit: string;
  cluster: string;
}

export const draftOf = (s: Scope): ScopeDraft =>
  s === null
    ? { kind: 'none', unit: '', cluster: '' }
    : 'unit' in s
      ? { kind: 'unit', unit: s.unit, cluster: '' }
      : { kind: 'cluster', unit: '', cluster: s.cluster };

/** For a new user (POST /users): the chosen scope, or none. */
export const newScope = (d: ScopeDraft) =>
  d.kind === 'unit' ? { scope_unit: d.unit } : d.kind === 'cluster' ? { scope_cluster: d.cluster } : {};

/** For a change (PATCH /users/{id}): setting one clears the other; null on both removes the scope. */
export const changedScope = (d: ScopeDraft) =>
  d.kind === 'unit'
    ? { scope_unit: d.unit }
    : d.kind === 'cluster'
      ? { scope_cluster: d.cluster }
      : { scope_unit: null, scope_cluster: null };
