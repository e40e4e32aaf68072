/* The rules of the ABI itself, beyond the vectors: NULL and length checks, the status
 * table, the receive contract, detect, messages returned per call, and that every _free
 * accepts NULL.
 * Ends with "N passed, N failed"; run under valgrind by scripts/ci/go.sh. */
#include <stdio.h>
#include <string.h>

#include "hookseal.h"

static int passed, failed;

static void check(int ok, const char *what) {
  if (ok) {
    passed++;
  } else {
    failed++;
    printf("FAIL %s\n", what);
  }
}

static HooksealBytes text(const char *s) { return (HooksealBytes){(const uint8_t *)s, strlen(s)}; }

static int bytes_are(HooksealBytes b, const char *s) {
  return b.ptr != NULL && b.len == strlen(s) && memcmp(b.ptr, s, b.len) == 0;
}

static void status_table(void) {
  check(bytes_are(hookseal_status_code(HOOKSEAL_OK), "ok"), "code of OK");
  check(bytes_are(hookseal_status_code(HOOKSEAL_SIGNATURE_MISMATCH), "signature_mismatch"), "code 8");
  check(bytes_are(hookseal_status_code(HOOKSEAL_INVALID_OPTION), "invalid_option"), "code 11");
  check(bytes_are(hookseal_status_code(HOOKSEAL_INVALID_PAYLOAD), "invalid_payload"), "code 12");
  check(hookseal_status_code(13).ptr == NULL, "no code 13");
  check(hookseal_status_http(HOOKSEAL_PAYLOAD_TOO_LARGE) == 413, "413");
  check(hookseal_status_http(HOOKSEAL_TIMESTAMP_TOO_OLD) == 400, "400");
  check(hookseal_status_http(HOOKSEAL_SIGNATURE_MISMATCH) == 401, "401");
  check(strlen(hookseal_version()) > 0, "version");
  const char *contract = hookseal_receive_contract();
  check(contract != NULL && contract[0] == '{', "the receive contract is JSON");
  check(strstr(contract, "\"delivery_in_progress\":{\"status\":503") != NULL, "delivery_in_progress row");
  check(hookseal_receive_contract() == contract, "the contract is built once");
  const char *schemes = hookseal_schemes_json();
  check(schemes != NULL && schemes[0] == '[' && strstr(schemes, "\"id\":\"saleslab\"") != NULL,
        "the scheme table is JSON");
  check(hookseal_schemes_json() == schemes, "the scheme table is built once");
  HooksealString key = {NULL, 0};
  check(hookseal_claim_key(text("stripe"), text("evt_1"), &key, NULL) == HOOKSEAL_OK &&
            key.ptr != NULL && strcmp(key.ptr, "stripe:evt_1") == 0,
        "claim key");
  hookseal_string_free(&key);
  check(key.ptr == NULL, "a freed string is absent");
  hookseal_string_free(&key);
  hookseal_string_free(NULL);
  check(hookseal_claim_key(text("saleslab"), text(""), &key, NULL) == HOOKSEAL_OK && key.ptr == NULL,
        "an empty idempotency key is never claimed");
}

static void construction(void) {
  HooksealVerifier *v = NULL;
  char *err = NULL;
  HooksealBytes secret = text("sl_secret");
  check(hookseal_verifier_new(text("nope"), &secret, 1, NULL, 0, &v, &err) == HOOKSEAL_UNKNOWN_SCHEME,
        "unknown scheme");
  check(err != NULL && strstr(err, "nope") != NULL, "the message names the scheme");
  hookseal_error_free(err);
  check(hookseal_verifier_new(text("saleslab"), NULL, 0, NULL, 0, &v, NULL) == HOOKSEAL_INVALID_SECRET,
        "no secret");
  check(hookseal_verifier_new(text("saleslab"), NULL, 3, NULL, 0, &v, NULL) == HOOKSEAL_INVALID_ARGUMENT,
        "NULL with a length");
  check(hookseal_verifier_new(text("saleslab"), &secret, 1, NULL, 0, NULL, NULL) == HOOKSEAL_INVALID_ARGUMENT,
        "NULL verifier_out");
  HooksealOption opt = {text("tolerance"), text("300")};
  check(hookseal_verifier_new(text("saleslab"), &secret, 1, &opt, 1, &v, NULL) == HOOKSEAL_INVALID_OPTION,
        "saleslab takes no tolerance");
  uint8_t bad_utf8[] = {0xff};
  check(hookseal_verifier_new((HooksealBytes){bad_utf8, 1}, &secret, 1, NULL, 0, &v, NULL) ==
            HOOKSEAL_UNKNOWN_SCHEME,
        "non-UTF-8 scheme");
}

