import type { AppInfo } from '../api/contract';
import type { Workspace } from '../store/workspace';

/** What every handler works with: the open workspace, and which host serves it. */
export interface ServiceContext {
  readonly workspace: Workspace;
  readonly host: AppInfo['host'];
}
