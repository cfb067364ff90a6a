// Demo records use the import contract's dataset columns (codes, not ids), so the demo is
// also a worked example of the import formats.
import type {
  AwardCategory,
  AwardMethod,
  AwardScope,
  AwardTier,
  ClusterKind,
  ClusterLevel,
  Gender,
  MovementKind,
  MovementLevel,
  RecipientClass,
  RecipientKind,
  UnitKind,
} from '../../worker/domain/enums.ts';

export interface UnitRecord {
  code: string;
  name: string;
  kind: UnitKind;
  parent_code?: string;
  valid_from?: string;
  valid_to?: string;
}
export interface LineageRecord {
  from_code: string;
  to_code: string;
  effective_date: string;
  share: number;
}
export interface ClusterRecord {
  code: string;
  name: string;
  kind: ClusterKind;
  level: ClusterLevel;
  owner_code?: string;
}
export interface MemberRecord {
  cluster_code: string;
  unit_code: string;
  year_from: number;
  year_to?: number;
}
export interface MovementRecord {
  code: string;
  name: string;
  level: MovementLevel;
  kind: MovementKind;
  owner_code?: string;
  start_date: string;
  end_date?: string;
}
export interface AwardTypeRecord {
  code: string;
  name_vi: string;
  name_en?: string;
  category: AwardCategory;
  tier: AwardTier;
  scope: AwardScope;
}
export interface AwardRecord {
  year: number;
  award_code: string;
  unit_code: string;
  recipient_kind: RecipientKind;
  quantity: number;
  gender?: Gender;
  recipient_class?: RecipientClass;
  method?: AwardMethod;
  ethnic_minority?: 0 | 1;
  movement_code?: string;
  decision_no?: string;
  decision_date?: string;
  recipient_name?: string;
}
export interface ResultRecord {
  year: number;
  cluster_code: string;
  unit_code: string;
  score: number;
  rank: number;
  proposed_award_code?: string;
}

export interface DemoDataset {
  units: UnitRecord[];
  unit_lineage: LineageRecord[];
  clusters: ClusterRecord[];
  cluster_members: MemberRecord[];
  movements: MovementRecord[];
  award_types: AwardTypeRecord[];
  /** One import batch per year, as a Board imports each year's decisions. */
  awards: Map<number, AwardRecord[]>;
  movement_results: ResultRecord[];
}
