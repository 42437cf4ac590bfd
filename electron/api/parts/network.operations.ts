/**
 * The operation names of the Network instrument (organizational networks and their survey waves). Part of OPERATIONS (operations.ts); kept free of imports so the preload can
 * bundle it. Each name here has an entry in network.contract.ts and a handler in services/network-handlers.ts.
 */
export const NETWORK_OPERATIONS = [
  'network.list',
  'network.get',
  'network.import',
  'network.addWave',
  'network.rename',
  'network.renameWave',
  'network.delete',
  'network.deleteWave',
  'network.export',
  // People data handled with care (issue 11).
  'network.privacy',
  'network.updatePrivacy',
  'network.key',
  'network.deleteKey',
] as const;

export type NetworkOperationName = (typeof NETWORK_OPERATIONS)[number];
