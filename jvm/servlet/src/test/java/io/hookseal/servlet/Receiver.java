package io.hookseal.servlet;

import io.hookseal.Verified;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** A real embedded Tomcat on 127.0.0.1 with the filter in front of one handler. */
final class Receiver implements AutoCloseable {
    /** Tomcat's start and stop lines, kept out of the test output (held: loggers are weak). */
    private static final java.util.logging.Logger TOMCAT_LOG = java.util.logging.Logger.getLogger("org.apache");

    static {
        TOMCAT_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    final AtomicInteger runs = new AtomicInteger();
    /** The status the handler answers with (a test changes it). */
    volatile int status = 204;
    volatile String lastKind;
    volatile String lastBody;
    volatile String lastTenant;
    private final Tomcat tomcat = new Tomcat();
    private final HttpClient client = HttpClient.newHttpClient();
    final int port;

    Receiver(HooksealFilter filter) throws Exception {
        File base = Files.createTempDirectory("hookseal-tomcat").toFile();
        tomcat.setBaseDir(base.getPath());
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context ctx = tomcat.addContext("", base.getPath());
        FilterDef def = new FilterDef();
        def.setFilterName("hookseal");
        def.setFilter(filter);
        ctx.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("hookseal");
        map.addURLPattern("/hooks/*");
        ctx.addFilterMap(map);
        Tomcat.addServlet(ctx, "handler", new HttpServlet() {
            @Override protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
                runs.incrementAndGet();
                Verified v = HooksealFilter.verified(req);
                lastKind = v.getKind();
                lastTenant = HooksealFilter.tenant(req);
                lastBody = new String(req.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                res.setStatus(status);
            }
        });
        ctx.addServletMappingDecoded("/hooks/*", "handler");
        tomcat.start();
        port = tomcat.getConnector().getLocalPort();
    }

    HttpResponse<String> post(byte[] body, Map<String, String> headers) throws Exception {
        return post("/hooks/x", body, headers);
    }

    HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
