import type { Unit } from './meta.svelte';
import { compareVi } from './text';

export interface TreeNode {
  unit: Unit;
  depth: number;
  /** The codes of the unit's ancestors, root first. */
  path: string[];
}

/** The units in tree order (each followed by its children, by Vietnamese name), for indented selects. */
export function unitTree(units: Unit[]): TreeNode[] {
  const children = new Map<string | null, Unit[]>();
  for (const u of units) {
    const list = children.get(u.parent_code) ?? [];
    list.push(u);
    children.set(u.parent_code, list);
  }
  const out: TreeNode[] = [];
  const walk = (parent: string | null, depth: number, path: string[]) => {
    for (const u of (children.get(parent) ?? []).sort((a, b) => compareVi(a.name, b.name))) {
      out.push({ unit: u, depth, path });
      walk(u.code, depth + 1, [...path, u.code]);
    }
  };
  walk(null, 0, []);
  return out;
}

/** Non-breaking spaces that indent a tree node inside an <option>. */
export const indent = (depth: number) => '\u00a0\u00a0'.repeat(depth);
