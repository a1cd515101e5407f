/**
 * Translated short titles of the built-in rights (`src/lib/shared/rights-list.ts`), one named
 * message each. Named, not looked up by a computed key: a computed lookup on the message
 * namespace keeps every message of every language in the bundle of each page that shows a right.
 */
import { m } from '$lib/paraglide/messages';

export const RIGHT_TITLES: Readonly<Record<string, () => string>> = {
	eu_charter_1: m.case_right_eu_charter_1,
	eu_charter_6: m.case_right_eu_charter_6,
	eu_charter_7: m.case_right_eu_charter_7,
	eu_charter_8: m.case_right_eu_charter_8,
	eu_charter_11: m.case_right_eu_charter_11,
	eu_charter_14: m.case_right_eu_charter_14,
	eu_charter_15: m.case_right_eu_charter_15,
	eu_charter_20: m.case_right_eu_charter_20,
	eu_charter_21: m.case_right_eu_charter_21,
	eu_charter_23: m.case_right_eu_charter_23,
	eu_charter_24: m.case_right_eu_charter_24,
	eu_charter_25: m.case_right_eu_charter_25,
	eu_charter_26: m.case_right_eu_charter_26,
	eu_charter_33: m.case_right_eu_charter_33,
	eu_charter_34: m.case_right_eu_charter_34,
	eu_charter_35: m.case_right_eu_charter_35,
	eu_charter_36: m.case_right_eu_charter_36,
	eu_charter_37: m.case_right_eu_charter_37,
	eu_charter_41: m.case_right_eu_charter_41,
	eu_charter_42: m.case_right_eu_charter_42,
	eu_charter_45: m.case_right_eu_charter_45,
	eu_charter_47: m.case_right_eu_charter_47,
	crpd_5: m.case_right_crpd_5,
	crpd_8: m.case_right_crpd_8,
	crpd_9: m.case_right_crpd_9,
	crpd_12: m.case_right_crpd_12,
	crpd_13: m.case_right_crpd_13,
	crpd_14: m.case_right_crpd_14,
	crpd_16: m.case_right_crpd_16,
	crpd_19: m.case_right_crpd_19,
	crpd_20: m.case_right_crpd_20,
	crpd_21: m.case_right_crpd_21,
	crpd_22: m.case_right_crpd_22,
	crpd_23: m.case_right_crpd_23,
	crpd_24: m.case_right_crpd_24,
	crpd_25: m.case_right_crpd_25,
	crpd_26: m.case_right_crpd_26,
	crpd_27: m.case_right_crpd_27,
	crpd_28: m.case_right_crpd_28,
	crpd_29: m.case_right_crpd_29,
	crpd_30: m.case_right_crpd_30
};
