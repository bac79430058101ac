/**
 * The one message catalogue: every visible text of the app and the CLI, in Chinese and English.
 * Parts are split by domain only to keep files small; keys must not repeat across parts
 * (test/i18n/catalogue.test.ts checks it).
 */
import { CORE } from './core';
import { DATA } from './data';
import { ENGINE } from './engine';
import { PLAN_ENGINE } from './plan-engine';
import { STATE } from './state';
import { UI_IMPORT } from './ui-import';
import { UI_LEDGER } from './ui-ledger';
import { UI_PLAN } from './ui-plan';
import { UI_PRESENT } from './ui-present';
import { UI_SHELL } from './ui-shell';
import { UI_SITING } from './ui-siting';

export const CATALOGUE_PARTS = { CORE, PLAN_ENGINE, UI_SHELL, UI_PLAN, UI_PRESENT, UI_LEDGER, UI_SITING, UI_IMPORT, ENGINE, STATE, DATA } as const;

export const CATALOGUE = {
  ...CORE,
  ...PLAN_ENGINE,
  ...UI_SHELL,
  ...UI_PLAN,
  ...UI_PRESENT,
  ...UI_LEDGER,
  ...UI_SITING,
  ...UI_IMPORT,
  ...ENGINE,
  ...STATE,
  ...DATA,
};
