// ECS's throttling categories (aws-facts.md): one token bucket per category, account and region, shared
// with everything else the account runs. The API budget holds in each category on its own.

/** One of the account's ECS token buckets. */
export interface ThrottlingCategory {
  readonly name: string;
  readonly operations: readonly string[];
  readonly burst: number;
  readonly refillPerSec: number;
}

export const ECS_THROTTLING_CATEGORIES: readonly ThrottlingCategory[] = [
  { name: 'cluster read', operations: ['DescribeClusters', 'ListClusters'], burst: 50, refillPerSec: 20 },
  { name: 'service read', operations: ['DescribeServices', 'ListServices'], burst: 100, refillPerSec: 20 },
  {
    name: 'cluster resource read',
    operations: ['DescribeTasks', 'ListTasks', 'DescribeContainerInstances', 'ListContainerInstances'],
    burst: 100,
    refillPerSec: 20,
  },
  { name: 'task definition read', operations: ['DescribeTaskDefinition', 'ListTaskDefinitions'], burst: 50, refillPerSec: 20 },
];

const CATEGORY_OF = new Map(ECS_THROTTLING_CATEGORIES.flatMap((c) => c.operations.map((op) => [op, c] as const)));

/** The bucket an operation (or a label such as `ListTasks:STOPPED`) draws on; undefined outside ECS's four. */
export function categoryOf(label: string): ThrottlingCategory | undefined {
  return CATEGORY_OF.get(label.split(':')[0] ?? label);
}

/**
 * Calls per throttling category from a snapshot's `apiCalls` (labels such as `ListTasks:STOPPED` count
 * for their operation), busiest first; operations of no category are left out.
 */
export function callsByCategory(apiCalls: Readonly<Record<string, number>>): { readonly category: string; readonly calls: number }[] {
  const totals = new Map<string, number>();
  for (const [label, calls] of Object.entries(apiCalls)) {
    const category = categoryOf(label)?.name;
    if (category !== undefined) totals.set(category, (totals.get(category) ?? 0) + calls);
  }
  return [...totals].map(([category, calls]) => ({ category, calls })).sort((a, b) => b.calls - a.calls);
}
