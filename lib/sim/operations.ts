// The operations the simulator answers, by service; anything else gets AWS's unknown-operation error.

/** ECS operations (AWS JSON 1.1, target prefix `AmazonEC2ContainerServiceV20141113`). */
export const ECS_OPERATIONS: readonly string[] = [
  'ListClusters',
  'DescribeClusters',
  'ListServices',
  'DescribeServices',
  'ListTasks',
  'DescribeTasks',
  'DescribeTaskDefinition',
];

/** CloudWatch operations (AWS JSON 1.0 query-compatible, prefix `GraniteServiceVersion20100801`). */
export const CLOUDWATCH_OPERATIONS: readonly string[] = ['GetMetricData'];

/** Every operation answered. */
export const SIM_OPERATIONS: readonly string[] = [...ECS_OPERATIONS, ...CLOUDWATCH_OPERATIONS];
