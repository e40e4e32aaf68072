/* Runs every shared vector through the C ABI, as a C caller would use it.
 *
 * Input: the line format written by vectors_to_lines.py (see there). Prints each failing
 * case and ends with "N passed, N failed"; exits non-zero if any case failed. Run under
 * valgrind by scripts/ci/go.sh, so every owned result must be freed here. */
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hookseal.h"

typedef struct {
  uint8_t *ptr;
  size_t len;
} Buf;

typedef struct {
  Buf name, value;
} Pair;

typedef struct {
  char type; /* 's' text, 'i' integer, 'n' null, 'b' boolean */
  Buf text;
  long long number;
} Expected;

#define MAX_ITEMS 64

typedef struct {
  Buf name, op, scheme, body, id;
  Buf secrets[MAX_ITEMS];
  size_t n_secrets;
  Pair options[MAX_ITEMS], headers[MAX_ITEMS], out_headers[MAX_ITEMS];
  size_t n_options, n_headers, n_out_headers;
  int64_t now, timestamp;
  int has_timestamp, has_id;
  char expect[16], error[64];
  Expected secret_index, ts, kind, event_id, tenant, idempotency_key;
} Case;

static void die(const char *what) {
  fprintf(stderr, "vectors: %s\n", what);
  exit(2);
}

static int nibble(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  die("bad hex");
  return 0;
}

/* "=<hex>" -> owned bytes (plus a NUL, so text can be printed). */
static Buf unhex(const char *token) {
  if (token == NULL || token[0] != '=') die("expected =<hex>");
  size_t n = strlen(token + 1) / 2;
  Buf b = {malloc(n + 1), n};
  if (b.ptr == NULL) die("out of memory");
  for (size_t i = 0; i < n; i++) b.ptr[i] = (uint8_t)(nibble(token[1 + 2 * i]) << 4 | nibble(token[2 + 2 * i]));
  b.ptr[n] = 0;
  return b;
}

static HooksealBytes view(Buf b) { return (HooksealBytes){b.ptr, b.len}; }

static void free_case(Case *c) {
  free(c->name.ptr), free(c->op.ptr), free(c->scheme.ptr), free(c->body.ptr), free(c->id.ptr);
  for (size_t i = 0; i < c->n_secrets; i++) free(c->secrets[i].ptr);
  Pair *lists[] = {c->options, c->headers, c->out_headers};
  size_t counts[] = {c->n_options, c->n_headers, c->n_out_headers};
  for (int l = 0; l < 3; l++)
    for (size_t i = 0; i < counts[l]; i++) free(lists[l][i].name.ptr), free(lists[l][i].value.ptr);
  Expected *texts[] = {&c->kind, &c->event_id, &c->tenant, &c->idempotency_key};
  for (int i = 0; i < 4; i++) free(texts[i]->text.ptr);
  memset(c, 0, sizeof *c);
}

static Pair *push_pair(Pair *list, size_t *n) {
  if (*n >= MAX_ITEMS) die("too many items in one case");
  return &list[(*n)++];
}

static void read_field(Case *c, char *name, char *type, char *value) {
  Expected *e = strcmp(name, "secret_index") == 0      ? &c->secret_index
                : strcmp(name, "timestamp") == 0       ? &c->ts
                : strcmp(name, "kind") == 0            ? &c->kind
                : strcmp(name, "event_id") == 0        ? &c->event_id
                : strcmp(name, "tenant") == 0          ? &c->tenant
                : strcmp(name, "idempotency_key") == 0 ? &c->idempotency_key
                                                       : NULL;
  if (e == NULL) die("unknown expected field");
  e->type = type[0];
  if (e->type == 's') e->text = unhex(value);
  if (e->type == 'i' || e->type == 'b') e->number = strtoll(value, NULL, 10);
}

