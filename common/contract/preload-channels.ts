/**
 * IPC channels only the preload uses, outside the contract: the renderer page
 * cannot reach them (it has no ipcRenderer), and main accepts them only from
 * the app window's main frame, like every contract channel.
 *
 * `files.grantDropped`: the preload sends the path of a file the user dropped
 * (from webUtils.getPathForFile, which gives a path only for a real file from
 * the user's disk) and gets back an opaque one-time token for `vault.import`.
 */
export const GRANT_DROPPED_FILE_CHANNEL = 'onramp:files.grantDropped';
