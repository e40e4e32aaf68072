package io.hookseal.servlet;

import io.hookseal.HooksealException;
import io.hookseal.ReceiveContract;
import io.hookseal.Verified;
import io.hookseal.Verifier;
import io.hookseal.store.Claim;
import io.hookseal.store.Store;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies every request it filters and answers by the core's receive contract
 * (docs/receiving.md): the raw body is read up to {@code max_body + 1} bytes, the
 * verifier's headers are picked by name, a rejection is
 * {@code {"error": code, "message": …}} with its row's status, and a verified delivery
 * reaches the chain as the request attribute {@link #VERIFIED} with its body readable
 * again. With a {@link Store}, each delivery is claimed under
 * {@code <scheme>:<idempotency key>} first: a repeat is answered 200
 * {@code {"duplicate":true}} without the chain, the chain's 2xx completes the claim and
 * anything else (or an exception) releases it.
 */
public final class HooksealFilter implements Filter {
    /** The request attribute holding the {@link Verified} delivery. */
    public static final String VERIFIED = Verified.class.getName();

    private static final Logger LOG = Logger.getLogger(HooksealFilter.class.getName());

    private final Verifier verifier;
    private final Store store;
    private final Duration lease;
    private final Duration ttl;

    /** Without de-duplication. */
    public HooksealFilter(Verifier verifier) { this(verifier, null); }

    /** With a store, the contract's lease (60 s) and TTL (30 days). */
    public HooksealFilter(Verifier verifier, Store store) {
        this(verifier, store, Duration.ofSeconds(ReceiveContract.LEASE_SECONDS), Duration.ofSeconds(ReceiveContract.TTL_SECONDS));
    }

    public HooksealFilter(Verifier verifier, Store store, Duration lease, Duration ttl) {
        this.verifier = verifier;
        this.store = store;
        this.lease = lease;
        this.ttl = ttl;
    }

    /** The verified delivery of a request this filter passed, or null. */
    public static Verified verified(ServletRequest request) {
        return (Verified) request.getAttribute(VERIFIED);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        byte[] body;
        try {
            body = BoundedBody.read(request.getInputStream(), verifier.getMaxBody() + 1);
        } catch (IOException e) {
            answer(response, ReceiveContract.reply("unreadable_body"), null, 0);
            return;
        }
        Verified delivery;
        try {
            delivery = verifier.verify(body, name -> list(request.getHeaders(name)));
        } catch (HooksealException e) {
            answer(response, ReceiveContract.reply(e), e.getMessage(), 0);
            return;
        }
        request.setAttribute(VERIFIED, delivery);
        HttpServletRequest verified = new VerifiedRequest(request, body);
        String key = store == null ? null : ReceiveContract.claimKey(delivery.getScheme(), delivery.getIdempotencyKey());
        if (key == null) {
            chain.doFilter(verified, response);
            return;
        }
        runOnce(key, verified, response, chain);
    }

    /** The claim, the chain, then complete or release (docs/receiving.md §4). */
    private void runOnce(String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Claim claim;
        try {
            claim = store.claim(key, lease);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "hookseal: the store failed to claim " + key, e);
            answer(response, ReceiveContract.reply(ReceiveContract.ON_CLAIM.get("failed")), null, 0);
            return;
        }
        switch (claim.outcome()) {
            case DONE -> {
                response.setStatus(ReceiveContract.DUPLICATE_STATUS);
                json(response, ReceiveContract.DUPLICATE_BODY);
                return;
            }
            case PROCESSING -> {
                answer(response, ReceiveContract.reply(ReceiveContract.ON_CLAIM.get("processing")), null,
                        claim.leaseLeft().toMillis());
                return;
            }
            case FIRST -> { }
        }
        boolean completed = false;
        try {
            chain.doFilter(request, response);
            completed = ReceiveContract.completes(response.getStatus());
        } finally {
            try {
                if (completed) store.complete(key, claim.token(), ttl);
                else store.release(key, claim.token());
            } catch (Exception e) {
                // What it leaves behind is a lease, which expires: the retry after it runs.
                LOG.log(Level.WARNING, "hookseal: the store failed to settle " + key, e);
            }
        }
    }

    private static void answer(HttpServletResponse response, ReceiveContract.Reply reply, String message, long leaseLeftMs)
            throws IOException {
        response.setStatus(reply.getStatus());
        Long retry = reply.retryAfter(leaseLeftMs);
        if (retry != null) response.setHeader("Retry-After", Long.toString(retry));
        json(response, message == null ? reply.body() : reply.body(message));
    }

    private static void json(HttpServletResponse response, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static java.util.List<String> list(Enumeration<String> values) {
        return values == null ? null : Collections.list(values);
    }
}
