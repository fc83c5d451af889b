/* The JSON writer's escaping and the reader's strictness: the corners
 * that decide whether ipt-save --json is valid JSON and whether
 * ipt-restore --json reads back exactly what was written. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "json_read.h"
#include "json_write.h"
#include "restore_json.h"
#include "helpers.h"

/* s written as one JSON string value. */
static char *written(const char *s, size_t len, bool *replaced)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);
	struct json_writer w;

	ck_assert_ptr_nonnull(f);
	jw_init(&w, f);
	jw_string_n(&w, s, len);
	fclose(f);
	if (replaced)
		*replaced = w.replaced;
	return buf;
}

static void assert_written(const char *s, size_t len, const char *want)
{
	char *got = written(s, len, NULL);

	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(test_writer_escapes_quote_backslash_and_controls)
{
	assert_written("a\"b\\c", 5, "\"a\\\"b\\\\c\"");
	assert_written("\t\n\r\b\f", 5, "\"\\t\\n\\r\\b\\f\"");
	assert_written("\x01\x1f", 2, "\"\\u0001\\u001f\"");
	assert_written("\x7f", 1, "\"\x7f\"");
	assert_written("/", 1, "\"/\"");
}
END_TEST

START_TEST(test_writer_passes_valid_utf8_through)
{
	bool replaced = true;
	const char s[] = "gr\xc3\xbc\xc3\x9f" "e \xe2\x9c\x93 \xf0\x9f\x98\x80";
	char *got = written(s, sizeof(s) - 1, &replaced);

	ck_assert_str_eq(got, "\"gr\xc3\xbc\xc3\x9f" "e \xe2\x9c\x93 "
			 "\xf0\x9f\x98\x80\"");
	ck_assert(!replaced);
	free(got);
}
END_TEST

START_TEST(test_writer_replaces_each_invalid_byte_with_fffd)
{
	bool replaced = false;
	/* Latin-1, a cut sequence, an overlong '/', a surrogate, > U+10FFFF */
	const char s[] = "\xe9|\xe2\x9c|\xc0\xaf|\xed\xa0\x80|\xf4\x90\x80\x80";
	char *got = written(s, sizeof(s) - 1, &replaced);

	ck_assert_str_eq(got, "\"\\ufffd|\\ufffd\\ufffd|\\ufffd\\ufffd|"
			 "\\ufffd\\ufffd\\ufffd|\\ufffd\\ufffd\\ufffd\\ufffd\"");
	ck_assert(replaced);
	free(got);
}
END_TEST

START_TEST(test_writer_places_commas_and_keys)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);
	struct json_writer w;

	jw_init(&w, f);
	jw_object_begin(&w);
	jw_key(&w, "a");
	jw_array_begin(&w);
	jw_uint(&w, 18446744073709551615ull);
	jw_bool(&w, false);
	jw_null(&w);
	jw_object_begin(&w);
	jw_object_end(&w);
	jw_array_end(&w);
	jw_key(&w, "b");
	jw_string(&w, "");
	jw_object_end(&w);
	fclose(f);
	ck_assert_str_eq(buf, "{\"a\":[18446744073709551615,false,null,{}],"
			 "\"b\":\"\"}");
	free(buf);
}
END_TEST

static struct json_value doc;
static struct json_error jerr;

static bool parse(const char *text)
{
	return json_parse(text, strlen(text), &doc, &jerr);
}

static void teardown(void)
{
	json_free(&doc);
}

START_TEST(test_reader_decodes_escapes_and_surrogate_pairs)
{
	ck_assert(parse("[\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\", \"\\u00e9\\u2713"
			"\\ud83d\\ude00\"]"));
	ck_assert_int_eq(doc.type, JSON_ARRAY);
	ck_assert_uint_eq(doc.n, 2);
	ck_assert_str_eq(doc.items[0].text, "a\"\\/\b\f\n\r\t");
	ck_assert_str_eq(doc.items[1].text, "\xc3\xa9\xe2\x9c\x93\xf0\x9f\x98\x80");
}
END_TEST

START_TEST(test_reader_reads_back_what_the_writer_wrote)
{
	const char s[] = "say \"hi\"\\\t\x01 gr\xc3\xbc\xc3\x9f" "e";
	char *w = written(s, strlen(s), NULL);

	ck_assert(parse(w));
	ck_assert_str_eq(doc.text, s);
	free(w);
}
END_TEST

