// The flags as data: the parser and the --help text are both generated from this one table.

export interface FlagSpec {
  readonly name: `--${string}`;
  readonly short?: `-${string}`;
  /** Placeholder of the value (`NAME`); absent for a switch. */
  readonly value?: string;
  /** A typical value, used in "needs a value, e.g. ..." messages. */
  readonly example?: string;
  readonly description: string;
  /** Only meaningful with --demo. */
  readonly demoOnly?: boolean;
  /** May be given more than once; every value is kept. */
  readonly repeatable?: boolean;
}

export const FLAGS: readonly FlagSpec[] = [
  { name: '--cluster', value: 'NAME', example: 'prod', description: 'cluster name or ARN (without it: pick one from a list)' },
  { name: '--region', value: 'REGION', example: 'us-east-1', description: 'AWS region, e.g. us-east-1' },
  { name: '--profile', value: 'PROFILE', example: 'readonly', description: 'AWS profile from ~/.aws/config (SSO profiles work)' },
  { name: '--interval', value: 'SECONDS', example: '30', description: 'seconds between refreshes, 5-3600 (default 30)' },
  { name: '--config', value: 'PATH', example: 'ecs-monitor.toml', description: 'config file to use instead of searching (must exist)' },
  { name: '--demo', description: 'use a built-in simulated cluster (no AWS account needed)' },
  { name: '--scenario', value: 'SPEC', example: 'demo', demoOnly: true, description: 'demo scenario: a name, or sizes such as services=1000' },
  { name: '--fault', value: 'SPEC', example: 'throttle=0.3', demoOnly: true, repeatable: true, description: 'inject a demo fault, e.g. throttle=0.3 (repeatable)' },
  { name: '--seed', value: 'N', example: '42', demoOnly: true, description: 'seed of the demo\'s random data (same seed, same cluster)' },
  { name: '--pick', description: 'open the cluster picker even when a cluster is configured' },
  { name: '--once', description: 'fetch once, print and exit (no terminal needed)' },
  { name: '--json', description: 'with --once: print the snapshot as JSON on stdout' },
  { name: '--no-mouse', description: 'leave the mouse to the terminal (text selection works)' },
  { name: '--log-file', value: 'PATH', example: 'ecs-monitor.log', description: 'append AWS calls, timings and errors to PATH (no secrets)' },
  { name: '--help', short: '-h', description: 'show this help and exit' },
  { name: '--version', short: '-V', description: 'print the version and exit' },
];
