// Which console page `c` copies and `o` opens: the container or task selected in the tree, else the selected
// service, else the cluster. Pure.
import { clusterConsoleUrl, containerConsoleUrl, serviceConsoleUrl, taskConsoleUrl } from '../model/console-urls.js';

export interface SelectionTarget {
  readonly region: string;
  readonly cluster: string;
  readonly service?: string | undefined;
  readonly taskId?: string | undefined;
  readonly containerName?: string | undefined;
}

/** The console URL of the most specific thing selected. */
export function urlOfSelection(target: SelectionTarget): string {
  const where = { region: target.region, cluster: target.cluster };
  if (target.taskId !== undefined && target.containerName !== undefined) return containerConsoleUrl(where, target.taskId, target.containerName);
  if (target.taskId !== undefined) return taskConsoleUrl(where, target.taskId);
  if (target.service !== undefined) return serviceConsoleUrl(where, target.service);
  return clusterConsoleUrl(where);
}
