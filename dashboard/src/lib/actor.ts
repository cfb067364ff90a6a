import { t } from './i18n.svelte';

/**
 * Who did something, as people read it: the bootstrap credential by its role ("Quản trị hệ
 * thống", not the variable's name), a token's or user's label without its "(…)" detail.
 */
export const actorName = (actor: string) =>
  actor === 'ADMIN_TOKEN' ? t('bootstrapAdmin') : actor.replace(/ \(.*\)$/, '');
