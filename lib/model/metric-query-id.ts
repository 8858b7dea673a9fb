// GetMetricData query Ids must match ^[a-z][a-zA-Z0-9_]*$ and be unique within one call. Dimension values
// (service, container names) may contain characters an Id cannot, so Ids are positional and each call
// keeps a table from Id back to its series.

const QUERY_ID = /^[a-z][a-zA-Z0-9_]*$/;

/** The Id of the `index`-th query of one GetMetricData call. Throws a RangeError for a negative or fractional index. */
export function metricQueryId(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`query index must be a non-negative integer, got ${index}`);
  return `m${index.toString(36)}`;
}

/** Whether CloudWatch accepts `id` as a MetricDataQuery Id. */
export function isValidMetricQueryId(id: string): boolean {
  return QUERY_ID.test(id) && id.length <= 255;
}
