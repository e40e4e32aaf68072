package io.hookseal.servlet;

import java.util.List;

/**
 * A tenant's secrets, looked up when the filter has no fresh verifier for it
 * (docs/tenants.md). Each entry is a {@code String}, a {@code byte[]} or an
 * {@code io.hookseal.Secret} (with its {@code notAfter}). An empty list or null means
 * no such tenant (404 {@code unknown_tenant}); an exception means the secrets could not
 * be read now (503 {@code secrets_unavailable} with {@code Retry-After}), and is not
 * remembered: the next request asks again.
 */
@FunctionalInterface
public interface SecretsResolver {
    List<?> secrets(String tenant) throws Exception;
}
