package hooksealotel_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	hookseal "github.com/hookseal/hookseal/go"
	hooksealotel "github.com/hookseal/hookseal/go/otel"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
)

func ExampleWithMeterProvider() {
	reader := sdkmetric.NewManualReader() // in production, the exporter's reader
	provider := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))

	v, err := hookseal.NewVerifier("salesbooth", hookseal.WithSecrets("whsec_test"),
		hooksealotel.WithMeterProvider(provider))
	if err != nil {
		panic(err)
	}
	defer v.Close()
	handler := v.Middleware(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	req := httptest.NewRequest(http.MethodPost, "/hooks/salesbooth", strings.NewReader("{}"))
	handler.ServeHTTP(httptest.NewRecorder(), req) // 400 missing_signature

	var data metricdata.ResourceMetrics
	_ = reader.Collect(context.Background(), &data)
	for _, m := range data.ScopeMetrics[0].Metrics {
		if sum, ok := m.Data.(metricdata.Sum[int64]); ok {
			point := sum.DataPoints[0]
			outcome, _ := point.Attributes.Value("hookseal.outcome")
			fmt.Println(m.Name, outcome.AsString(), point.Value)
		}
	}
	// Output: hookseal.verifications missing_signature 1
}
