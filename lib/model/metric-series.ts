// Which CloudWatch series the monitor reads, and for what. One place names every metric and dimension
// set, so docs/metrics.md and the cost model have a single source.

/** The level of the model a series belongs to. */
export type MetricLevel = 'service' | 'task' | 'container';

/** Which of the two numbers of a level a series feeds. */
export type MetricField = 'cpu' | 'mem';

export interface MetricDimension {
  readonly name: string;
  readonly value: string;
}

/** One CloudWatch series: namespace, metric name and dimensions, plus where its values go. */
export interface MetricSeriesSpec {
  /** Unique and stable across cycles: the state of the series is kept under this key. */
  readonly key: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: readonly MetricDimension[];
  readonly level: MetricLevel;
  readonly field: MetricField;
  readonly cluster: string;
  readonly service: string;
  readonly taskId?: string;
  readonly container?: string;
}

/** Metric names per level and field. Service level is free AWS/ECS data; the others need enhanced Insights. */
export const METRIC_NAMES = {
  service: { namespace: 'AWS/ECS', cpu: 'CPUUtilization', mem: 'MemoryUtilization' },
  task: { namespace: 'ECS/ContainerInsights', cpu: 'TaskCpuUtilization', mem: 'TaskMemoryUtilization' },
  container: { namespace: 'ECS/ContainerInsights', cpu: 'ContainerCpuUtilized', mem: 'ContainerMemoryUtilized' },
} as const;

/**
 * The state key of a series: metric name and dimension values. ECS names (cluster, service, container)
 * hold only letters, digits, `-` and `_`, and task ids are hex, so `|` cannot be ambiguous. Cheap on
 * purpose: a snapshot of a large cluster looks up tens of thousands of keys per refresh.
 */
export function metricSeriesKey(level: MetricLevel, field: MetricField, values: readonly string[]): string {
  return `${METRIC_NAMES[level][field]}|${values.join('|')}`;
}

function spec(
  level: MetricLevel,
  field: MetricField,
  dimensions: readonly MetricDimension[],
  target: { cluster: string; service: string; taskId?: string; container?: string },
): MetricSeriesSpec {
  const names = METRIC_NAMES[level];
  const metricName = names[field];
  const key = metricSeriesKey(level, field, dimensions.map((d) => d.value));
  return { key, namespace: names.namespace, metricName, dimensions, level, field, ...target };
}

/** AWS/ECS CPUUtilization or MemoryUtilization of a service, {ClusterName, ServiceName}. */
export function serviceSeries(cluster: string, service: string, field: MetricField): MetricSeriesSpec {
  const dims = [
    { name: 'ClusterName', value: cluster },
    { name: 'ServiceName', value: service },
  ];
  return spec('service', field, dims, { cluster, service });
}

/** TaskCpuUtilization or TaskMemoryUtilization of a task, {ClusterName, ServiceName, TaskId}. */
export function taskSeries(cluster: string, service: string, taskId: string, field: MetricField): MetricSeriesSpec {
  const dims = [
    { name: 'ClusterName', value: cluster },
    { name: 'ServiceName', value: service },
    { name: 'TaskId', value: taskId },
  ];
  return spec('task', field, dims, { cluster, service, taskId });
}

/** ContainerCpuUtilized or ContainerMemoryUtilized, {ClusterName, ServiceName, TaskId, ContainerName}. */
export function containerSeries(
  cluster: string,
  service: string,
  taskId: string,
  container: string,
  field: MetricField,
): MetricSeriesSpec {
  const dims = [
    { name: 'ClusterName', value: cluster },
    { name: 'ServiceName', value: service },
    { name: 'TaskId', value: taskId },
    { name: 'ContainerName', value: container },
  ];
  return spec('container', field, dims, { cluster, service, taskId, container });
}
