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

/** `bounds=former`: a unit that ended (a district abolished on 1 Jul 2025) followed across its end. */
export const FOLLOW = 'former';

/** The units that took over `code`'s area when it ended: its own and its subtree's successors. */
export function successors(code: string | undefined): string[] {
  const u = findUnit(code);
  if (!u?.valid_to) return [];
  const area = new Set([u.code]);
  const units = meta.data?.units ?? [];
  // parents come before children in no guaranteed order: grow the subtree until it stops
  for (let grew = true; grew; ) {
    grew = false;
    for (const x of units) if (x.parent_code && area.has(x.parent_code) && !area.has(x.code)) grew = !!area.add(x.code);
  }
  const to = (meta.data?.unit_lineage ?? []).filter((l) => area.has(l.from_code)).map((l) => l.to_code);
  return [...new Set(to)].filter((c) => !area.has(c));
}

/**
 * The date today's units are mapped back onto under "follow the former area": the unit's last
 * day. The API then splits the awards of the units that took its area among the old units by
 * the shares of unit_lineage, so the old district's series runs on after it ended.
 */
export function followDate(): string | undefined {
  if (urlState.params.bounds !== FOLLOW) return undefined;
  const code = chosenUnit();
  return successors(code).length ? (findUnit(code)?.valid_to ?? undefined) : undefined;
}
