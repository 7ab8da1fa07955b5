/**
 * The App step's contract shapes (main/app/): where the code comes from, the
 * editable plan, the app's settings (names and non-secret values only: a
 * secret value never comes back), the service's state and releases. Every
 * value that reaches a remote command is checked here with a whitelist
 * pattern and shell-quoted again in main. Patterns are linear.
 */
import { z } from 'zod';

export const appRuntime = z.enum(['static', 'python', 'node']);
export type AppRuntimeValue = z.infer<typeof appRuntime>;

/** The app's name: the unit is `onramp-<name>`, the folder `/srv/<name>`. */
export const appName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,30}$/);
export const APP_DEFAULT_NAME = 'site';

/** A git URL as pasted (main parses it with main/app/git-source.ts#parseGitUrl). */
export const gitUrlText = z.string().trim().min(1).max(400).regex(/^[^\s'"`\\$;|&<>]+$/);
export const branchName = z.string().trim().min(1).max(200).regex(/^(?!-)[A-Za-z0-9._/-]+$/);
/** A local folder (the file dialog's answer, or typed). */
export const localFolder = z.string().min(1).max(4096).refine((value) => !value.includes('\0'), { message: 'not a path' });

export const appSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('starter'), runtime: appRuntime }).strict(),
  z.object({ kind: z.literal('git'), url: gitUrlText, branch: branchName }).strict(),
  z.object({ kind: z.literal('folder'), path: localFolder }).strict(),
]);
export type AppSource = z.infer<typeof appSource>;

/** One command of the plan, run as the app's user in the release folder: one line, bounded. */
const planCommand = z.string().trim().min(1).max(1000).regex(/^[^\n\r\0]+$/);
const aptPackage = z.string().regex(/^[a-z0-9][a-z0-9+.-]{1,63}$/);

export const planNote = z.discriminatedUnion('code', [
  z.object({ code: z.literal('noProjectFound') }),
  z.object({ code: z.literal('djangoAllowedHosts'), domain: z.string().max(253) }),
  z.object({ code: z.literal('djangoCsrfOrigins'), domain: z.string().max(253) }),
  z.object({ code: z.literal('nodeVersionWanted'), wanted: z.string().max(64) }),
  z.object({ code: z.literal('pythonVersionWanted'), wanted: z.string().max(64) }),
  z.object({ code: z.literal('noStartScript') }),
  z.object({ code: z.literal('asgiDetected') }),
  z.object({ code: z.literal('runtimeOlder'), runtime: z.enum(['Node.js', 'Python']), wanted: z.string().max(64), available: z.string().max(32) }),
  z.object({ code: z.literal('djangoStaticRoot') }),
]);

/** The plan as detected and then edited on the page (main/app/runtime-plan.ts#AppPlan). */
export const appPlan = z
  .object({
    runtime: appRuntime,
    entry: z.string().max(200).regex(/^[A-Za-z_][A-Za-z0-9_.]*:[A-Za-z_][A-Za-z0-9_]*$/).optional(),
    pythonServer: z.enum(['gunicorn', 'uvicorn']).optional(),
    django: z.boolean(),
    hasBuild: z.boolean(),
    packages: z.array(aptPackage).max(16),
    install: z.array(planCommand).max(8),
    build: z.array(planCommand).max(8),
    start: z.string().trim().max(1000).regex(/^[^\n\r\0]*$/),
    notes: z.array(planNote).max(16),
    /** Django: STATIC_ROOT inside the release (collectstatic fills it; nginx serves it as /static/). */
    staticRoot: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}(\/[A-Za-z0-9_.-]{1,64}){0,3}$/)
      .refine((value) => !value.split('/').some((s) => s === '.' || s === '..'))
      .optional(),
  })
  .strict();
export type AppPlanValue = z.infer<typeof appPlan>;

export const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/);
export const MAX_APP_SETTINGS = 200;
export const MAX_APP_SETTING_VALUE = 32 * 1024;

/** A name from `.env.example`, flagged when it looks like a secret. */
export const envExampleEntry = z.object({ name: envName, secret: z.boolean(), example: z.string().max(200).optional() });

/** What the server's archive offers for a package the plan needs (`apt-cache policy`). */
export const runtimeVersion = z.object({ package: aptPackage, candidate: z.string().max(128).optional(), installed: z.string().max(128).optional() });

