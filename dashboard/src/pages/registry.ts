import type { Component } from 'svelte';
import type { Role } from '../lib/api';
import type { Key } from '../lib/i18n.svelte';

// One entry per page: its path, its nav label, the least role that may use it, and its
// component, loaded on first visit so each page is its own chunk.
export interface PageEntry {
  path: string;
  label: Key;
  load: () => Promise<{ default: Component }>;
  /** The page and its nav entry are hidden below this role (default: every signed-in user). */
  role?: Role;
  /** false: the page is not about a slice of the data, so the area filter is hidden. */
  filters?: boolean;
  /** Only on the national instance (ROLE=national), which holds the provinces' copies. */
  national?: boolean;
}

export const PAGES: PageEntry[] = [
  { path: '/', label: 'navOverview', load: () => import('./Overview.svelte') },
  { path: '/dia-ban', label: 'navArea', load: () => import('./Area.svelte') },
  { path: '/cum-khoi', label: 'navClusters', load: () => import('./Clusters.svelte') },
  { path: '/phong-trao', label: 'navMovements', load: () => import('./Movements.svelte') },
  { path: '/hinh-thuc', label: 'navForms', load: () => import('./Forms.svelte') },
  { path: '/bao-cao', label: 'navReports', load: () => import('./Reports.svelte'), role: 'analyst', filters: false },
  { path: '/chi-tieu', label: 'navGoals', load: () => import('./Goals.svelte'), role: 'editor' },
  { path: '/du-lieu', label: 'navData', load: () => import('./Data.svelte'), role: 'editor', filters: false },
  {
    path: '/doi-chieu',
    label: 'navReconciliation',
    load: () => import('./Reconciliation.svelte'),
    role: 'admin',
    filters: false,
    national: true,
  },
  { path: '/quan-tri', label: 'navAdmin', load: () => import('./Admin.svelte'), role: 'admin', filters: false },
];

export function pageFor(path: string): PageEntry {
  return PAGES.find((p) => p.path === path) ?? PAGES[0];
}
