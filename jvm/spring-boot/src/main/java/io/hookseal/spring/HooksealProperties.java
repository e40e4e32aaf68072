package io.hookseal.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hookseal.endpoints.<name>.path}, {@code .secrets} (or {@code .secret}), and
 * optionally {@code .scheme} (default: the endpoint's name) and {@code .options.*} (the
 * core's snake_case options as text, parsed by the core), {@code .explain} (default:
 * {@code HOOKSEAL_EXPLAIN=1}), and {@code .tenant.*} for per-tenant secrets
 * (docs/tenants.md): {@code .tenant.header} or {@code .tenant.from-path}, the
 * {@code SecretsResolver} bean ({@code .tenant.secrets-resolver}, by name, when there
 * are several), {@code .tenant.cache-max} and {@code .tenant.cache-ttl}.
 */
@ConfigurationProperties("hookseal")
public class HooksealProperties {
    private Map<String, Endpoint> endpoints = new LinkedHashMap<>();

    public Map<String, Endpoint> getEndpoints() { return endpoints; }
    public void setEndpoints(Map<String, Endpoint> endpoints) { this.endpoints = endpoints; }

    public static class Endpoint {
        private String path;
        private String scheme;
        private List<String> secrets = new ArrayList<>();
        private Map<String, String> options = new LinkedHashMap<>();
        private boolean deduplicate = true;
        private Boolean explain;
        private Tenant tenant;

        public String getPath() { return path; }
        public void setPath(String path) { this.path = path; }
        public String getScheme() { return scheme; }
        public void setScheme(String scheme) { this.scheme = scheme; }
        public List<String> getSecrets() { return secrets; }
        public void setSecrets(List<String> secrets) { this.secrets = secrets; }
        /** One secret: the common case. */
        public void setSecret(String secret) { this.secrets = new ArrayList<>(List.of(secret)); }
        public Map<String, String> getOptions() { return options; }
        public void setOptions(Map<String, String> options) { this.options = options; }
        /** Whether a {@code Store} bean, when there is one, de-duplicates this endpoint. */
        public boolean isDeduplicate() { return deduplicate; }
        public void setDeduplicate(boolean deduplicate) { this.deduplicate = deduplicate; }
        /** Whether a rejection carries the core's explanation; null: {@code HOOKSEAL_EXPLAIN=1}. */
        public Boolean getExplain() { return explain; }
        public void setExplain(Boolean explain) { this.explain = explain; }
        /** Per-tenant secrets; null: the endpoint's own {@code secrets}. */
        public Tenant getTenant() { return tenant; }
        public void setTenant(Tenant tenant) { this.tenant = tenant; }
    }

    /** Where an endpoint reads the tenant, and how its verifiers are cached. */
    public static class Tenant {
        private String header;
        private boolean fromPath;
        private String secretsResolver;
        private Integer cacheMax;
        private Duration cacheTtl;

        /** The header holding the tenant. */
        public String getHeader() { return header; }
        public void setHeader(String header) { this.header = header; }
        /** The tenant is the last segment of the path ({@code path=/hooks/saleslab/*}). */
        public boolean isFromPath() { return fromPath; }
        public void setFromPath(boolean fromPath) { this.fromPath = fromPath; }
        /** The name of the {@code SecretsResolver} bean; null: the only one. */
        public String getSecretsResolver() { return secretsResolver; }
        public void setSecretsResolver(String secretsResolver) { this.secretsResolver = secretsResolver; }
        public Integer getCacheMax() { return cacheMax; }
        public void setCacheMax(Integer cacheMax) { this.cacheMax = cacheMax; }
        public Duration getCacheTtl() { return cacheTtl; }
        public void setCacheTtl(Duration cacheTtl) { this.cacheTtl = cacheTtl; }
    }
}
