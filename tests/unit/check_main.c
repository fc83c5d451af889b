/* Runs every suite; exits non-zero when any test fails. */
#include <stdlib.h>
#include "helpers.h"

int main(void)
{
	SRunner *sr = srunner_create(suite_cli_ok());
	int failed;

	srunner_add_suite(sr, suite_cli_errors());
	srunner_add_suite(sr, suite_own_name());
	srunner_add_suite(sr, suite_print_list());
	srunner_add_suite(sr, suite_print_save());
	srunner_add_suite(sr, suite_counters());
	srunner_add_suite(sr, suite_help());
	srunner_add_suite(sr, restore_line_suite());
	srunner_add_suite(sr, suite_lint());
	srunner_add_suite(sr, suite_udiff());
	srunner_add_suite(sr, suite_json());
	srunner_add_suite(sr, suite_apply());
	srunner_add_suite(sr, suite_fastparse());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