export const appInspectInput = z.object({ source: appSource }).strict();
export const appInspection = z.object({
  plan: appPlan,
  envExample: z.array(envExampleEntry).max(MAX_APP_SETTINGS),
  runtimeVersions: z.array(runtimeVersion).max(16),
  /** A folder: how much goes up (after .gitignore and the always-skipped folders). */
  upload: z.object({ files: z.number().int(), bytes: z.number().int(), skipped: z.number().int() }).optional(),
});

/** Which terminal the commands are typed into (an open `ssh.open` session to the step's server); none = an exec channel. */
const sessionId = z.string().min(1).max(64).optional();

export const appDeployInput = z.object({ sessionId, source: appSource, plan: appPlan }).strict();
export const appDeployResult = z.object({
  release: z.string().max(32),
  runtime: appRuntime,
  /** What the domain answered through nginx after the switch. */
  httpStatus: z.number().int().optional(),
});
export const appRollbackInput = z.object({ sessionId }).strict();
export const appRollbackResult = z.object({ release: z.string().max(32) });

/** A setting as the page edits it: a secret's value is only ever sent towards main (absent = keep the stored one). */
export const appSettingInput = z.object({ name: envName, secret: z.boolean(), value: z.string().max(MAX_APP_SETTING_VALUE).optional() }).strict();
export const appSetEnvInput = z.object({ sessionId, settings: z.array(appSettingInput).max(MAX_APP_SETTINGS) }).strict();
export const appSetEnvResult = z.object({ count: z.number().int(), restarted: z.boolean() });
/** A setting as the page sees it: the value only when it is not a secret. */
export const appSettingView = z.object({ name: envName, secret: z.boolean(), value: z.string().max(MAX_APP_SETTING_VALUE).optional() });
export const appSettingsView = z.object({ settings: z.array(appSettingView).max(MAX_APP_SETTINGS) });

export const appTestAccessInput = z.object({ url: gitUrlText, branch: branchName }).strict();
export const appTestAccessResult = z.object({ commit: z.string().regex(/^[0-9a-f]{40,64}$/) });

export const deployKeyPlace = z.object({ where: z.enum(['github', 'gitlab', 'other']), settingsUrl: z.string().url().max(512).optional() });
export const deployKeyRequest = z.object({ url: gitUrlText }).strict();
export const deployKeyView = z.object({
  /** The public half (safe to show and copy); absent until one is made. */
  publicKey: z.string().max(1024).optional(),
  fingerprint: z.string().max(64).optional(),
  place: deployKeyPlace.optional(),
});

export const appCareInput = z.object({ sessionId, timeZone: z.string().max(64).regex(/^(UTC|[A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2})$/) }).strict();
export const appCareResult = z.object({ swapBytes: z.number().int(), unattendedUpgrades: z.boolean(), rebootRequired: z.boolean(), timeZone: z.string().max(64) });
export const appRebootResult = z.object({ seconds: z.number() });
export const appRemoveInput = z.object({ sessionId }).strict();
export const appRemoveResult = z.object({ removed: z.boolean() });

export const failureCause = z.enum(['portInUse', 'moduleNotFound', 'killedForMemory', 'permissionDenied', 'missingVariable', 'syntaxError']);
export const unitState = z.enum(['active', 'activating', 'deactivating', 'inactive', 'failed', 'reloading', 'missing']);

/** The app on the server, as read now (`deploy.status`). */
export const appStatus = z.object({
  unit: z.string().max(64).optional(),
  runtime: appRuntime.optional(),
  /** none: no app deployed by this setup yet. */
  state: unitState.or(z.literal('none')).or(z.literal('static')),
  live: z.string().max(32).optional(),
  releases: z.array(z.string().max(32)).max(16),
  /** When the service is not active: the journal's last lines and what they point at. */
  failure: z
    .object({ lines: z.array(z.string().max(2000)).max(30), cause: failureCause.optional(), line: z.string().max(2000).optional(), detail: z.string().max(300).optional() })
    .optional(),
  care: z.object({ swapBytes: z.number().int(), memoryBytes: z.number().int(), unattendedUpgrades: z.boolean(), rebootRequired: z.boolean(), timeZone: z.string().max(64) }).optional(),
});
export type AppStatus = z.infer<typeof appStatus>;

export const previewUnitRequest = z.object({ plan: appPlan }).strict();
export const previewUnitResponse = z.object({ unit: z.string().max(64), path: z.string().max(256), text: z.string().max(16 * 1024), environmentFile: z.string().max(256) });

/** Logs: the command the page types into the terminal (`journalctl -u <unit> -f`). */
export const logsCommandResponse = z.object({ command: z.string().max(256) });