START_TEST(test_reader_numbers_to_uint64)
{
	uint64_t n;

	ck_assert(parse("[0, 18446744073709551615, 18446744073709551616, -1, "
			"1.5, 1e3, -0]"));
	ck_assert(json_uint64(&doc.items[0], &n) && n == 0);
	ck_assert(json_uint64(&doc.items[1], &n) &&
		  n == 18446744073709551615ull);
	ck_assert(!json_uint64(&doc.items[2], &n));
	ck_assert(!json_uint64(&doc.items[3], &n));
	ck_assert(!json_uint64(&doc.items[4], &n));
	ck_assert(!json_uint64(&doc.items[5], &n));
	ck_assert(!json_uint64(&doc.items[6], &n));
}
END_TEST

START_TEST(test_reader_finds_members)
{
	ck_assert(parse("{\"a\": 1, \"b\": {\"c\": null}}"));
	ck_assert_ptr_nonnull(json_member(&doc, "a"));
	ck_assert_int_eq(json_member(json_member(&doc, "b"), "c")->type,
			 JSON_NULL);
	ck_assert_ptr_null(json_member(&doc, "c"));
	ck_assert_ptr_null(json_member(json_member(&doc, "a"), "a"));
}
END_TEST

/* Each refused with the message and the place of the error. */
static const struct {
	const char *text, *msg;
	unsigned int line, column;
	size_t offset;
} refused[] = {
	{ "", "unexpected end of input", 1, 1, 0 },
	{ "[1,]", "unexpected character", 1, 4, 3 },
	{ "{\"a\":1,}", "expected a string key", 1, 8, 7 },
	{ "{\"a\" 1}", "expected ':'", 1, 6, 5 },
	{ "[1 2]", "expected ',' or ']'", 1, 4, 3 },
	{ "{\"a\":1 \"b\":2}", "expected ',' or '}'", 1, 8, 7 },
	{ "{\"a\":1,\n \"a\":2}", "duplicate key", 2, 2, 9 },
	{ "\"abc", "unterminated string", 1, 1, 0 },
	{ "\"a\tb\"", "control character in string", 1, 3, 2 },
	{ "\"\\x\"", "invalid escape in string", 1, 2, 1 },
	{ "\"\\u12G4\"", "invalid \\u escape", 1, 2, 1 },
	{ "\"\\u0000\"", "\\u0000 in string", 1, 8, 7 },
	{ "\"\\udc00\"", "lone low surrogate in \\u escape", 1, 8, 7 },
	{ "\"\\ud800x\"", "high surrogate without its low surrogate", 1, 8, 7 },
	{ "\"\xff\"", "invalid UTF-8 in string", 1, 2, 1 },
	{ "\"\xc3\xa9\xff\"", "invalid UTF-8 in string", 1, 3, 3 },
	{ "tru", "invalid literal", 1, 1, 0 },
	{ "01", "text after the document", 1, 2, 1 },
	{ "1.", "invalid number", 1, 3, 2 },
	{ "-", "invalid number", 1, 2, 1 },
	{ "NaN", "unexpected character", 1, 1, 0 },
	{ "[] []", "text after the document", 1, 4, 3 },
	{ "// c\n[]", "unexpected character", 1, 1, 0 },
};

START_TEST(test_reader_refuses_with_position)
{
	ck_assert(!json_parse(refused[_i].text, strlen(refused[_i].text), &doc,
			      &jerr));
	ck_assert_str_eq(jerr.msg, refused[_i].msg);
	ck_assert_uint_eq(jerr.line, refused[_i].line);
	ck_assert_uint_eq(jerr.column, refused[_i].column);
	ck_assert_uint_eq(jerr.offset, refused[_i].offset);
}
END_TEST

static char *nested(int depth)
{
	char *s = malloc(2 * depth + 1);

	memset(s, '[', depth);
	memset(s + depth, ']', depth);
	s[2 * depth] = '\0';
	return s;
}