static void verification(void) {
  HooksealVerifier *v = NULL;
  HooksealBytes secret = text("sl_secret");
  check(hookseal_verifier_new(text("saleslab"), &secret, 1, NULL, 0, &v, NULL) == HOOKSEAL_OK, "build");
  check(hookseal_verifier_header_name_count(v) == 3, "saleslab reads three headers");
  check(HOOKSEAL_MAX_HEADER_NAMES == 3, "the most header names a verifier reads");
  check(bytes_are(hookseal_verifier_header_name(v, 0), "x-saleslab-signature"), "signature first");
  check(hookseal_verifier_header_name(v, 99).ptr == NULL, "out of range name");
  check(hookseal_verifier_max_body(v) == 1048576, "default max_body");

  const char *body = "{\"event_kind\":\"badge.awarded\"}";
  HooksealHeaderList list = {NULL, 0};
  check(hookseal_sign(text("saleslab"), secret, NULL, 0, (const uint8_t *)body, strlen(body), NULL,
                      (HooksealBytes){NULL, 0}, &list, NULL) == HOOKSEAL_OK && list.len == 1,
        "sign");
  HooksealBytes values[3] = {{(const uint8_t *)list.ptr[0].value.ptr, list.ptr[0].value.len}, {NULL, 0}, {NULL, 0}};
  HooksealVerified out;
  char *err = (char *)"not reset";
  check(hookseal_verify(v, (const uint8_t *)body, strlen(body), values, 3, &out, &err) == HOOKSEAL_OK, "verify");
  check(err == NULL, "error_out is NULL on success");
  check(out.secret_index == 0 && !out.has_timestamp, "verified fields");
  check(hookseal_verify(v, (const uint8_t *)body, strlen(body), values, 2, &out, NULL) == HOOKSEAL_INVALID_ARGUMENT,
        "wrong number of values");
  check(hookseal_verify(NULL, (const uint8_t *)body, strlen(body), values, 3, &out, NULL) == HOOKSEAL_INVALID_ARGUMENT,
        "NULL verifier");
  check(hookseal_verify(v, NULL, 5, values, 3, &out, NULL) == HOOKSEAL_INVALID_ARGUMENT, "NULL body with a length");
  check(hookseal_verify(v, (const uint8_t *)body, strlen(body), values, 3, NULL, NULL) == HOOKSEAL_INVALID_ARGUMENT,
        "NULL verified_out");
  check(hookseal_verify(v, (const uint8_t *)"{}", 2, values, 3, &out, &err) == HOOKSEAL_SIGNATURE_MISMATCH,
        "tampered body");
  check(err != NULL, "message of a mismatch");
  hookseal_error_free(err);
  int64_t now = 1700000000;
  check(hookseal_verify_values(v, (const uint8_t *)body, strlen(body), values[0].ptr, values[0].len, NULL, 0, NULL, 0,
                               &now, &out, NULL) == HOOKSEAL_OK,
        "verify_values");
  check(hookseal_verify_values(v, (const uint8_t *)"{}", 2, values[0].ptr, values[0].len, NULL, 0, NULL, 0, NULL, &out,
                               NULL) == HOOKSEAL_SIGNATURE_MISMATCH,
        "verify_values, tampered");
  HooksealVerifier *one = NULL;
  check(hookseal_verifier_new(text("salesos"), &secret, 1, NULL, 0, &one, NULL) == HOOKSEAL_OK &&
            hookseal_verifier_header_name_count(one) == 1,
        "salesos reads one header");
  check(hookseal_verify_values(one, (const uint8_t *)body, strlen(body), values[0].ptr, values[0].len,
                               (const uint8_t *)"x", 1, NULL, 0, NULL, &out, NULL) == HOOKSEAL_INVALID_ARGUMENT,
        "verify_values with a value past the header name count");
  hookseal_verifier_free(one);
  values[0] = (HooksealBytes){(const uint8_t *)"", 0};
  check(hookseal_verify(v, (const uint8_t *)body, strlen(body), values, 3, &out, NULL) == HOOKSEAL_MISSING_SIGNATURE,
        "present but empty");

  HooksealEnvelope env;
  check(hookseal_envelope(v, (const uint8_t *)body, strlen(body), values, 3, &env, NULL) == HOOKSEAL_OK, "envelope");
  check(env.kind.ptr != NULL && strcmp(env.kind.ptr, "badge.awarded") == 0, "kind");
  check(env.event_id.ptr == NULL && !env.event_id_signed, "no event id");
  check(env.idempotency_key.len == 64, "body hash as the key");
  hookseal_envelope_free(&env);
  hookseal_envelope_free(&env); /* twice is harmless */
  hookseal_header_list_free(&list);
  hookseal_header_list_free(&list);
  hookseal_verifier_free(v);
}

static void detection(void) {
  HooksealHeader headers[2] = {{text("Content-Type"), text("application/json")},
                               {text("Stripe-Signature"), text("t=1,v1=00")}};
  HooksealBytes scheme;
  check(hookseal_detect(headers, 2, &scheme, NULL) == HOOKSEAL_OK && bytes_are(scheme, "stripe"), "detect stripe");
  check(hookseal_detect(headers, 1, &scheme, NULL) == HOOKSEAL_OK && scheme.ptr == NULL, "detect nothing");
  check(hookseal_detect(NULL, 1, &scheme, NULL) == HOOKSEAL_INVALID_ARGUMENT, "NULL headers");
}

int main(void) {
  status_table();
  construction();
  verification();
  detection();
  hookseal_verifier_free(NULL);
  hookseal_envelope_free(NULL);
  hookseal_header_list_free(NULL);
  hookseal_error_free(NULL);
  printf("abi: %d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
