package hooksealgin_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	hookseal "github.com/hookseal/hookseal/go"
	hooksealgin "github.com/hookseal/hookseal/go/gin"
	"github.com/hookseal/hookseal/go/store"
)

const secret = "whsec_gin"

func init() { gin.SetMode(gin.TestMode) }

// serve runs a gin engine with gin.Recovery on 127.0.0.1, the webhook route at /hooks.
func serve(t *testing.T, handlers ...gin.HandlerFunc) string {
	t.Helper()
	r := gin.New()
	r.Use(gin.Recovery())
	r.POST("/hooks", handlers...)
	srv := httptest.NewServer(r)
	t.Cleanup(srv.Close)
	return srv.URL + "/hooks"
}

func verifier(t *testing.T, opts ...hookseal.Option) *hookseal.Verifier {
	t.Helper()
	v, err := hookseal.NewVerifier("salesos", append(opts, hookseal.WithSecrets(secret))...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = v.Close() })
	return v
}

// post sends body, signed unless tamper, and returns the status and the answer.
func post(t *testing.T, url, body string, tamper bool) (int, string) {
	t.Helper()
	h, err := hookseal.Sign("salesos", secret, []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if tamper {
		body += " "
	}
	req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	req.Header = h
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	answer, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(answer)
}

const deal = `{"id":"evt_gin_1","type":"deal.won","created_at":"2026-01-01T00:00:00Z","data":{}}`

func TestMiddlewareHandsTheVerifiedDeliveryOn(t *testing.T) {
	url := serve(t, hooksealgin.Middleware(verifier(t)), func(c *gin.Context) {
		delivery, ok := hookseal.FromContext(c.Request.Context())
		body, _ := io.ReadAll(c.Request.Body) // restored for the handler
		if !ok || !bytes.Equal(body, delivery.Body) {
			c.Status(http.StatusInternalServerError)
			return
		}
		c.String(http.StatusAccepted, "%s %s", delivery.Kind(), delivery.EventID())
	})
	if status, answer := post(t, url, deal, false); status != http.StatusAccepted || answer != "deal.won evt_gin_1" {
		t.Fatalf("genuine: %d %q", status, answer)
	}
}

func TestMiddlewareAnswersARejectionAndAbortsTheChain(t *testing.T) {
	ran := false
	url := serve(t, hooksealgin.Middleware(verifier(t, hookseal.WithMaxBody(256))), func(c *gin.Context) { ran = true })
	status, answer := post(t, url, deal, true)
	if status != http.StatusUnauthorized || !strings.HasPrefix(answer, `{"error":"signature_mismatch"`) {
		t.Fatalf("tampered: %d %q", status, answer)
	}
	if status, answer = post(t, url, `{"id":"evt_big","pad":"`+strings.Repeat("x", 300)+`"}`, false); status != http.StatusRequestEntityTooLarge ||
		!strings.HasPrefix(answer, `{"error":"payload_too_large"`) {
		t.Fatalf("too large: %d %q", status, answer)
	}
	if ran {
		t.Fatal("the handler ran for a rejected delivery")
	}
}

// gin's handlers answer through the store's view of the status: 2xx completes the
// claim, an error status or a panic releases it.
func TestMiddlewareWithStoreSeesGinsStatus(t *testing.T) {
	for _, fail := range []struct {
		name    string
		handler func(c *gin.Context)
		status  int
	}{
		{"AbortWithStatus", func(c *gin.Context) { c.AbortWithStatus(http.StatusServiceUnavailable) }, http.StatusServiceUnavailable},
		{"JSON 429", func(c *gin.Context) { c.JSON(http.StatusTooManyRequests, gin.H{"later": true}) }, http.StatusTooManyRequests},
		{"panic", func(c *gin.Context) { panic("the database is down") }, http.StatusInternalServerError},
	} {
		t.Run(fail.name, func(t *testing.T) {
			runs := 0
			url := serve(t, hooksealgin.MiddlewareWithStore(verifier(t), store.NewMemory(0), 0), func(c *gin.Context) {
				runs++
				if runs == 1 {
					fail.handler(c)
					return
				}
				c.Status(http.StatusNoContent)
			})
			if status, _ := post(t, url, deal, false); status != fail.status {
				t.Fatalf("first attempt: %d, want %d", status, fail.status)
			}
			if status, _ := post(t, url, deal, false); status != http.StatusNoContent { // released: the retry runs it
				t.Fatalf("retry: %d", status)
			}
			if status, answer := post(t, url, deal, false); status != http.StatusOK || answer != `{"duplicate":true}` || runs != 2 {
				t.Fatalf("duplicate: %d %q after %d runs", status, answer, runs)
			}
		})
	}
}

// A body an earlier handler bound with ShouldBindBodyWith is verified from gin's copy.
func TestWrapTakesTheBodyGinKept(t *testing.T) {
	bind := func(c *gin.Context) {
		var v map[string]any
		_ = c.ShouldBindBodyWithJSON(&v)
	}
	url := serve(t, bind, hooksealgin.Middleware(verifier(t)), func(c *gin.Context) { c.Status(http.StatusNoContent) })
	if status, answer := post(t, url, deal, false); status != http.StatusNoContent {
		t.Fatalf("after ShouldBindBodyWith: %d %q", status, answer)
	}
}

func TestATenantVerifierReadsTheTenantFromTheRoute(t *testing.T) {
	secrets := map[string]string{"acme": "whsec_acme", "globex": "whsec_globex"}
	tv, err := hookseal.NewTenantVerifier("salesos", hookseal.WithTenant(hooksealgin.Param("tenant"),
		func(_ context.Context, tenant string) ([]hookseal.Secret, error) {
			if s, ok := secrets[tenant]; ok {
				return []hookseal.Secret{{Value: s}}, nil
			}
			return nil, nil
		}))
	if err != nil {
		t.Fatal(err)
	}
	defer tv.Close()
	r := gin.New()
	r.POST("/hooks/:tenant", hooksealgin.Middleware(tv), func(c *gin.Context) {
		tenant, _ := hookseal.TenantFromContext(c.Request.Context())
		c.String(http.StatusOK, tenant)
	})
	srv := httptest.NewServer(r)
	defer srv.Close()
	send := func(tenant, secret string) (int, string) {
		h, _ := hookseal.Sign("salesos", secret, []byte(deal))
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/hooks/"+tenant, strings.NewReader(deal))
		req.Header = h
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		answer, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(answer)
	}
	if status, answer := send("acme", "whsec_acme"); status != 200 || answer != "acme" {
		t.Fatalf("acme: %d %q", status, answer)
	}
	if status, _ := send("globex", "whsec_acme"); status != 401 {
		t.Fatalf("acme's secret at globex: %d", status)
	}
	if status, answer := send("nobody", "whsec_acme"); status != 404 || !strings.Contains(answer, "unknown_tenant") {
		t.Fatalf("unknown: %d %s", status, answer)
	}
}