START_TEST(test_reader_limits_nesting_to_64)
{
	char *ok = nested(64), *deep = nested(65);

	ck_assert(parse(ok));
	json_free(&doc);
	ck_assert(!parse(deep));
	ck_assert_str_eq(jerr.msg, "nested too deeply");
	free(ok);
	free(deep);
}
END_TEST

START_TEST(test_reader_skips_a_byte_order_mark)
{
	ck_assert(parse("\xef\xbb\xbf {}"));
	ck_assert_int_eq(doc.type, JSON_OBJECT);
}
END_TEST

/* ---- ipt-restore --json: document -> restore input ------------------ */

static struct json_restore jr;
static char jerrmsg[512];

static bool convert_doc(const char *tool, const char *text, bool noflush)
{
	return json_restore_read(use_tool(tool), text, strlen(text), NULL,
				 noflush, &jr, jerrmsg, sizeof(jerrmsg));
}

static void free_restore(void)
{
	json_restore_free(&jr);
}

#define DOC_HEAD "{\"family\": \"ipv4\", \"tables\": [{\"name\": \"filter\", " \
	"\"chains\": ["
#define DOC_TAIL "]}]}"

START_TEST(test_restore_text_is_what_save_c_writes)
{
	ck_assert_msg(convert_doc("ipt-restore", DOC_HEAD
		"{\"name\": \"INPUT\", \"builtin\": true, \"policy\": \"DROP\", "
		"\"packets\": 5, \"bytes\": 18446744073709551615, \"rules\": ["
		"{\"rule\": \"-m comment --comment \\\"a b\\\" -j web\", "
		"\"packets\": 1, \"bytes\": 2, \"source\": \"ignored\"}, "
		"{\"rule\": \"\"}]}, "
		"{\"name\": \"web\", \"builtin\": false, \"policy\": null, "
		"\"rules\": []}" DOC_TAIL, false), "%s", jerrmsg);
	ck_assert_str_eq(jr.text, "*filter\n"
			 ":INPUT DROP [5:18446744073709551615]\n"
			 ":web - [0:0]\n"
			 "[1:2] -A INPUT -m comment --comment \"a b\" -j web\n"
			 "[0:0] -A INPUT \n"
			 "COMMIT\n");
	ck_assert_str_eq(json_restore_where(&jr, 4),
			 "table filter, chain INPUT, rule 1");
	ck_assert_str_eq(json_restore_where(&jr, 2), "table filter, chain INPUT");
	ck_assert_str_eq(json_restore_where(&jr, 6), "table filter");
	ck_assert_ptr_null(json_restore_where(&jr, 7));
}
END_TEST

