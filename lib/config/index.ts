// The config layer's public face: what lib/cli calls.
export { loadConfig, shownPath, DEMO_REGION } from './load-config.js';
export type { ConfigDeps, ConfigEnv, ConfigField, ConfigFlags, ConfigSource, MonitorConfig } from './load-config.js';
export { nodeConfigDeps } from './node-deps.js';
export { ConfigError } from './config-error.js';
export { parseConfigFile } from './config-file.js';
export type { FileConfig } from './config-file.js';
export { isAwsRegion } from './region.js';
export {
  CONFIG_KEYS,
  CONFIG_SECTIONS,
  DEFAULT_MAX_API_RATE,
  DEFAULT_MOUSE,
  REFRESH_INTERVAL,
  TASK_DEFINITION_INTERVAL,
} from './schema.js';
export { closestMatch } from './suggest.js';
