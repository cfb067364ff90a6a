/**
 * A problem told in both languages: `en` is the API's `message` (scripts and logs), `vi` its
 * `message_vi`, which the Dữ liệu page shows to the analysts who fix the file.
 */
export interface Msg {
  en: string;
  vi: string;
  /** The units an unknown or ambiguous unit name may mean, ranked (error_groups carry them for the picker). */
  candidates?: { code: string; name: string }[];
}

export const msg = (en: string, vi: string): Msg => ({ en, vi });