/* Reads one case; 0 at the end of the input. */
static int read_case(FILE *in, Case *c, char **line, size_t *cap) {
  memset(c, 0, sizeof *c);
  int started = 0;
  while (getline(line, cap, in) > 0) {
    (*line)[strcspn(*line, "\n")] = 0;
    char *save = NULL;
    char *key = strtok_r(*line, " ", &save);
    char *a = strtok_r(NULL, " ", &save), *b = strtok_r(NULL, " ", &save);
    char *d = strtok_r(NULL, " ", &save);
    if (key == NULL) continue;
    started = 1;
    if (!strcmp(key, "end")) return 1;
    if (!strcmp(key, "case")) c->name = unhex(a);
    else if (!strcmp(key, "op")) c->op = (Buf){(uint8_t *)strdup(a), strlen(a)};
    else if (!strcmp(key, "scheme")) c->scheme = unhex(a);
    else if (!strcmp(key, "body")) c->body = unhex(a);
    else if (!strcmp(key, "secret")) {
      if (c->n_secrets >= MAX_ITEMS) die("too many secrets");
      c->secrets[c->n_secrets++] = unhex(a);
    } else if (!strcmp(key, "option")) {
      Pair *p = push_pair(c->options, &c->n_options);
      p->name = unhex(a), p->value = unhex(b);
    } else if (!strcmp(key, "header")) {
      Pair *p = push_pair(c->headers, &c->n_headers);
      p->name = unhex(a), p->value = unhex(b);
    } else if (!strcmp(key, "out_header")) {
      Pair *p = push_pair(c->out_headers, &c->n_out_headers);
      p->name = unhex(a), p->value = unhex(b);
    } else if (!strcmp(key, "now")) c->now = strtoll(a, NULL, 10);
    else if (!strcmp(key, "timestamp")) {
      c->has_timestamp = strcmp(a, "null") != 0;
      if (c->has_timestamp) c->timestamp = strtoll(a, NULL, 10);
    } else if (!strcmp(key, "id")) {
      c->has_id = strcmp(a, "null") != 0;
      if (c->has_id) c->id = unhex(a);
    } else if (!strcmp(key, "expect")) {
      snprintf(c->expect, sizeof c->expect, "%s", a);
      if (b != NULL) snprintf(c->error, sizeof c->error, "%s", b);
    } else if (!strcmp(key, "field")) read_field(c, a, b, d);
    else die("unknown line");
  }
  if (started) die("truncated case");
  return 0;
}

static int same_code(HooksealStatus status, const char *expected) {
  HooksealBytes code = hookseal_status_code(status);
  return code.ptr != NULL && strlen(expected) == code.len && !memcmp(code.ptr, expected, code.len);
}

/* Compares an owned envelope string with an expected text or null. */
static int same_text(const HooksealString *got, const Expected *want) {
  if (want->type == 0) return 1;
  if (want->type == 'n') return got->ptr == NULL;
  return got->ptr != NULL && got->len == want->text.len && !memcmp(got->ptr, want->text.ptr, got->len);
}

/* Whether b is optional whitespace (space or tab). */
static int is_ows(uint8_t b) { return b == ' ' || b == '\t'; }

/* A header's value, case-insensitively, by the core's header rule: one value as it is; a
 * repeated header's values, each trimmed of spaces and tabs, joined with ", " in order,
 * written to `joined` (MAX_JOINED bytes). NULL ptr when absent. */
#define MAX_JOINED (256 * 1024)
static HooksealBytes header_value(const Case *c, HooksealBytes name, uint8_t *joined) {
  size_t found = 0, len = 0, first = 0;
  for (size_t i = 0; i < c->n_headers; i++) {
    const Buf *n = &c->headers[i].name;
    if (n->len != name.len || strncasecmp((const char *)n->ptr, (const char *)name.ptr, n->len)) continue;
    if (found++ == 0) first = i;
    const uint8_t *v = c->headers[i].value.ptr;
    size_t start = 0, end = c->headers[i].value.len;
    while (start < end && is_ows(v[start])) start++;
    while (end > start && is_ows(v[end - 1])) end--;
    if (len + 2 + (end - start) > MAX_JOINED) die("joined header too long");
    if (found > 1) {
      memcpy(joined + len, ", ", 2);
      len += 2;
    }
    memcpy(joined + len, v + start, end - start);
    len += end - start;
  }
  if (found == 0) return (HooksealBytes){NULL, 0};
  if (found == 1) return view(c->headers[first].value);
  return (HooksealBytes){joined, len};
}

static int fail(const Case *c, const char *why, const char *err) {
  printf("FAIL %s: %s%s%s\n", (const char *)c->name.ptr, why, err ? ": " : "", err ? err : "");
  return 0;
}

static void to_options(const Case *c, HooksealOption *out) {
  for (size_t i = 0; i < c->n_options; i++)
    out[i] = (HooksealOption){view(c->options[i].name), view(c->options[i].value)};
}

