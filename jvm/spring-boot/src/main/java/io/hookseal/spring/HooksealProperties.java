package io.hookseal.spring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hookseal.endpoints.<name>.path}, {@code .secrets} (or {@code .secret}), and
 * optionally {@code .scheme} (default: the endpoint's name) and {@code .options.*} (the
 * core's snake_case options as text, parsed by the core).
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
    }
}
