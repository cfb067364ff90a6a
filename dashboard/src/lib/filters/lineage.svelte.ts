// A unit that began with the 2025 reorganisation has no figures before it, so as recorded its
// series is one bar and "this year against last" has nothing to compare with. By default such a
// unit is therefore shown with its predecessors' figures mapped onto it (the API's `as_of` on the
// day it began); `bounds=recorded` asks for the figures as recorded instead.
import { findUnit, meta } from '../meta.svelte';
import { scopeUnit } from '../scope';
import { urlState } from '../url.svelte';

/** The unit the figures are about: the chosen one, or a unit-scoped user's own. */
export const chosenUnit = (): string | undefined => urlState.params.unit ?? scopeUnit();

/** The units that went into `code` when it began (empty for a unit that has always existed). */
export function predecessors(code: string | undefined): string[] {
  const u = findUnit(code);
  if (!u?.valid_from) return [];
  return (meta.data?.unit_lineage ?? []).filter((l) => l.to_code === u.code).map((l) => l.from_code);
}

/**
 * The date predecessors are mapped onto: the chosen unit's first day, when it has predecessors
 * and the URL does not ask for another boundary mode.
 */
export function lineageDate(): string | undefined {
  if (urlState.params.bounds) return undefined;
  const code = chosenUnit();
  return predecessors(code).length ? (findUnit(code)?.valid_from ?? undefined) : undefined;
}
