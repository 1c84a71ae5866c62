/**
 * Every word the console writes, in English. One JSON file per area, the same keys in both
 * languages (lib/i18n/messages.test.ts checks them and their ICU arguments).
 */
import common from './common.json';
import shell from './shell.json';
import auth from './auth.json';
import account from './account.json';
import members from './members.json';
import cards from './cards.json';
import cardActions from './cardActions.json';
import resultCodes from './resultCodes.json';
import validation from './validation.json';
import format from './format.json';
import audit from './audit.json';
import admin from './admin.json';
import qa from './qa.json';
import errors from './errors.json';
import review from './review.json';
import palette from './palette.json';
import approvals from './approvals.json';

export const en = { common, shell, auth, account, members, cards, cardActions, resultCodes, validation, format, audit, admin, qa, errors, review, palette, approvals };

export type Messages = typeof en;
