/**
 * Public API of the vault (main process only). The contract/IPC layer should use
 * only what is exported here. Only ItemMeta and VaultStatus may cross to the
 * renderer; secrets stay in main (getSecret, sshPrivateKeyText, export*).
 */
export { VaultService, MIN_PASSPHRASE_LENGTH } from './vault-service';
export type { VaultServiceOptions, VaultStatus, AddArgs } from './vault-service';
export type { MetaPatch } from './prepare-item';
export { ITEM_KINDS, SSH_KEY_TYPES } from './items';
export type {
  ItemKind,
  ItemMeta,
  ItemMetaOf,
  ItemSecret,
  ItemDraft,
  SecretByKind,
  MetaInputByKind,
  AwsAccessKeySecret,
  ConsoleLoginSecret,
  SshKeySecret,
} from './items';
export { createKeytarKeychain } from './keychain';
export type { Keychain } from './keychain';
export { KEYCHAIN_SERVICE, KEYCHAIN_ACCOUNT } from './master-key';
export { KEYCHAIN_FAILURE_REASONS } from './errors';
export type { KeychainFailureReason } from './errors';
export { parseImportFile, importFileIntoVault } from './import/import-file';
export type { ImportOptions, ParsedImport, ImportSource } from './import/parsed-import';
export { exportSshKey, exportConsoleLoginCsv, exportAccessKeyCsv, sshPrivateKeyText } from './export';
export type { SshKeyExportOptions, SshKeyFormat } from './export';
