package example;

import io.hookseal.Verified;
import io.hookseal.store.MemoryStore;
import io.hookseal.store.Store;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

// One path per provider (application.properties). hookseal's filter answers 401/400/413
// itself, so only genuine deliveries get here, and a repeat is answered 200
// {"duplicate": true} without coming here again.
@SpringBootApplication
@RestController
public class Receiver {
    public static void main(String[] args) {
        SpringApplication.run(Receiver.class, args);
    }

    @Bean
    Store store() { // the deliveries already handled; in production a PostgresStore
        return new MemoryStore();
    }

    @PostMapping({"/saleslab", "/salesos", "/salesbooth", "/salescaling"})
    Map<String, Boolean> receive(Verified delivery) {
        System.out.println(delivery.getScheme() + " " + delivery.getKind() + " " + delivery.getEventId());
        return Map.of("received", true);
    }
}
