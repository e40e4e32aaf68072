// Verification metrics: the helper records through the meter it is given, or through
// the global provider's when @opentelemetry/api is installed and a provider registered.
// This reader keeps them in memory; production registers an exporter instead.
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';

export class InMemoryReader extends MetricReader {
  async onForceFlush() {}
  async onShutdown() {}
}

export const reader = new InMemoryReader();
const provider = new MeterProvider({ readers: [reader] });
export const meter = provider.getMeter('hookseal');
// Or, for every helper built after it: metrics.setGlobalMeterProvider(provider)
// (import { metrics } from '@opentelemetry/api').
