import { call } from '../api';

let asked: Promise<string> | undefined;

/** The app's version for stamps on estimates and exports, asked once ('unknown' if the backend cannot say). */
export function appVersion(): Promise<string> {
  asked ??= call('app.info', {}).then(
    (info) => info.version,
    () => 'unknown',
  );
  return asked;
}
