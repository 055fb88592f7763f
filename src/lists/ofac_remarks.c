/* lists/ofac_remarks.c: not written yet. */
typedef int aka__ofac_remarks_placeholder;
