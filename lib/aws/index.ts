// The AWS layer's public surface: the only module outside lib/aws that names SDK-backed code.
export { createAwsClients } from './clients.js';
export type { AwsClientOptions, AwsClients } from './clients.js';
export { CallCounter, CallTally } from './call-counter.js';
export { createEcsSource } from './ecs-source.js';
export type { EcsSource, EcsSourceOptions } from './ecs-source.js';
export { createClusterLister } from './cluster-lister.js';
export { classifyAwsError, clusterNotFoundError, isAbortError } from './classify-error.js';
export type { ClassifyContext } from './classify-error.js';
export { TaskDefinitionCache } from './task-definition-cache.js';
