// Readable names for the values of every summary dimension, in the current language. Closed
// values are named by the worker's registry, the same words the downloaded files use.
import {
  closedLabel,
  DIMENSION_REGISTRY,
  isClosedDimension,
  valuesOf,
  type ClosedDimensionName,
  type SummaryDimension,
} from '../../../worker/domain/dimensions';
import { lang, t } from './i18n.svelte';
import { awardName, clusterName, movementName, unitLabel } from './meta.svelte';

export type Dimension = SummaryDimension;
export type { ClosedDimensionName };
export { valuesOf };

/** The dimension's own name ("Cấp khen", "Giới tính"): filter labels, table headers. */
export const dimensionName = (dim: Dimension): string => DIMENSION_REGISTRY[dim].name[lang()];

export function valueLabel(dim: Dimension, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return dim === 'movement' ? movementName(null) : t('notGiven');
  if (isClosedDimension(dim)) return closedLabel(dim, value, lang()) ?? String(value);
  switch (dim) {
    case 'unit':
      return unitLabel(String(value));
    case 'award':
      return awardName(String(value));
    case 'movement':
      return movementName(String(value));
    case 'cluster':
      return clusterName(String(value));
    default:
      return String(value);
  }
}
