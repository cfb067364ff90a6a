// Compile-time only: the query modules' result types and the documented response schemas must
// agree, so the OpenAPI document cannot drift from what the API returns.
import type { z } from 'zod';
import type { IndicatorRow } from '../queries/awardIndicators';
import type { SummaryResult } from '../queries/awardsSummary';
import type { Meta } from '../queries/meta';
import type { ResultRow } from '../queries/movementResults';
import type { indicatorsResponse, metaResponse, resultsResponse, summaryResponse } from './responses';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const checks: [
  Same<z.infer<typeof metaResponse>, Meta>,
  Same<z.infer<typeof resultsResponse>['rows'][number], ResultRow>,
  Same<z.infer<typeof indicatorsResponse>['rows'][number], IndicatorRow>,
  Same<z.infer<typeof summaryResponse>['total'], SummaryResult['total']>,
] = [true, true, true, true];
export default checks;
