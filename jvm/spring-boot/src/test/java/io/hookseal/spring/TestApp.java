package io.hookseal.spring;

import io.hookseal.Verified;
import io.hookseal.servlet.HooksealFilter;
import io.hookseal.servlet.SecretsResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import io.hookseal.store.MemoryStore;
import io.hookseal.store.Store;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
@RestController
public class TestApp {
    static final AtomicInteger RUNS = new AtomicInteger();

    @Bean
    Store store() { return new MemoryStore(); }

    /** The tenants' secrets: in production a database or a vault. */
    @Bean
    SecretsResolver tenantSecrets() {
        return tenant -> tenant.equals("acme") ? List.of("whsec_acme") : null;
    }

    @PostMapping("/hooks/saleslab/{tenant}")
    ResponseEntity<String> tenantHook(Verified delivery, HttpServletRequest request) {
        RUNS.incrementAndGet();
        return ResponseEntity.ok(HooksealFilter.tenant(request) + " " + delivery.getKind());
    }

    @PostMapping({"/hooks/salesbooth", "/hooks/stripe"})
    ResponseEntity<String> hook(Verified delivery) {
        RUNS.incrementAndGet();
        return ResponseEntity.ok(delivery.getScheme() + " " + delivery.getKind() + " " + delivery.getSecretIndex());
    }
}
