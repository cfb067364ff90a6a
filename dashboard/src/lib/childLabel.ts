import { findUnit, unitLabel, unitName } from './meta.svelte';

/**
 * Labels for the units under `parent`: a child valid over the same dates as its parent is
 * named plainly, as the card's title already gives those dates once ("trong Tỉnh Hưng Yên (từ
 * 01/07/2025)"), instead of "(từ 01/07/2025)" on every bar; a child whose dates differ keeps them.
 */
export function childLabel(parent: string | undefined): (code: string | null) => string {
  const p = findUnit(parent);
  return (code) => {
    const u = findUnit(code);
    if (!u || !p || u.code === p.code) return unitLabel(code);
    const same = (u.valid_from ?? null) === (p.valid_from ?? null) && (u.valid_to ?? null) === (p.valid_to ?? null);
    return same ? unitName(code) : unitLabel(code);
  };
}
