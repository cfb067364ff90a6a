// Value sets fixed by the product contract (the product contract, see docs/api.md). The schema, request
// validation, the demo generator and the dashboard all read them from here.

export const UNIT_KINDS = ['province', 'district', 'commune', 'agency', 'enterprise', 'other'] as const;
export const CLUSTER_KINDS = ['cum', 'khoi'] as const;
export const CLUSTER_LEVELS = ['central', 'province', 'district'] as const;
export const MOVEMENT_LEVELS = ['central', 'province', 'district', 'unit'] as const;
export const MOVEMENT_KINDS = ['regular', 'thematic', 'campaign'] as const;
export const AWARD_CATEGORIES = ['title', 'commendation'] as const;
export const AWARD_TIERS = ['state', 'government', 'ministry_province', 'grassroots'] as const;
export const AWARD_SCOPES = ['individual', 'collective', 'household', 'both'] as const;
export const RECIPIENT_KINDS = ['individual', 'collective', 'household'] as const;
export const GENDERS = ['F', 'M'] as const;
export const RECIPIENT_CLASSES = [
  'LD_BO_TINH',
  'LD_VU_SO',
  'LD_KHAC',
  'DOANH_NHAN',
  'TRUC_TIEP',
  'DOANH_NGHIEP',
] as const;
export const AWARD_METHODS = [
  'THUONG_XUYEN',
  'CHUYEN_DE',
  'DOT_XUAT',
  'DOI_NGOAI',
  'CONG_HIEN',
  'NIEN_HAN',
  'KHANG_CHIEN',
] as const;
export const DATASETS = [
  'units',
  'unit_lineage',
  'clusters',
  'cluster_members',
  'movements',
  'award_types',
  'awards',
  'movement_results',
] as const;

export type UnitKind = (typeof UNIT_KINDS)[number];
export type ClusterKind = (typeof CLUSTER_KINDS)[number];
export type ClusterLevel = (typeof CLUSTER_LEVELS)[number];
export type MovementLevel = (typeof MOVEMENT_LEVELS)[number];
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
export type AwardCategory = (typeof AWARD_CATEGORIES)[number];
export type AwardTier = (typeof AWARD_TIERS)[number];
export type AwardScope = (typeof AWARD_SCOPES)[number];
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export type Gender = (typeof GENDERS)[number];
export type RecipientClass = (typeof RECIPIENT_CLASSES)[number];
export type AwardMethod = (typeof AWARD_METHODS)[number];
export type Dataset = (typeof DATASETS)[number];

/** Which recipient kinds an award of a given scope may go to (households: see the catalog). */
export function scopeAllows(scope: AwardScope, kind: RecipientKind): boolean {
  if (scope === 'both') return kind === 'individual' || kind === 'collective';
  return scope === kind;
}

/** Where a province's whole-cube resync stands at the national (worker/federation/resyncReceive.ts). */
export const RESYNC_PHASES = ['receiving', 'removing', 'ready', 'merging', 'done'] as const;
export type ResyncPhase = (typeof RESYNC_PHASES)[number];