static int run_verify(const Case *c) {
  HooksealBytes secrets[MAX_ITEMS];
  HooksealOption options[MAX_ITEMS];
  for (size_t i = 0; i < c->n_secrets; i++) secrets[i] = view(c->secrets[i]);
  to_options(c, options);
  HooksealVerifier *v = NULL;
  char *err = NULL;
  HooksealStatus st = hookseal_verifier_new(view(c->scheme), secrets, c->n_secrets, options,
                                            c->n_options, &v, &err);
  if (st != HOOKSEAL_OK) {
    int ok = !strcmp(c->expect, "error") && same_code(st, c->error);
    if (!ok) fail(c, "construction failed", err);
    hookseal_error_free(err);
    return ok;
  }
  size_t n = hookseal_verifier_header_name_count(v);
  HooksealBytes values[8];
  if (n > 8) die("too many header names");
  static uint8_t joined[8][MAX_JOINED];
  for (size_t i = 0; i < n; i++) values[i] = header_value(c, hookseal_verifier_header_name(v, i), joined[i]);
  HooksealVerified out;
  st = hookseal_verify_at(v, c->body.ptr, c->body.len, values, n, c->now, &out, &err);
  int ok = 1;
  if (!strcmp(c->expect, "error")) {
    if (!same_code(st, c->error)) ok = fail(c, "wrong status", err ? err : "accepted");
  } else if (st != HOOKSEAL_OK) {
    ok = fail(c, "rejected", err);
  } else {
    if (c->secret_index.type == 'i' && (long long)out.secret_index != c->secret_index.number)
      ok = fail(c, "secret_index", NULL);
    if (c->ts.type == 'n' && out.has_timestamp) ok = fail(c, "timestamp should be absent", NULL);
    if (c->ts.type == 'i' && (!out.has_timestamp || (long long)out.timestamp != c->ts.number))
      ok = fail(c, "timestamp", NULL);
    HooksealEnvelope env;
    if (hookseal_envelope(v, c->body.ptr, c->body.len, values, n, &env, NULL) != HOOKSEAL_OK) {
      ok = fail(c, "envelope failed", NULL);
    } else {
      if (!same_text(&env.kind, &c->kind)) ok = fail(c, "kind", env.kind.ptr);
      if (!same_text(&env.event_id, &c->event_id)) ok = fail(c, "event_id", env.event_id.ptr);
      if (!same_text(&env.tenant, &c->tenant)) ok = fail(c, "tenant", env.tenant.ptr);
      if (!same_text(&env.idempotency_key, &c->idempotency_key))
        ok = fail(c, "idempotency_key", env.idempotency_key.ptr);
      hookseal_envelope_free(&env);
    }
  }
  hookseal_error_free(err);
  hookseal_verifier_free(v);
  return ok;
}

static int run_sign(const Case *c) {
  HooksealOption options[MAX_ITEMS];
  to_options(c, options);
  HooksealHeaderList list = {NULL, 0};
  char *err = NULL;
  HooksealBytes id = c->has_id ? view(c->id) : (HooksealBytes){NULL, 0};
  HooksealStatus st = hookseal_sign(view(c->scheme), view(c->secrets[0]), options, c->n_options,
                                    c->body.ptr, c->body.len, c->has_timestamp ? &c->timestamp : NULL,
                                    id, &list, &err);
  int ok = 1;
  if (!strcmp(c->expect, "error")) {
    if (!same_code(st, c->error)) ok = fail(c, "wrong status", err);
  } else if (st != HOOKSEAL_OK) {
    ok = fail(c, "signing failed", err);
  } else if (list.len != c->n_out_headers) {
    ok = fail(c, "wrong number of headers", NULL);
  } else {
    for (size_t i = 0; i < list.len; i++) {
      Expected name = {'s', c->out_headers[i].name, 0}, value = {'s', c->out_headers[i].value, 0};
      if (!same_text(&list.ptr[i].name, &name) || !same_text(&list.ptr[i].value, &value))
        ok = fail(c, "header differs", list.ptr[i].value.ptr);
    }
  }
  hookseal_header_list_free(&list);
  hookseal_error_free(err);
  return ok;
}

int main(int argc, char **argv) {
  if (argc != 2) die("usage: vectors FILE");
  FILE *in = fopen(argv[1], "r");
  if (in == NULL) die("cannot open the vector file");
  char *line = NULL;
  size_t cap = 0;
  int passed = 0, failed = 0;
  Case *c = calloc(1, sizeof *c);
  if (c == NULL) die("out of memory");
  while (read_case(in, c, &line, &cap)) {
    const char *op = (const char *)c->op.ptr;
    int ok = !strcmp(op, "verify") ? run_verify(c) : !strcmp(op, "sign") ? run_sign(c) : 0;
    ok ? passed++ : failed++;
    free_case(c);
  }
  free(c);
  free(line);
  fclose(in);
  if (passed + failed == 0) die("no vectors");
  printf("vectors: %d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
