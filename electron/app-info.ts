import packageJson from '../package.json' with { type: 'json' };

/** The app's name and version, read from package.json so the CLI, the web host and Electron agree. */
export const APP_NAME: string = packageJson.productName;
export const APP_VERSION: string = packageJson.version;
