// The --help and --version texts. The flag list is generated from the same table the parser uses.
import { readFileSync } from 'node:fs';
import { FLAGS } from './flags.js';

const FLAG_COLUMN = 22;

function flagLines(): string[] {
  return FLAGS.map((flag) => {
    const names = [flag.short, flag.value === undefined ? flag.name : `${flag.name} ${flag.value}`].filter((n) => n !== undefined).join(', ');
    const left = `  ${names}`;
    return left.length < FLAG_COLUMN ? left.padEnd(FLAG_COLUMN) + flag.description : `${left}\n${' '.repeat(FLAG_COLUMN)}${flag.description}`;
  });
}

/** The full `--help` text, without a final newline. Lines fit in 80 columns. */
export function helpText(): string {
  return [
    'ecs-monitor: a live, read-only terminal dashboard for one AWS ECS cluster.',
    '',
    'Usage:',
    '  ecs-monitor [--cluster NAME] [--region REGION] [--profile PROFILE] [options]',
    '  ecs-monitor --once --json [--cluster NAME] [...]     one snapshot for scripts',
    '  ecs-monitor --demo [--scenario SPEC] [--fault SPEC]... [--seed N]',
    '',
    'Options:',
    ...flagLines(),
    '  Values go after a space or an "=": --region eu-west-1, --region=eu-west-1.',
    '',
    'Configuration:',
    '  The first config file found is used (files are not merged):',
    '    1. --config PATH',
    '    2. ./config.toml',
    '    3. $XDG_CONFIG_HOME/ecs-monitor/config.toml',
    '       (~/.config/ecs-monitor/config.toml when XDG_CONFIG_HOME is unset)',
    '  No file is fine. Each setting comes from the first of:',
    '    flags > config file > environment (AWS_PROFILE; AWS_REGION, then',
    '    AWS_DEFAULT_REGION) > the profile\'s region in ~/.aws/config (or',
    '    $AWS_CONFIG_FILE) > defaults.',
    '  A region is required, except with --demo.',
    '  Keys (see config.example.toml):',
    '    [cluster]  name, region, profile',
    '    [refresh]  interval (seconds, 5-3600, default 30)',
    '               task_definition_interval (seconds, 60-86400, default 300)',
    '               max_api_rate (ECS calls per second, default 5)',
    '    [ui]       mouse (true or false, default true)',
    '',
    'Demo scenarios and faults (--demo only):',
    '  --scenario demo (default) or services=N[,tasksPerService=N]',
    '             [,containersPerTask=N][,insights=disabled|enabled|enhanced]',
    '  --fault KIND[:OPERATION[+OPERATION...]][=VALUE], repeatable. KIND is',
    '    throttle, error (5xx), deny, expired, notfound (cluster deleted) or',
    '    reset (dropped connection): VALUE 0.3 fails 30% of calls, 3 the next',
    '    3, none every call; latency=MS delays calls; down=DOWN_MS/EVERY_MS',
    '    takes the endpoint away. OPERATION: e.g. DescribeTasks, GetMetricData.',
    '',
    'Dashboard keys:',
    '  Up/Down, j/k  move             PgUp/PgDn  page',
    '  g / G         first / last     Enter      drill in / expand',
    '  Esc           back             Tab        next pane',
    '  /             filter           s          sort',
    '  c             copy console URL o          open console URL in a browser',
    '  r             refresh now      m          mouse capture on/off',
    '  ?             help             q, Ctrl-C  quit',
    '',
    'Exit codes:',
    '  0  normal exit',
    '  1  the run failed (e.g. an AWS error with --once)',
    '  2  bad flags or configuration, or no terminal',
    '',
    'Examples:',
    '  ecs-monitor --demo',
    '  ecs-monitor --demo --fault throttle=0.3',
    '  ecs-monitor --cluster prod --region eu-west-1 --profile readonly',
    '  AWS_PROFILE=dev ecs-monitor --cluster api',
    '  ecs-monitor --once --json --cluster prod > snapshot.json',
  ].join('\n');
}

/**
 * `ecs-monitor VERSION` (no final newline), the version read from the installed package.json at call time.
 * @throws Error when package.json cannot be read (a broken install).
 */
export function versionText(): string {
  // dist/lib/cli/help.js → the package root, both in a checkout and in an installed tarball.
  const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return `ecs-monitor ${String(manifest.version)}`;
}