/* Each document refused, with the one line that says where and why. */
static const struct {
	const char *tool, *doc, *msg;
} bad_docs[] = {
	{ "ipt-restore", "[]", "the document must be an object, not array" },
	{ "ipt-restore", "{\"tables\": []}",
	  "the document: \"family\" must be a string, not missing" },
	{ "ip6t-restore", "{\"family\": \"ipv4\", \"tables\": []}",
	  "the document's family is \"ipv4\"; ip6t-restore restores \"ipv6\"" },
	{ "ipt-restore", "{\"family\": \"ipv4\", \"tables\": [{\"name\": "
	  "\"fil ter\", \"chains\": []}]}",
	  "table 1: the table name `fil ter' has a blank or control character" },
	{ "ipt-restore", DOC_HEAD "{\"name\": \"INPUT\", \"builtin\": true, "
	  "\"policy\": null, \"rules\": []}" DOC_TAIL,
	  "table filter, chain INPUT: \"policy\" must be a string, not null" },
	{ "ipt-restore", DOC_HEAD "{\"name\": \"web\", \"builtin\": false, "
	  "\"policy\": \"ACCEPT\", \"rules\": []}" DOC_TAIL,
	  "table filter, chain web: a user chain's \"policy\" must be null" },
	{ "ipt-restore", DOC_HEAD "{\"name\": \"web\", \"builtin\": false, "
	  "\"policy\": null, \"rules\": []}, {\"name\": \"web\", "
	  "\"builtin\": false, \"policy\": null, \"rules\": []}" DOC_TAIL,
	  "table filter, chain web: the chain appears twice" },
	{ "ipt-restore", DOC_HEAD "{\"name\": \"abcdefghijklmnopqrstuvwxyz012\", "
	  "\"builtin\": false, \"rules\": []}" DOC_TAIL,
	  "table filter, chain 1: the chain name `abcdefghijklmnopqrstuvwxyz012' "
	  "is too long (28 chars max)" },
	{ "ipt-restore", DOC_HEAD "{\"name\": \"INPUT\", \"builtin\": true, "
	  "\"policy\": \"ACCEPT\", \"rules\": [{\"rule\": \"-j web\"}]}"
	  DOC_TAIL, "table filter, chain INPUT, rule 1: it jumps to chain `web', "
	  "which table filter of the document does not have" },
	{ "ipt-restore", DOC_HEAD "{\"name\": \"INPUT\", \"builtin\": true, "
	  "\"policy\": \"ACCEPT\", \"rules\": [{\"rule\": \"-j ACCEPT\\n"
	  "-A INPUT\"}]}" DOC_TAIL,
	  "table filter, chain INPUT, rule 1: \"rule\" has a line break" },
	{ "ipt-restore", DOC_HEAD "{\"name\": \"INPUT\", \"builtin\": true, "
	  "\"policy\": \"ACCEPT\", \"rules\": [{\"rule\": \"-j ACCEPT\", "
	  "\"packets\": 1.0}]}" DOC_TAIL, "table filter, chain INPUT, rule 1: "
	  "\"packets\" must be an integer from 0 to 2^64-1" },
	{ "ipt-restore", DOC_HEAD "{\"name\": \"INPUT\", \"builtin\": true, "
	  "\"policy\": \"ACCEPT\", \"rules\": [{\"rule\": "
	  "\"-j ACCEPT \\\"x\"}]}" DOC_TAIL,
	  "table filter, chain INPUT, rule 1: unterminated quoted string" },
	{ "ipt-restore", "{\"family\": \"ipv4\", \"tables\": [}",
	  "invalid JSON at line 1, column 31 (byte 30): unexpected character" },
};

START_TEST(test_restore_refuses_bad_documents)
{
	ck_assert(!convert_doc(bad_docs[_i].tool, bad_docs[_i].doc, false));
	ck_assert_str_eq(jerrmsg, bad_docs[_i].msg);
	ck_assert_ptr_null(jr.text);
}
END_TEST

START_TEST(test_restore_noflush_lets_a_rule_jump_to_a_kernel_chain)
{
	ck_assert_msg(convert_doc("ipt-restore", DOC_HEAD "{\"name\": \"INPUT\", "
		"\"builtin\": true, \"policy\": \"ACCEPT\", \"rules\": [{\"rule\": "
		"\"-g web\"}]}" DOC_TAIL, true), "%s", jerrmsg);
}
END_TEST

Suite *suite_json(void)
{
	Suite *s = suite_create("json");
	TCase *tc = tcase_create("json");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, test_writer_escapes_quote_backslash_and_controls);
	tcase_add_test(tc, test_writer_passes_valid_utf8_through);
	tcase_add_test(tc, test_writer_replaces_each_invalid_byte_with_fffd);
	tcase_add_test(tc, test_writer_places_commas_and_keys);
	tcase_add_test(tc, test_reader_decodes_escapes_and_surrogate_pairs);
	tcase_add_test(tc, test_reader_reads_back_what_the_writer_wrote);
	tcase_add_test(tc, test_reader_numbers_to_uint64);
	tcase_add_test(tc, test_reader_finds_members);
	tcase_add_loop_test(tc, test_reader_refuses_with_position, 0,
			    sizeof(refused) / sizeof(refused[0]));
	tcase_add_test(tc, test_reader_limits_nesting_to_64);
	tcase_add_test(tc, test_reader_skips_a_byte_order_mark);
	suite_add_tcase(s, tc);
	tc = tcase_create("restore_json");
	tcase_add_checked_fixture(tc, NULL, free_restore);
	tcase_add_test(tc, test_restore_text_is_what_save_c_writes);
	tcase_add_loop_test(tc, test_restore_refuses_bad_documents, 0,
			    sizeof(bad_docs) / sizeof(bad_docs[0]));
	tcase_add_test(tc, test_restore_noflush_lets_a_rule_jump_to_a_kernel_chain);
	suite_add_tcase(s, tc);
	return s;
}
