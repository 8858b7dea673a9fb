// Which cluster the command opens, decided from flags and config alone so the dashboard can name it
// before the AWS SDK has loaded.
import type { CliOptions } from './args.js';
import type { MonitorConfig } from '../config/index.js';

/** The name the demo gives its simulated cluster. */
export const DEMO_CLUSTER = 'demo';

/**
 * The cluster to open, or undefined for the picker: `--pick` always picks (except with `--once`, which
 * needs a cluster); the demo opens its own cluster unless `--cluster` names another of its clusters;
 * otherwise the configured cluster, if any.
 */
export function chooseCluster(options: Pick<CliOptions, 'pick' | 'once' | 'demo' | 'cluster'>, config: Pick<MonitorConfig, 'cluster'>): string | undefined {
  if (options.pick && !options.once) return undefined;
  if (options.demo) return options.cluster ?? DEMO_CLUSTER;
  return config.cluster;
}
